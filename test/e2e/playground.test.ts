import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { demoCast, parseDemoRoster, DEMO_ROSTER_FILE } from '../../src/local/demoRoster';
import { startPlayground, type Playground } from '../../src/local/playground';
import { playgroundConfig } from '../../src/local/playgroundConfig';
import { findFreePort } from '../../src/local/ports';
import { startBotHarness, type BotHarness } from '../support/botHarness';

let harness: BotHarness;
let playground: Playground;
let browser: Browser;
let page: Page;
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'playground-'));
  harness = await startBotHarness();
  const cast = demoCast(parseDemoRoster(readFileSync(path.join(__dirname, '../..', DEMO_ROSTER_FILE), 'utf8')));
  playground = await startPlayground({ botEndpoint: harness.url, workDir, config: playgroundConfig(cast), port: await findFreePort() });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
  page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(playground.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await harness?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

test('explore', async () => {
  await page.waitForTimeout(5000);
  await page.screenshot({ path: '/tmp/pg-1.png', fullPage: true });
  writeFileSync('/tmp/pg-1.txt', await page.locator('body').ariaSnapshot());
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
  await box.click();
  await box.fill('メニュー');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(4000);
  await page.screenshot({ path: '/tmp/pg-2.png', fullPage: true });
  writeFileSync('/tmp/pg-2.txt', await page.locator('body').ariaSnapshot());
  await page.getByRole('img', { name: '北九 太郎' }).first().click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/pg-3.png' });
  writeFileSync('/tmp/pg-3.txt', await page.locator('body').ariaSnapshot());
  await page.getByRole('button', { name: 'More' }).click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/pg-4.png' });
}, 60_000);
