import { foldText } from './foldText';
import { JAPANESE_FILLERS, QUESTION_MARKERS } from './fillers';
import type { Entities, EntityName, IntentDeclaration, Recognition, Recognizer } from './intent';

/** The words of the active framework that a message can name: its tiers, and those it appoints to. */
export interface FrameworkWords {
  readonly tiers: readonly { readonly id: string; readonly name: string }[];
  readonly appointedTierIds: readonly string[];
}

/** The intent of a message that names nothing: the menu. */
export const MENU_INTENT = 'menu';
/** The intent that looks the message up in the framework. */
export const SEARCH_INTENT = 'search';

const SEARCH_COMMAND = /^(?:検索|さがす|探す|search)\s+(.+)$/iu;
const EMAIL = /\S+@\S+/u;
/** A level: 「レベル3」「Lv.4」, or a bare number right after a word that takes one (「研修 2」). */
const LEVEL = /(?:lv|level|れべる)(\d{1,2})(?!\d)|(?<=研修|けんしゅう|training|育成)(\d{1,2})(?!\d)/u;
const FILLERS_LONGEST_FIRST = [...JAPANESE_FILLERS].sort((a, b) => b.length - a.length);
/** How much a character of a word that asks about the rules (いつ, 条件 …) counts against an intent that leaves it. */
const QUESTION_WEIGHT = 3;
/** How much a character of another intent's word counts: the message may say two things, and the router then asks. */
const OTHER_INTENT_WEIGHT = 0.5;

interface Span {
  readonly entity: EntityName;
  readonly start: number;
  readonly end: number;
}

interface CompiledIntent {
  readonly declaration: IntentDeclaration;
  /** Each phrase as its folded words: all must be in the message. */
  readonly phrases: readonly (readonly string[])[];
}

/**
 * The rule-based recognizer: how much of a message an intent's phrases (and the entities it takes) cover, the rest
 * weighed without its particles and polite endings. 「自己診断をやりたい」 is all 自己診断 once を and やりたい are set
 * aside; 「AIの研修はありますか」 is half 研修 and half a word no intent knows, so it is a question for the framework.
 */
export class PhraseRecognizer implements Recognizer {
  private readonly intents: readonly CompiledIntent[];
  /** The framework's tiers with their names folded like a message, once rather than on every message. */
  private readonly tiers: readonly { readonly id: string; readonly folded: string; readonly appointed: boolean }[];

  constructor(declarations: readonly IntentDeclaration[], words: FrameworkWords) {
    this.tiers = words.tiers
      .map((tier) => ({ id: tier.id, folded: foldText(tier.name), appointed: words.appointedTierIds.includes(tier.id) }))
      .filter((tier) => tier.folded !== '');
    this.intents = declarations.map((declaration) => ({
      declaration,
      phrases: [...declaration.phrases.ja, ...declaration.phrases.en]
        .map((phrase) => phrase.split(' ').map(foldText).filter((word) => word !== ''))
        .filter((phrase) => phrase.length > 0),
    }));
  }

  recognize(text: string): readonly Recognition[] {
    const plain = text.normalize('NFKC').trim();
    const search = SEARCH_COMMAND.exec(plain);
    if (search) return [{ intent: SEARCH_INTENT, entities: { query: search[1]!.trim() }, score: 1 }];
    const email = EMAIL.exec(plain)?.[0];
    const folded = foldText(email ? plain.replace(email, ' ') : plain);
    if (folded === '') return [{ intent: MENU_INTENT, entities: {}, score: 1 }];
    const { entities, spans } = this.entitiesIn(folded, email);
    const known = new Array<boolean>(folded.length).fill(false);
    for (const intent of this.intents) coverWords(intent, folded, known);
    return this.intents
      .map((intent) => this.score(intent, folded, entities, spans, known))
      .filter((recognition) => recognition.score > 0)
      .sort((a, b) => b.score - a.score);
  }

  private entitiesIn(folded: string, email: string | undefined): { entities: Entities; spans: Span[] } {
    const spans: Span[] = [];
    const entities: { -readonly [K in EntityName]?: Entities[K] } = {};
    if (email) entities.email = email;
    const level = LEVEL.exec(folded);
    if (level) {
      entities.level = Number(level[1] ?? level[2]);
      spans.push({ entity: 'level', start: level.index, end: level.index + level[0].length });
    }
    for (const tier of this.tiers) {
      const start = folded.indexOf(tier.folded);
      if (start < 0) continue;
      const entity = tier.appointed ? 'appointedTier' : 'tier';
      entities[entity] = tier.id;
      spans.push({ entity, start, end: start + tier.folded.length });
    }
    return { entities, spans };
  }

  private score(intent: CompiledIntent, folded: string, entities: Entities, spans: readonly Span[], known: readonly boolean[]): Recognition {
    const covered = new Array<boolean>(folded.length).fill(false);
    const cover = (start: number, end: number): void => void covered.fill(true, start, end);
    const saidByWords = coverWords(intent, folded, covered);
    const uses = intent.declaration.entities ?? {};
    const lacking = Object.entries(uses).some(([entity, use]) => use === 'required' && !spans.some((span) => span.entity === entity));
    if (lacking) return { intent: intent.declaration.intent, entities, score: 0 };
    let saidByEntity = false;
    for (const span of spans) {
      const use = uses[span.entity];
      if (use === 'alone' || use === 'required' || (use === 'with' && saidByWords)) {
        saidByEntity ||= use !== 'with';
        cover(span.start, span.end);
      }
    }
    if (!saidByWords && !saidByEntity) return { intent: intent.declaration.intent, entities, score: 0 };
    const coveredChars = covered.filter(Boolean).length;
    const rest = uncoveredWeight(folded, covered, known);
    return { intent: intent.declaration.intent, entities, score: coveredChars / (coveredChars + rest) };
  }
}

/** Marks where the words of the intent's phrases that are all in the message are; true if any phrase is. */
function coverWords(intent: CompiledIntent, folded: string, covered: boolean[]): boolean {
  let said = false;
  for (const phrase of intent.phrases) {
    if (!phrase.every((word) => folded.includes(word))) continue;
    said = true;
    for (const word of phrase) {
      for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) covered.fill(true, at, at + word.length);
    }
  }
  return said;
}

/**
 * How much of the message the intent's phrases did not cover: fillers count nothing, another intent's words half (the
 * message may say two things: 「診断と応募」), words that ask about the rules thrice, any other character one.
 */
function uncoveredWeight(folded: string, covered: readonly boolean[], known: readonly boolean[]): number {
  const otherIntents = folded.split('').filter((_c, i) => known[i] && !covered[i]).length;
  const parts = folded.split('').map((c, i) => (covered[i] || known[i] ? ' ' : c)).join('').split(' ').filter((part) => part !== '');
  let weight = otherIntents * OTHER_INTENT_WEIGHT;
  for (let part of parts) {
    for (const marker of QUESTION_MARKERS) {
      if (part.includes(marker)) {
        weight += marker.length * QUESTION_WEIGHT;
        part = part.split(marker).join('');
      }
    }
    for (const filler of FILLERS_LONGEST_FIRST) part = part.split(filler).join('');
    weight += part.length;
  }
  return weight;
}
