import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { allCards, kitakyushuActive, type CardCase } from '../support/allCards';

/**
 * Renders every card the bot can produce with the `adaptivecards` v3 renderer in headless Chromium, as a
 * client would: parse warnings and validateProperties() catch misspelled elements and properties, and the
 * card must render to an element with text. Set CARD_SCREENSHOTS to a folder to get a PNG of each card.
 */

const active = kitakyushuActive();
const cases: CardCase[] = [...allCards('ja', active), ...allCards('en', active)];
const screenshots = process.env.CARD_SCREENSHOTS;
/** About as wide as a card in a Teams chat on a laptop. */
const CARD_WIDTH_PX = 480;

/** Debian's chromium (or CHROMIUM_PATH), found on PATH so that no machine path is written down here. */
function chromiumExecutable(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const file = path.join(dir, name);
      if (dir !== '' && existsSync(file)) return file;
    }
  }
  throw new Error('no chromium on PATH: install Debian\'s "chromium" package or set CHROMIUM_PATH');
}

/** A file of the adaptivecards package's browser build. */
function adaptiveCardsDist(file: string): string {
  return readFileSync(path.join(path.dirname(require.resolve('adaptivecards/package.json')), 'dist', file), 'utf8');
}

/** What the page reports about one card. */
interface RenderReport {
  parseEvents: string[];
  validationFailures: string[];
  rendered: boolean;
  text: string;
}

/** The little of the page's globals that renderInPage uses (the tests compile without the DOM library). */
interface ValidationEventLike {
  phase: number;
  event: number;
  message: string;
}
interface PageElement {
  innerText: string;
  replaceChildren(...nodes: PageElement[]): void;
}
interface PageGlobals {
  AdaptiveCards: {
    AdaptiveCard: new () => {
      parse(json: unknown, context: unknown): void;
      validateProperties(): { validationEvents: ValidationEventLike[] };
      render(): PageElement | undefined;
    };
    SerializationContext: new () => { readonly eventCount: number; getEventAt(index: number): ValidationEventLike };
    ValidationEvent: Record<number, string>;
    ValidationPhase: Record<number, string>;
  };
  document: { getElementById(id: string): PageElement | null };
}

/** Runs inside the page: parses, validates and renders one card into #host. */
/* istanbul ignore next */
function renderInPage(json: unknown): RenderReport {
  const { AdaptiveCards: AC, document } = globalThis as unknown as PageGlobals;
  const describe = (e: ValidationEventLike): string =>
    `${AC.ValidationPhase[e.phase] ?? e.phase} ${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`;
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const parseEvents: string[] = [];
  for (let i = 0; i < context.eventCount; i++) parseEvents.push(describe(context.getEventAt(i)));
  const validationFailures = card.validateProperties().validationEvents.map(describe);
  const element = card.render();
  const host = document.getElementById('host')!;
  host.replaceChildren(...(element ? [element] : []));
  return { parseEvents, validationFailures, rendered: element !== undefined, text: element?.innerText ?? '' };
}

let userDataDir: string;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'dx-navi-cards-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumExecutable(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: CARD_WIDTH_PX + 40, height: 800 },
  });
  // Everything the page needs is injected: any request at all is a failure.
  await context.route('**/*', async (route) => {
    requests.push(route.request().url());
    await route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') pageErrors.push(`console.${message.type()}: ${message.text()}`);
  });
  await page.setContent(
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"></head>` +
      `<body style="margin:20px;background:#f5f5f5"><div id="host" style="width:${CARD_WIDTH_PX}px;background:#fff"></div></body></html>`,
  );
  await page.addStyleTag({ content: adaptiveCardsDist('adaptivecards.css') });
  await page.addScriptTag({ content: adaptiveCardsDist('adaptivecards.min.js') });
  // Teams renders **bold**; do the same so that screenshots look like the real thing (the text checks do not depend on it).
  await page.evaluate(() => {
    const g = globalThis as unknown as {
      AdaptiveCards: { AdaptiveCard: { onProcessMarkdown: (text: string, result: { didProcess: boolean; outputHtml?: string }) => void } };
    };
    g.AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
      const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      result.outputHtml = `<p>${escaped.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/\n/g, '<br>')}</p>`;
      result.didProcess = true;
    };
  });
  if (screenshots) mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('the adaptivecards renderer in Chromium', () => {
  it('is loaded from the package, offline', async () => {
    expect(await page.evaluate(() => typeof (globalThis as unknown as Partial<PageGlobals>).AdaptiveCards?.AdaptiveCard)).toBe('function');
  });

  it('reports a misspelled element, so the checks below can fail', async () => {
    const report = await page.evaluate(renderInPage, {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlok', text: 'typo' }, { type: 'TextBlock', text: 'ok', size: 'Huge' }],
    });
    expect(report.parseEvents.join('\n')).toMatch(/TextBlok/);
    expect(report.parseEvents.join('\n')).toMatch(/Huge/);
  });

  it.each(cases.map((c) => [c.name, c] as const))('renders %s without warnings', async (_name, { name, card }) => {
    const report = await page.evaluate(renderInPage, card as unknown);
    expect(report.parseEvents).toEqual([]);
    expect(report.validationFailures).toEqual([]);
    expect(report.rendered).toBe(true);
    expect(report.text.trim()).not.toBe('');
    if (screenshots) {
      const file = `${name.replace(/[^\p{L}\p{N}.-]+/gu, '_')}.png`;
      await page.locator('#host').screenshot({ path: path.join(screenshots, file) });
    }
  });

  it('made no network request and raised no page error', () => {
    expect(requests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
