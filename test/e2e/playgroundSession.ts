import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import type { Employee } from '../../src/domain/roster/employee';
import { translator } from '../../src/i18n';
import { importRoster } from '../../src/importing/importRoster';
import { startAzurite } from '../../src/local/azurite';
import { DEMO_ROSTER_FILE, demoCast, parseDemoRoster, type DemoCast, type DemoRole } from '../../src/local/demoRoster';
import { startPlayground, type Playground } from '../../src/local/playground';
import { playgroundConfig } from '../../src/local/playgroundConfig';
import { findFreePort } from '../../src/local/ports';
import { startBotHarness, type BotHarness } from '../support/botHarness';
import { CHROMIUM_FLAGS, chromiumExecutable } from '../support/chromium';
import { Stoppers } from '../support/stoppers';

// The bot, the real Agents Playground in front of it (one per person a test acts as) and headless Chromium on
// each Playground's page, with the moves a person makes there: type a message, read the newest card, click a button.

const MESSAGE_BOX = '[data-lexical-editor="true"][role="textbox"]';
const CARD = '.ac-adaptiveCard';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Marks a card element for `pin`; the Playground's markup has no id of the message a card belongs to. */
const PIN_ATTRIBUTE = 'data-e2e-pin';
/** The smallest card the e2e tests photograph (a title, two lines, buttons) is about 145 px high; a sliver of one is far lower. */
const MIN_CARD_HEIGHT = 100;
const VIEWPORT = { width: 1280, height: 900 };
/**
 * A card answer takes a few hundred milliseconds, a broadcast's report a few seconds: this is only how long to wait
 * before failing with a clear message, far beyond a busy machine and well inside Jest's 60 s per test.
 */
const CARD_TIMEOUT_MS = 30_000;
/** The Playground's first start unpacks and loads a large bundle. */
const SESSION_START_TIMEOUT_MS = 120_000;

/**
 * The Playground (0.2.x) sends every message and button click with locale en-US, whatever the browser's
 * language; `npm start` therefore pins the bot to Japanese (BOT_LANGUAGE=ja), and so does every session.
 */
export const t = translator('ja');

/** The demo roster (CSV) the sessions' people come from, as `npm start` imports it. */
export function demoRosterText(): string {
  return readFileSync(path.join(__dirname, '..', '..', DEMO_ROSTER_FILE), 'utf8');
}

/** The width and height of a PNG image, from its header; throws if the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG image');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Takes a card's screenshot (see `screenshot`) and checks it is a PNG of the whole card, not a sliver of it. */
export async function expectCardScreenshot(session: PlaygroundSession, card: Locator, name: string): Promise<Buffer> {
  const png = await session.screenshot(card, name);
  expect(pngSize(png).height).toBeGreaterThan(MIN_CARD_HEIGHT);
  return png;
}

/** A `prepare` for sessions where people apply: this fiscal year's Gold and Silver windows open since yesterday, until tomorrow. */
export async function openApplications({ harness }: SharedBot): Promise<void> {
  const { applicationWindows } = harness.bot.repositories;
  const now = Date.now();
  for (const track of ['gold', 'silver']) {
    await applicationWindows.save({
      frameworkId: harness.frameworkId,
      fiscalYear: fiscalYearOf(new Date(now)),
      track,
      opensAt: new Date(now - DAY_MS).toISOString(),
      closesAt: new Date(now + DAY_MS).toISOString(),
    });
  }
}

/**
 * An element of the page, as far as code run in the page uses it: the project's TypeScript has no DOM library
 * (Playwright's element types do not resolve without it).
 */
export interface PageElement {
  readonly textContent: string | null;
  setAttribute(name: string, value: string): void;
}

