import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { translator } from '../../src/i18n';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { DEMO_ROSTER_FILE, demoCast, parseDemoRoster, type DemoCast } from '../../src/local/demoRoster';
import { startPlayground, type Playground } from '../../src/local/playground';
import { playgroundConfig } from '../../src/local/playgroundConfig';
import { findFreePort } from '../../src/local/ports';
import { startBotHarness, type BotHarness } from '../support/botHarness';
import { CHROMIUM_FLAGS, chromiumExecutable } from '../support/chromium';

// The bot, the real Agents Playground in front of it and headless Chromium on the Playground's page, with the
// moves a person makes there: type a message, read the newest card, click a button on it.

const MESSAGE_BOX = '[data-lexical-editor="true"][role="textbox"]';
const CARD = '.ac-adaptiveCard';
const VIEWPORT = { width: 1280, height: 900 };
/** A card answer takes a few hundred milliseconds; the margin is for a busy CI machine. */
const CARD_TIMEOUT_MS = 15_000;
/** The Playground's first start unpacks and loads a large bundle. */
const SESSION_START_TIMEOUT_MS = 120_000;

/**
 * The Playground (0.2.x) sends every message and button click with locale en-US, whatever the browser's
 * language; `npm start` therefore pins the bot to Japanese (BOT_LANGUAGE=ja), and so does every session.
 */
export const t = translator('ja');

export interface PlaygroundSession {
  /** The demo roster's people; the Playground's current user is `cast.employee`. */
  readonly cast: DemoCast;
  readonly harness: BotHarness;
  readonly page: Page;
  /** Types a chat message and sends it with Enter. */
  send(text: string): Promise<void>;
  /** The newest card in the conversation (a card updated in place stays where it was). */
  latestCard(): Locator;
  cardCount(): Promise<number>;
  /** Waits until the newest card shows the text (a new message, or a card updated in place). */
  latestCardShowing(text: string): Promise<Locator>;
  /** Clicks the button with exactly this name on the newest card, once it is there. */
  clickOnLatestCard(name: string): Promise<void>;
  /** Waits for an element; on timeout, says what was expected and what the latest card showed instead. */
  waitFor(locator: Locator, what: string): Promise<void>;
  /**
   * Takes an element screenshot (PNG), also saved as `name` in the folder E2E_SCREENSHOTS names when it is set.
   * The window grows to the element's height first: the chat pane scrolls, and a tall card would be cut off.
   */
  screenshot(element: Locator, name: string): Promise<Buffer>;
  stop(): Promise<void>;
}

/**
 * One session for the calling test file: started before its first test, stopped after its last. Call it at the
 * top level of the file; the object it returns works once the tests run.
 */
export function playgroundSessionForThisFile(): PlaygroundSession {
  const session = {} as PlaygroundSession;
  let started: PlaygroundSession | undefined;
  beforeAll(async () => {
    started = await startPlaygroundSession();
    Object.assign(session, started);
  }, SESSION_START_TIMEOUT_MS);
  afterAll(async () => {
    await started?.stop();
  });
  return session;
}

/** Starts Azurite, the bot (Japanese), the Playground as the demo employee and Chromium; resolves once the bot has welcomed the user. */
async function startPlaygroundSession(): Promise<PlaygroundSession> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'playground-'));
  let azurite: Azurite | undefined;
  let harness: BotHarness | undefined;
  let playground: Playground | undefined;
  let browser: Browser | undefined;
  const stop = async (): Promise<void> => {
    await browser?.close();
    await playground?.stop();
    await harness?.stop();
    await azurite?.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const cast = demoCast(parseDemoRoster(readFileSync(path.join(__dirname, '..', '..', DEMO_ROSTER_FILE), 'utf8')));
    // Storage of its own: every session is the same demo employee, and test files run side by side.
    azurite = await startAzurite();
    harness = await startBotHarness({ language: 'ja', connectionString: azurite.connectionString });
    playground = await startPlayground({
      botEndpoint: harness.url,
      workDir,
      config: playgroundConfig(cast),
      port: await findFreePort(),
    });
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS });
    const page = await browser.newPage({ viewport: VIEWPORT });
    const session = sessionOn(page, cast, harness, stop);
    await page.goto(playground.url);
    // The welcome card proves the Playground reached the bot before anything is typed.
    await session.waitFor(page.locator(CARD).first(), 'the bot to welcome the user (is the bot reachable?)');
    return session;
  } catch (error) {
    await stop();
    throw error;
  }
}

function sessionOn(page: Page, cast: DemoCast, harness: BotHarness, stop: () => Promise<void>): PlaygroundSession {
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
    cast,
    harness,
    page,
    latestCard,
    waitFor,
    stop,
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
    async clickOnLatestCard(name) {
      const button = latestCard().getByRole('button', { name, exact: true });
      await waitFor(button, `a "${name}" button on the latest card`);
      await button.click();
    },
  };
}
