import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AdaptiveCard } from '../../src/cards/renderCard';
import { Framework } from '../../src/domain/framework/framework';
import { buildSearchIndex, search, similarTitles } from '../../src/domain/framework/search';
import { validateFramework } from '../../src/domain/framework/validateFramework';
import { answer } from '../../src/features/framework/answer';
import { searchResultsCard } from '../../src/features/framework/views/searchView';
import { unknownInputCard } from '../../src/features/framework/views/unknownView';
import { welcomeCard } from '../../src/features/framework/views/welcomeView';
import { catalogNotice, type NoticeStyle } from '../../src/features/notices';
import { translator, type Locale, type MessageKey, type MessageParams } from '../../src/i18n';
import type { ActiveFramework } from '../../src/storage/frameworkCatalog';

/** The languages every card is rendered in. */
export const LOCALES: readonly Locale[] = ['ja', 'en'];

/** Queries whose search finds something (each must, or the search-results card would not be covered). */
export const SEARCH_QUERIES = ['プロジェクト', 'AI', 'セキュリティ'] as const;

/** Finds nothing but resembles a skill name, so the unknown-input card offers suggestions. */
export const UNKNOWN_WITH_SUGGESTIONS = 'プロジェクト管理';
/** Finds nothing and resembles nothing. */
export const UNKNOWN_WITHOUT_SUGGESTIONS = 'ぬるぽ';

/** A level the Kitakyushu framework does not have, and a skill id it does not have, for the "not found" notices. */
const MISSING_LEVEL = 9;
const MISSING_SKILL = 'no-such-skill';

/**
 * Every notice the bot sends: each error.* title/body pair that src/ passes to catalogNotice, with the
 * parameters and style the caller uses. cards.test.ts checks this list against the sources.
 */
export const NOTICES: readonly { title: MessageKey; body: MessageKey; params?: MessageParams; style?: NoticeStyle }[] = [
  { title: 'error.invalidAction.title', body: 'error.invalidAction.body' },
  { title: 'error.invalidAction.title', body: 'error.unknownAction.body' },
  // Its parameters come from the framework: see allCards().
  { title: 'error.invalidAction.title', body: 'error.levelNotFound.body' },
  { title: 'error.invalidAction.title', body: 'error.skillNotFound.body' },
  { title: 'error.noFramework.title', body: 'error.noFramework.body' },
  { title: 'error.tooLong.title', body: 'error.tooLong.body', params: { max: 500 } },
  { title: 'error.storage.title', body: 'error.storage.body', style: 'attention' },
  { title: 'error.unexpected.title', body: 'error.unexpected.body', style: 'attention' },
];

/** The Kitakyushu framework as the bot serves it: validated, loaded and indexed like FrameworkCatalog does. */
export function kitakyushuActive(): ActiveFramework {
  const file = path.join(__dirname, '../../data/frameworks/kitakyushu.json');
  const result = validateFramework(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (!result.ok) throw new Error(`kitakyushu.json is invalid: ${JSON.stringify(result.issues)}`);
  const framework = new Framework(result.value, 'v1');
  return { framework, searchIndex: buildSearchIndex(framework) };
}

/** Which view produced a card. */
export type CardView =
  | 'welcome'
  | 'menu'
  | 'ladder'
  | 'level'
  | 'skill'
  | 'recommended'
  | 'training'
  | 'searchResults'
  | 'unknownInput'
  | 'notice';

/** One card the bot can produce, with a name for test titles such as "ja level 3". */
export interface CardCase {
  readonly name: string;
  readonly locale: Locale;
  readonly view: CardView;
  readonly card: AdaptiveCard;
}

/**
 * Every card the bot can produce from the Kitakyushu framework, in one language: welcome, menu, ladder,
 * each level, each skill, recommended skills, each level's training, search results, unknown input
 * (with and without suggestions) and every notice. Built with answer() and the view functions, as the bot does.
 */
export function allCards(locale: Locale, active: ActiveFramework = kitakyushuActive()): CardCase[] {
  const t = translator(locale);
  const { framework, searchIndex } = active;
  const cases: CardCase[] = [];
  const add = (name: string, view: CardView, card: AdaptiveCard): void => {
    cases.push({ name: `${locale} ${name}`, locale, view, card });
  };

  add('welcome', 'welcome', welcomeCard(framework, t));
  add('menu', 'menu', answer(active, { kind: 'menu' }, t));
  add('ladder', 'ladder', answer(active, { kind: 'ladder' }, t));
  for (const { level } of framework.levels) add(`level ${level}`, 'level', answer(active, { kind: 'level', level }, t));
  for (const skill of framework.document.requiredSkills) {
    add(`skill ${skill.id}`, 'skill', answer(active, { kind: 'skill', skillId: skill.id }, t));
  }
  add('recommended', 'recommended', answer(active, { kind: 'recommended' }, t));
  for (const { level } of framework.levels) {
    add(`training ${level}`, 'training', answer(active, { kind: 'training', level }, t));
  }
  add('training (no level given)', 'training', answer(active, { kind: 'training' }, t));

  for (const query of SEARCH_QUERIES) {
    if (search(searchIndex, query).length === 0) throw new Error(`the search for "${query}" finds nothing`);
    add(`search "${query}"`, 'searchResults', answer(active, { kind: 'search', query }, t));
  }
  // A query with more hits than one card shows, through the view directly.
  const many = search(searchIndex, 'DX', 50);
  add('search "DX" (view, all hits)', 'searchResults', searchResultsCard('DX', many, t));

  for (const text of [UNKNOWN_WITH_SUGGESTIONS, UNKNOWN_WITHOUT_SUGGESTIONS]) {
    if (search(searchIndex, text).length > 0) throw new Error(`"${text}" finds something; it cannot stand for unknown input`);
    add(`unknown "${text}"`, 'unknownInput', answer(active, { kind: 'search', query: text }, t));
  }
  const longText = 'あいうえお'.repeat(20);
  add('unknown (long text, view)', 'unknownInput', unknownInputCard(longText, similarTitles(searchIndex, longText), t));

  add(`level ${MISSING_LEVEL} (not found)`, 'notice', answer(active, { kind: 'level', level: MISSING_LEVEL }, t));
  add(`skill ${MISSING_SKILL} (not found)`, 'notice', answer(active, { kind: 'skill', skillId: MISSING_SKILL }, t));
  for (const notice of NOTICES) {
    const params = notice.body === 'error.levelNotFound.body' ? { level: MISSING_LEVEL, max: framework.highestLevel } : notice.params;
    add(`notice ${notice.title} / ${notice.body}`, 'notice', catalogNotice(t, notice.title, notice.body, params, notice.style));
  }
  return cases;
}

/** An Action.Execute found anywhere on a card: a button, a button in an ActionSet, or a selectAction. */
export interface ExecuteAction {
  readonly title?: string;
  readonly verb: unknown;
  readonly data: unknown;
  /** Where on the card, e.g. "body[2].selectAction", for failure messages. */
  readonly at: string;
}

/** Every Action.Execute on a card, walking the whole tree. */
export function executeActionsOf(card: unknown): ExecuteAction[] {
  const found: ExecuteAction[] = [];
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${at}[${i}]`));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute') {
        found.push({ title: typeof record.title === 'string' ? record.title : undefined, verb: record.verb, data: record.data, at });
      }
      for (const [key, value] of Object.entries(record)) walk(value, at === '' ? key : `${at}.${key}`);
    }
  };
  walk(card, '');
  return found;
}
