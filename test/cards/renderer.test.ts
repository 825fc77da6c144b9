import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ratingSettings } from '../../src/domain/assessment/ratingScale';
import { translator } from '../../src/i18n';
import { allCards, kitakyushuActive, OTHER_FRAMEWORKS, otherFrameworkCards, type CardCase } from '../support/allCards';
import { CHROMIUM_FLAGS, chromiumExecutable } from '../support/chromium';

/**
 * Renders every card the bot can produce with the `adaptivecards` v3 renderer in headless Chromium, as a
 * client would: parse warnings and validateProperties() catch misspelled elements and properties, and the
 * card must render to an element with text. Set CARD_SCREENSHOTS to a folder to get a PNG of each card.
 *
 * Teams' own chart elements (Chart.*) are unknown to this renderer, which says so even though it renders their
 * fallback. That one event is accepted for a chart that has a fallback, and the fallback must then show.
 */

const active = kitakyushuActive();
const cases: CardCase[] = [...allCards('ja', active), ...allCards('en', active)];
/** The other cities' cards: three levels, few or no skills, no application window. */
const otherCases: CardCase[] = OTHER_FRAMEWORKS.flatMap((id) => [...otherFrameworkCards('ja', id), ...otherFrameworkCards('en', id)]);
const screenshots = process.env.CARD_SCREENSHOTS;
/** About as wide as a card in a Teams chat on a laptop. */
const CARD_WIDTH_PX = 480;

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

/** An element of a card, as JSON. */
type CardNode = Record<string, unknown>;

/** Every object with a "type" anywhere in a card (elements, actions, fallbacks), in document order. */
function elementsOf(card: unknown): CardNode[] {
  const found: CardNode[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as CardNode;
      if (typeof record.type === 'string') found.push(record);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** Every element whose type starts with "Chart." (Teams charts). */
function chartsOf(card: unknown): CardNode[] {
  return elementsOf(card).filter((e) => (e.type as string).startsWith('Chart.'));
}

/** Every TextBlock text inside an element (a chart's fallback, here). */
function textBlocksOf(node: unknown): string[] {
  return elementsOf(node)
    .filter((e) => e.type === 'TextBlock' && typeof e.text === 'string')
    .map((e) => e.text as string);
}

const UNKNOWN_ELEMENT = /^Parse UnknownElementType: Unknown element type "([^"]+)"/;

/**
 * The parse events a card may not have: all of them, except one "unknown element type" per Chart.* element that
 * has a fallback element (which the renderer then uses).
 */
function unexpectedParseEvents(card: unknown, events: readonly string[]): string[] {
  const charts = chartsOf(card);
  const allowance = new Map<string, number>();
  for (const chart of charts) {
    const fallback = chart.fallback;
    if (fallback && typeof fallback === 'object' && !Array.isArray(fallback)) {
      allowance.set(chart.type as string, (allowance.get(chart.type as string) ?? 0) + 1);
    }
  }
  return events.filter((event) => {
    const type = UNKNOWN_ELEMENT.exec(event)?.[1];
    const left = type === undefined ? 0 : (allowance.get(type) ?? 0);
    if (left === 0) return true;
    allowance.set(type!, left - 1);
    return false;
  });
}