export interface PlaygroundSession {
  /** The demo roster's people. */
  readonly cast: DemoCast;
  /** The Playground's current user: `cast.employee` unless the session was opened as another role. */
  readonly user: Employee;
  /** The Playground's page; the service URL the bot sends this user's replies and proactive messages to is on its port. */
  readonly playgroundUrl: string;
  readonly harness: BotHarness;
  readonly page: Page;
  /** Types a chat message and sends it with Enter. */
  send(text: string): Promise<void>;
  /** The newest card in the conversation (a card updated in place stays where it was). */
  latestCard(): Locator;
  cardCount(): Promise<number>;
  /** Waits until the newest card shows the text (a new message, or a card updated in place). */
  latestCardShowing(text: string): Promise<Locator>;
  /** Waits for a card showing the text, and returns the newest such card, wherever it is in the conversation. */
  cardShowing(text: string): Promise<Locator>;
  /**
   * A locator for this very card element and no other: it still finds the card once the card is updated in place,
   * and finds nothing if the card was drawn anew as another element (or another message took its place).
   */
  pin(card: Locator): Promise<Locator>;
  /** Clicks the button with exactly this name on the newest card, once it is there. */
  clickOnLatestCard(name: string): Promise<void>;
  /** Waits for an element; on timeout, says what was expected and what the latest card showed instead. */
  waitFor(locator: Locator, what: string): Promise<void>;
  /**
   * Takes an element screenshot (PNG), also saved as `name` in the folder E2E_SCREENSHOTS names when it is set.
   * The window grows to the element's height first: the chat pane scrolls, and a tall card would be cut off.
   */
  screenshot(element: Locator, name: string): Promise<Buffer>;
  /** Stops everything the session runs on, shared with its sibling sessions: the Playgrounds, bot, Azurite, Chromium. */
  stop(): Promise<void>;
}

/** What the bot the sessions share is, and what it holds before anyone connects. */
export interface SharedBot {
  readonly cast: DemoCast;
  readonly harness: BotHarness;
}

export interface PlaygroundSessionsOptions<R extends DemoRole> {
  /**
   * One Playground per role, each with that role's person as its current user, in front of the same bot. Their
   * pages open in this order, each once the one before was welcomed: the bot knows where to reach the first one
   * by the time the second connects.
   */
  readonly roles: readonly R[];
  /** Runs once the bot is up, before any Playground connects: import the roster, open a window, and the like. */
  readonly prepare?: (bot: SharedBot) => Promise<void>;
}

/**
 * One session for the calling test file, as the demo employee: started before its first test, stopped after its
 * last. Call it at the top level of the file; the object it returns works once the tests run.
 */
export function playgroundSessionForThisFile(): PlaygroundSession {
  return playgroundSessionsForThisFile({ roles: ['employee'] }).employee;
}

/**
 * Sessions for the calling test file, one per role, sharing one bot, its own Azurite and one Chromium (a page per
 * Playground): started before the file's first test, stopped after its last. Call it at the top level of the
 * file; the sessions it returns work once the tests run.
 */
export function playgroundSessionsForThisFile<R extends DemoRole>(
  options: PlaygroundSessionsOptions<R>,
): Record<R, PlaygroundSession> {
  const sessions = Object.fromEntries(options.roles.map((role) => [role, {}])) as Record<R, PlaygroundSession>;
  // The file's, not the start's: a start still going when its hook times out is stopped all the same.
  const running = new Stoppers();
  beforeAll(async () => {
    const started = await startPlaygroundSessions(options, running);
    for (const role of options.roles) Object.assign(sessions[role], started[role]);
  }, SESSION_START_TIMEOUT_MS);
  afterAll(() => running.stopAll());
  return sessions;
}

/**
 * Starts Azurite, the bot (Japanese), a Playground per role and Chromium; resolves once the bot has welcomed every
 * Playground's user. On failure, stops whatever had started.
 */
