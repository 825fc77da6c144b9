import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_NAMES, type CardName } from '../../src/cards/renderCard';
import type { FrameworkRequest } from '../../src/features/framework/answer';
import { answer } from '../../src/features/framework/answer';
import { translator } from '../../src/i18n';
import { PAYLOADS, VERBS, type Verb } from '../../src/features/verbs';
import {
  allCards,
  executeActionsOf,
  kitakyushuActive,
  NOTICES,
  SEARCH_QUERIES,
  UNKNOWN_WITH_SUGGESTIONS,
  UNKNOWN_WITHOUT_SUGGESTIONS,
  type CardCase,
  type CardView,
} from '../support/allCards';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness';

const root = path.join(__dirname, '../..');
const active = kitakyushuActive();
const cases: CardCase[] = [...allCards('ja', active), ...allCards('en', active)];
const verbs = new Set<string>(Object.values(VERBS));
const isVerb = (value: unknown): value is Verb => typeof value === 'string' && verbs.has(value);

/** The payload a click sends: the action's data, plus the search box for a search (Teams merges inputs into data). */
function clickPayload(verb: Verb, data: unknown): unknown {
  return verb === VERBS.search ? { ...(data as object), query: 'x' } : data;
}

/** The template each view fills. */
const TEMPLATE_OF_VIEW: Record<CardView, CardName> = {
  welcome: 'welcome',
  menu: 'menu',
  ladder: 'ladder',
  level: 'level',
  skill: 'skill',
  recommended: 'recommendedSkills',
  training: 'training',
  searchResults: 'searchResults',
  unknownInput: 'unknownInput',
  notice: 'notice',
};