/** Text as innerText shows it, with runs of white space made one space and **bold** marks gone. */
const normalize = (text: string): string => text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

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
    args: CHROMIUM_FLAGS,
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

  it('reports a Teams chart, which is accepted only when it has a fallback element', async () => {
    const chart = { type: 'Chart.Pie', data: [{ legend: 'a', value: 1 }] };
    const withFallback = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ ...chart, fallback: { type: 'TextBlock', text: 'fallback text' } }],
    };
    const report = await page.evaluate(renderInPage, withFallback);
    expect(report.parseEvents).toHaveLength(1);
    expect(unexpectedParseEvents(withFallback, report.parseEvents)).toEqual([]);
    expect(report.text).toContain('fallback text');
    for (const fallback of [undefined, 'drop']) {
      const card = { type: 'AdaptiveCard', version: '1.5', body: [{ ...chart, fallback }, { type: 'TextBlock', text: 'x' }] };
      const events = (await page.evaluate(renderInPage, card)).parseEvents;
      expect(unexpectedParseEvents(card, events)).toEqual(events);
      expect(events.length).toBeGreaterThan(0);
    }
    // Two charts with a fallback allow two events, not more.
    const two = { type: 'AdaptiveCard', version: '1.5', body: [withFallback.body[0], { type: 'Chart.Pie' }] };
    const events = (await page.evaluate(renderInPage, two)).parseEvents;
    expect(unexpectedParseEvents(two, events)).toHaveLength(1);
  });

  /** One card's render check: no warning but a Teams chart's, valid properties, some text, every chart's fallback shown. */
  const rendersCleanly = async ({ name, card }: CardCase): Promise<void> => {
    const report = await page.evaluate(renderInPage, card as unknown);
    expect(unexpectedParseEvents(card, report.parseEvents)).toEqual([]);
    expect(report.validationFailures).toEqual([]);
    expect(report.rendered).toBe(true);
    expect(report.text.trim()).not.toBe('');
    // A chart this renderer does not know shows its fallback: every text of it is on the rendered card.
    const shown = normalize(report.text);
    for (const chart of chartsOf(card)) {
      const texts = textBlocksOf(chart.fallback);
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.map(normalize).filter((text) => !shown.includes(text))).toEqual([]);
    }
    if (screenshots) {
      const file = `${name.replace(/[^\p{L}\p{N}.-]+/gu, '_')}.png`;
      await page.locator('#host').screenshot({ path: path.join(screenshots, file) });
    }
  };
  it.each(cases.map((c) => [c.name, c] as const))('renders %s without warnings', async (_name, c) => rendersCleanly(c));
  it.each(otherCases.map((c) => [c.name, c] as const))('renders %s without warnings', async (_name, c) => rendersCleanly(c));

  it('renders the result chart\'s fallback with every category and its level', async () => {
    const results = cases.filter((c) => c.view === 'assessmentResult');
    expect(results.length).toBeGreaterThan(0);
    for (const { card } of results) {
      expect(chartsOf(card).map((c) => c.type)).toEqual(['Chart.HorizontalBar.Stacked']);
      const report = await page.evaluate(renderInPage, card as unknown);
      expect(report.parseEvents).toHaveLength(1);
      const shown = normalize(report.text);
      for (const category of active.framework.categories) expect(shown).toContain(category.name);
      expect(shown).toMatch(/Lv\.\d/);
    }
  });

  it('shows a whole role text only when "read it all" is clicked (Action.ToggleVisibility)', async () => {
    const role = cases.find((c) => c.name === 'ja assessment role mission')!.card;
    const report = await page.evaluate(renderInPage, role as unknown);
    expect(report.parseEvents).toEqual([]);
    const hidden = elementsOf(role)
      .filter((e) => e.isVisible === false)
      .map((e) => normalize(e.text as string));
    // Every level but the lowest, whose whole role is shown, has one (the mission's roles all share some clauses).
    expect(hidden).toHaveLength(active.framework.levels.length - 1);
    const innerText = async (): Promise<string> =>
      normalize(await page.locator('#host').evaluate((host) => (host as unknown as { innerText: string }).innerText));
    const before = await innerText();
    expect(hidden.filter((text) => before.includes(text))).toEqual([]);
    await page.locator('#host button', { hasText: translator('ja')('assessment.role.read') }).first().click();
    const after = await innerText();
    // Levels are listed from the lowest: the first button opens the second level's whole role, and only that.
    expect(hidden.filter((text) => after.includes(text))).toEqual([hidden[0]]);
  });

  it('renders each skill rating as radio buttons, every choice in view, the ratings already given chosen', async () => {
    for (const name of ['ja assessment skills Lv.1', 'ja assessment skills Lv.2 (partly rated)']) {
      const card = cases.find((c) => c.name === name)!.card;
      const report = await page.evaluate(renderInPage, card as unknown);
      expect(report.parseEvents).toEqual([]);
      expect(report.validationFailures).toEqual([]);
      const ratings = elementsOf(card).filter((e) => e.type === 'Input.ChoiceSet' && String(e.id).startsWith('r_'));
      expect(ratings.length).toBeGreaterThan(0);
      const radios = await page
        .locator('#host input[type="radio"]')
        .evaluateAll((inputs) => inputs.map((i) => i as unknown as { name: string; value: string; checked: boolean }).map(({ name, value, checked }) => ({ name, value, checked })));
      const groups = [...new Set(radios.map((r) => r.name))];
      expect(groups).toHaveLength(ratings.length);
      expect(radios).toHaveLength(ratings.length * ratingSettings(active.framework).scale.length);
      const chosen = groups.map((group) => radios.find((r) => r.name === group && r.checked)?.value ?? '');
      expect(chosen).toEqual(ratings.map((r) => r.value));
    }
  });

  it('made no network request and raised no page error', () => {
    expect(requests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