async function startPlaygroundSessions<R extends DemoRole>(
  options: PlaygroundSessionsOptions<R>,
  running: Stoppers,
): Promise<Record<R, PlaygroundSession>> {
  const stop = (): Promise<void> => running.stopAll();
  return running.startOrStop(async () => {
    const cast = demoCast(parseDemoRoster(demoRosterText()));
    // Storage of its own: every file's sessions are the same demo people, and test files run side by side.
    const azurite = running.add(await startAzurite());
    const harness = running.add(await startBotHarness({ language: 'ja', connectionString: azurite.connectionString }));
    // The demo roster, as `npm start` imports it: the Playground's people are on it.
    const imported = await importRoster(demoRosterText(), harness.bot.repositories.roster);
    if (imported.status !== 'imported') throw new Error(`the demo roster was not imported: ${JSON.stringify(imported)}`);
    await options.prepare?.({ cast, harness });
    // The Playgrounds start side by side (each takes a few seconds); the pages open one after the other.
    const playgrounds = await running.addAll(options.roles.map((role) => startPlaygroundAs(cast, role, harness)));
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS });
    running.add({ stop: () => browser.close() });
    const sessions = {} as Record<R, PlaygroundSession>;
    for (const [i, role] of options.roles.entries()) {
      const playground = playgrounds[i]!;
      const page = await browser.newPage({ viewport: VIEWPORT });
      const session = sessionOn(page, { cast, user: cast[role]!, playgroundUrl: playground.url, harness, stop });
      await page.goto(playground.url);
      // The welcome card proves the Playground reached the bot (and the bot recorded where to reach its user).
      await session.waitFor(page.locator(CARD).first(), `the bot to welcome ${session.user.name} (is the bot reachable?)`);
      sessions[role] = session;
    }
    return sessions;
  });
}

/** A Playground whose current user is the cast's person in `role`, in a working directory of its own. */
async function startPlaygroundAs(cast: DemoCast, role: DemoRole, harness: BotHarness): Promise<Playground> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), `playground-${role}-`));
  const removeWorkDir = (): void => rmSync(workDir, { recursive: true, force: true });
  try {
    const playground = await startPlayground({
      botEndpoint: harness.url,
      workDir,
      config: playgroundConfig(cast, role),
      port: await findFreePort(),
    });
    return {
      ...playground,
      async stop() {
        await playground.stop();
        removeWorkDir();
      },
    };
  } catch (error) {
    removeWorkDir();
    throw error;
  }
}

function sessionOn(
  page: Page,
  about: Pick<PlaygroundSession, 'cast' | 'user' | 'playgroundUrl' | 'harness' | 'stop'>,
): PlaygroundSession {
  const latestCard = (): Locator => page.locator(CARD).last();
  const waitFor = async (locator: Locator, what: string): Promise<void> => {
    try {
      await locator.first().waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
    } catch {
      const shown = await latestCard()
        .innerText({ timeout: 1000 })
        .catch(() => '(no card at all)');
      throw new Error(`waited ${CARD_TIMEOUT_MS} ms for ${what}; the latest card shows:\n${shown}`);
    }
  };
  return {
    ...about,
    page,
    latestCard,
    waitFor,
    async send(text) {
      await page.locator(MESSAGE_BOX).click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    },
    async screenshot(element, name) {
      const dir = process.env.E2E_SCREENSHOTS;
      if (dir) mkdirSync(dir, { recursive: true });
      const viewport = page.viewportSize() ?? VIEWPORT;
      const box = await element.boundingBox();
      await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(box?.height ?? 0) + 400) });
      try {
        await element.scrollIntoViewIfNeeded();
        return await element.screenshot({ path: dir ? path.join(dir, name) : undefined });
      } finally {
        await page.setViewportSize(viewport);
      }
    },
    cardCount: () => page.locator(CARD).count(),
    async latestCardShowing(text) {
      const card = latestCard();
      await waitFor(card.getByText(text, { exact: true }), `the latest card to show "${text}"`);
      return card;
    },
    async cardShowing(text) {
      const showing = page.locator(CARD).filter({ has: page.getByText(text, { exact: true }) });
      await waitFor(showing, `a card showing "${text}"`);
      return showing.last();
    },
    async pin(card) {
      const pin = randomUUID();
      await card.evaluate((element: PageElement, [name, value]) => element.setAttribute(name, value), [PIN_ATTRIBUTE, pin] as const);
      return page.locator(`[${PIN_ATTRIBUTE}="${pin}"]`);
    },
    async clickOnLatestCard(name) {
      const button = latestCard().getByRole('button', { name, exact: true });
      await waitFor(button, `a "${name}" button on the latest card`);
      await button.click();
    },
  };
}