describe('the cards enumerated for these tests', () => {
  const ja = cases.filter((c) => c.locale === 'ja');
  const named = (view: CardView): CardCase[] => ja.filter((c) => c.view === view);

  it('cover every template in cards/ and every level, skill and training of the framework', () => {
    const files = readdirSync(path.join(root, 'cards')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect([...files].sort()).toEqual([...CARD_NAMES].sort());
    expect(new Set(ja.map((c) => TEMPLATE_OF_VIEW[c.view]))).toEqual(new Set(CARD_NAMES));
    expect(named('level')).toHaveLength(active.framework.levels.length);
    expect(named('skill')).toHaveLength(33);
    expect(named('skill')).toHaveLength(active.framework.document.requiredSkills.length);
    expect(named('training').length).toBeGreaterThanOrEqual(active.framework.levels.length);
    expect(cases.filter((c) => c.locale === 'en')).toHaveLength(ja.length);
  });

  it('show search results for each query, not a skill card or an unknown-input card', () => {
    for (const query of SEARCH_QUERIES) {
      const card = ja.find((c) => c.name === `ja search "${query}"`);
      expect(card?.view).toBe('searchResults');
      expect(textOf(card!.card)).toContain(`「${query}」の検索結果`);
      expect(executeActionsOf(card!.card).filter((a) => a.verb !== VERBS.menu).length).toBeGreaterThan(0);
    }
  });

  it('include unknown input with suggestions and without', () => {
    const suggestions = (text: string): number => {
      const card = ja.find((c) => c.name === `ja unknown "${text}"`)!.card;
      return executeActionsOf(card).filter((a) => a.verb !== VERBS.menu && a.verb !== VERBS.ladder).length;
    };
    expect(suggestions(UNKNOWN_WITH_SUGGESTIONS)).toBeGreaterThan(0);
    expect(suggestions(UNKNOWN_WITHOUT_SUGGESTIONS)).toBe(0);
  });

  it('include every error notice title/body pair that src/ sends', () => {
    const sources = [...readAllSources(path.join(root, 'src'))].join('\n');
    const callSites = [...sources.matchAll(/(?<!function )\bcatalogNotice\(/g)].length;
    const pairs = [...sources.matchAll(/(?<!function )\bcatalogNotice\(\s*[^,]+,\s*'(error\.[\w.]+)',\s*'(error\.[\w.]+)'/g)];
    expect(callSites).toBeGreaterThan(5);
    // Every call site names its pair literally, so none can slip past this check.
    expect(pairs).toHaveLength(callSites);
    const listed = new Set(NOTICES.map((n) => `${n.title} / ${n.body}`));
    const used = new Set(pairs.map((m) => `${m[1]} / ${m[2]}`));
    expect([...used].filter((pair) => !listed.has(pair))).toEqual([]);
    expect([...listed].filter((pair) => !used.has(pair))).toEqual([]);
  });
});

/** Every input element on a card. */
function inputsOf(card: unknown): { type: string; id: unknown }[] {
  const found: { type: string; id: unknown }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Input.')) found.push({ type: record.type, id: record.id });
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

function* readAllSources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* readAllSources(file);
    else if (file.endsWith('.ts')) yield readFileSync(file, 'utf8');
  }
}

describe.each(cases.map((c) => [c.name, c] as const))('card: %s', (_name, { card, view, locale }) => {
  const json = JSON.stringify(card);
  const actions = executeActionsOf(card);

  it('is an Adaptive Card 1.5 under 80 KB', () => {
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(80 * 1024);
  });

  it('has no template expression or message placeholder left', () => {
    expect(json).not.toContain('${');
    expect(json).not.toMatch(/\$when|\$data/);
    expect(textOf(card)).not.toMatch(/\{[A-Za-z][\w-]*\}/);
  });

  it('has only Action.Execute actions with a known verb and a payload its handler accepts', () => {
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect({ at: action.at, verb: action.verb, known: isVerb(action.verb) }).toEqual({ at: action.at, verb: action.verb, known: true });
      const verb = action.verb as Verb;
      const parsed = PAYLOADS[verb].safeParse(clickPayload(verb, action.data));
      expect({ at: action.at, verb, data: action.data, ok: parsed.success }).toEqual({ at: action.at, verb, data: action.data, ok: true });
      expect(typeof action.title === 'string' && action.title.trim() !== '').toBe(true);
    }
  });

  it('takes its search text from an Input.Text with id "query"', () => {
    const hasSearch = actions.some((a) => a.verb === VERBS.search);
    expect(inputsOf(card).filter((i) => i.type === 'Input.Text' && i.id === 'query')).toHaveLength(hasSearch ? 1 : 0);
  });

  if (view === 'menu') {
    it('is the menu, so needs no way back, and offers search', () => {
      expect(actions.some((a) => a.verb === VERBS.search)).toBe(true);
    });
  } else {
    it('offers a way back to the menu, labelled in the user language', () => {
      const back = actions.filter((a) => a.verb === VERBS.menu);
      expect(back.length).toBeGreaterThan(0);
      if (view !== 'welcome') expect(back.map((a) => a.title)).toContain(translator(locale)('common.backToMenu'));
    });
  }
});

describe('verbs', () => {
  it('every "verb" literal in cards/*.json is a VERBS value; templated verbs come from the view', () => {
    const problems: string[] = [];
    let literals = 0;
    for (const file of readdirSync(path.join(root, 'cards')).filter((f) => f.endsWith('.json'))) {
      const text = readFileSync(path.join(root, 'cards', file), 'utf8');
      for (const [, verb] of text.matchAll(/"verb"\s*:\s*"([^"]*)"/g)) {
        if (verb === '${verb}') continue;
        literals += 1;
        if (!verbs.has(verb!)) problems.push(`${file}: "${verb}"`);
      }
      // Every Action.Execute in the template names a verb (the renderer does not catch a missing one).
      const executes = [...text.matchAll(/"type"\s*:\s*"Action\.Execute"/g)].length;
      const withVerb = [...text.matchAll(/"verb"\s*:/g)].length;
      if (executes !== withVerb) problems.push(`${file}: ${executes} Action.Execute but ${withVerb} verbs`);
    }
    expect(literals).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  it('every VERBS value is offered by some card', () => {
    const offered = new Set(cases.flatMap((c) => executeActionsOf(c.card).map((a) => a.verb)));
    expect([...verbs].filter((v) => !offered.has(v))).toEqual([]);
  });
});

/** What the bot is asked when a button with this verb and payload is clicked (mirrors register.ts). */
function requestOf(verb: Verb, payload: unknown): FrameworkRequest {
  switch (verb) {
    case VERBS.menu:
      return { kind: 'menu' };
    case VERBS.ladder:
      return { kind: 'ladder' };
    case VERBS.recommended:
      return { kind: 'recommended' };
    case VERBS.level:
      return { kind: 'level', level: PAYLOADS[verb].parse(payload).level };
    case VERBS.training:
      return { kind: 'training', level: PAYLOADS[verb].parse(payload).level };
    case VERBS.skill:
      return { kind: 'skill', skillId: PAYLOADS[verb].parse(payload).skillId };
    case VERBS.search:
      return { kind: 'search', query: PAYLOADS[verb].parse(payload).query };
  }
}

describe('every button, clicked on the running bot', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  const unknownAction = translator('ja')('error.unknownAction.body');
  const invalidAction = translator('ja')('error.invalidAction.title');

  /** Each distinct (verb, data) on any Japanese card, with a search text for the search button. */
  const clicks = ((): { verb: Verb; payload: unknown }[] => {
    const seen = new Map<string, { verb: Verb; payload: unknown }>();
    for (const c of cases.filter((x) => x.locale === 'ja')) {
      for (const a of executeActionsOf(c.card)) {
        if (!isVerb(a.verb)) continue;
        const payload = a.verb === VERBS.search ? { ...(a.data as object), query: 'AI' } : a.data;
        seen.set(JSON.stringify([a.verb, payload]), { verb: a.verb, payload });
      }
    }
    return [...seen.values()];
  })();

  it('has a handler for every VERBS value that answers with the same card the views render', async () => {
    for (const verb of verbs as Set<Verb>) {
      const click = clicks.find((c) => c.verb === verb);
      expect({ verb, offered: click !== undefined }).toEqual({ verb, offered: true });
      for (const locale of ['ja', 'en'] as const) {
        const { status, body } = await harness.click(verb, click!.payload, { locale: locale === 'en' ? 'en-US' : 'ja-JP' });
        expect({ verb, locale, status }).toEqual({ verb, locale, status: 200 });
        expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
        expect(textOf(body.value)).not.toContain(unknownAction);
        expect(textOf(body.value)).not.toContain(translator('en')('error.unknownAction.body'));
        expect(body.value).toEqual(answer(active, requestOf(verb, click!.payload), translator(locale)));
      }
    }
  });

  it('answers every button on every card with a card, never an error notice', async () => {
    expect(clicks.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const { verb, payload } of clicks) {
      const { status, body } = await harness.click(verb, payload);
      const text = status === 200 ? textOf(body.value) : '';
      if (status !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive' || text.includes(unknownAction) || text.includes(invalidAction)) {
        failures.push(`${verb} ${JSON.stringify(payload)} → ${status} ${text.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers an unregistered verb with the unknown-action notice (so the checks above can fail)', async () => {
    const { status, body } = await harness.click('framework.not-a-verb', {});
    expect(status).toBe(200);
    expect(textOf(body.value)).toContain(unknownAction);
  });
});
