import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { translator } from '../../src/i18n';
import { DEMO_ROSTER_FILE, demoCast, parseDemoRoster, type DemoCast } from '../../src/local/demoRoster';
import { startPlayground, type Playground } from '../../src/local/playground';
import { playgroundConfig } from '../../src/local/playgroundConfig';
import { findFreePort } from '../../src/local/ports';
import { kitakyushuText, startBotHarness, type BotHarness } from '../support/botHarness';

// Golden paths through the real Agents Playground in headless Chromium: what a person sees and clicks.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const MESSAGE_BOX = '[data-lexical-editor="true"][role="textbox"]';
/** A card answer takes a few hundred milliseconds; the margin is for a busy CI machine. */
const CARD_TIMEOUT_MS = 15_000;

// The Playground (0.2.x) sends every message and button click with locale en-US, whatever the browser's
// language; `npm start` therefore pins the bot to Japanese (BOT_LANGUAGE=ja), and so does this test.
const t = translator('ja');
const framework = JSON.parse(kitakyushuText()) as { levels: { level: number; title: string }[]; categories: { name: string }[] };

let cast: DemoCast;
let harness: BotHarness;
let playground: Playground;
let browser: Browser;
let page: Page;
let workDir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install the "chromium" package, or set CHROMIUM_PATH`);
  }
  workDir = mkdtempSync(path.join(os.tmpdir(), 'playground-'));
  cast = demoCast(parseDemoRoster(readFileSync(path.join(__dirname, '..', '..', DEMO_ROSTER_FILE), 'utf8')));
  harness = await startBotHarness({ language: 'ja' });
  playground = await startPlayground({
    botEndpoint: harness.url,
    workDir,
    config: playgroundConfig(cast),
    port: await findFreePort(),
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(playground.url);
  // The welcome card proves the Playground reached the bot before anything is typed.
  await waitFor(page.locator('.ac-adaptiveCard').first(), 'the bot to welcome the user (is the bot reachable?)');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await harness?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('DX Navi in the Agents Playground', () => {
  test('typing メニュー shows the menu card, to the demo employee', async () => {
    await send('メニュー');
    const menu = await latestCardShowing(t('menu.title'));
    for (const name of [t('menu.ladder'), t('menu.recommended'), t('menu.training'), t('menu.searchButton')]) {
      await waitFor(menu.getByRole('button', { name, exact: true }), `the menu's "${name}" button`);
    }
    const conversation = await harness.bot.repositories.conversations.find('user', cast.employee.aadObjectId);
    expect(conversation?.name).toBe(cast.employee.name);
  });

  test('the ladder lists Lv.5 down to Lv.1, and a rung turns the card into that level', async () => {
    const cards = await cardCount();
    await clickOnLatestCard(t('menu.ladder'));
    const ladder = await latestCardShowing(t('ladder.title', { count: 5 }));
    const text = await ladder.innerText();
    const positions = [5, 4, 3, 2, 1].map((level) => text.indexOf(`Lv.${level}`));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);

    await clickOnLatestCard(t('ladder.open', { level: 3 }));
    const title = framework.levels.find((l) => l.level === 3)!.title;
    const level = await latestCardShowing(t('common.levelHeading', { level: 3, title }));
    for (const category of framework.categories) await waitFor(level.getByText(category.name, { exact: true }), category.name);
    expect(await cardCount()).toBe(cards);
    await backToMenu();
  });

  test('a keyword search lists results, and a required skill opens with its definition and example', async () => {
    await send('AI');
    const results = await latestCardShowing(t('search.title', { query: 'AI' }));
    const skillHit = results.getByRole('button').filter({ hasText: t('search.kind.skill') }).first();
    await waitFor(skillHit, 'a required skill among the results');
    const skillName = await skillHit.getAttribute('aria-label');
    await skillHit.click();
    const skill = await latestCardShowing(t('skill.definition'));
    await waitFor(skill.getByText(t('skill.example'), { exact: true }), "the skill card's example");
    await waitFor(skill.getByText(skillName ?? '(a button without a name)', { exact: true }), `the skill's name "${skillName}"`);
    await backToMenu();
  });

  test('the ladder, recommended skills, training and search results each lead back to the menu', async () => {
    const views: [button: string, heading: string][] = [
      [t('menu.ladder'), t('ladder.title', { count: 5 })],
      [t('menu.recommended'), t('recommended.title')],
      [t('menu.training'), t('training.heading', { level: 1 })],
    ];
    for (const [button, heading] of views) {
      await clickOnLatestCard(button);
      await latestCardShowing(heading);
      await backToMenu();
    }
    await send('AI');
    await latestCardShowing(t('search.title', { query: 'AI' }));
    await backToMenu();
  });
});

async function send(text: string): Promise<void> {
  const box = page.locator(MESSAGE_BOX);
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

function latestCard(): Locator {
  return page.locator('.ac-adaptiveCard').last();
}

async function cardCount(): Promise<number> {
  return page.locator('.ac-adaptiveCard').count();
}

/** Waits until the newest card shows the text (a new message, or a card updated in place). */
async function latestCardShowing(text: string): Promise<Locator> {
  const card = latestCard();
  await waitFor(card.getByText(text, { exact: true }), `the latest card to show "${text}"`);
  return card;
}

async function clickOnLatestCard(name: string): Promise<void> {
  const button = latestCard().getByRole('button', { name, exact: true });
  await waitFor(button, `a "${name}" button on the latest card`);
  await button.click();
}

async function backToMenu(): Promise<void> {
  await clickOnLatestCard(t('common.backToMenu'));
  await latestCardShowing(t('menu.title'));
}

/** Waits for an element; on timeout, says what was expected and what the latest card showed instead. */
async function waitFor(locator: Locator, what: string): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
  } catch {
    const shown = await latestCard()
      .innerText({ timeout: 1000 })
      .catch(() => '(no card at all)');
    throw new Error(`waited ${CARD_TIMEOUT_MS} ms for ${what}; the latest card shows:\n${shown}`);
  }
}
