import { BoundedMap } from '../../boundedMap';

/** A stretch of a role text: words the level below says too, or words that are new at this level. */
export interface TextRun {
  readonly text: string;
  readonly changed: boolean;
}

/** A clause of a role text (up to its comma, full stop or line break), in runs. */
export interface Clause {
  readonly runs: readonly TextRun[];
  /** True when some of its words are new at this level. */
  readonly changed: boolean;
}

/** What a role text changes from the role of the level below, in the text's own words. */
export interface RoleChanges {
  /** The whole text, clause by clause. */
  readonly clauses: readonly Clause[];
  /** The share of the text's characters that are new, from 0 to 1. */
  readonly changedShare: number;
}

/**
 * Words, roughly: Japanese has no spaces, so a run of one script (kanji, hiragana, katakana, Latin letters and
 * digits) is a word, and every other character is one of its own. Good enough to tell which words a text shares.
 */
const WORD = /[\p{Script=Han}々〆ヵヶ]+|\p{Script=Hiragana}+|[\p{Script=Katakana}ー]+|[\p{Script=Latin}\p{Nd}]+|\s+|./gu;
const KANJI = /^[\p{Script=Han}々〆ヵヶ]+$/u;
const HIRAGANA = /^\p{Script=Hiragana}+$/u;
/** Where a clause ends: a comma, a full stop, a line break. */
const CLAUSE_END = /^(?:[、。，．,.!?！？]|\s*\n\s*)$/;
/** Neither a word nor part of one: never the first or last character of a change (markdown emphasis needs that). */
const NOT_A_WORD = /^[^\p{L}\p{N}]+$/u;
/**
 * Words the two texts share between two changes and no longer than this (a particle, a comma) belong to the change:
 * 「…に直面しても、克服方法まで…」 reads as one change, not two.
 */
const BRIDGED_CHARACTERS = 2;

/**
 * Comparisons kept, by the role below: a framework has a few dozen roles, and every assessment step compares one with
 * the level below (the costliest part of an assessment click). A framework imported anew brings new texts. Keyed by
 * the texts themselves, whose hashes V8 keeps with them, rather than by a string made of both on every call.
 */
const ROLES_BELOW_KEPT = 128;
const compared = new BoundedMap<string, Map<string, RoleChanges>>(ROLES_BELOW_KEPT);

/** How `text` differs from `below`: which of its words are new, clause by clause. */
export function roleChanges(below: string, text: string): RoleChanges {
  let fromBelow = compared.get(below);
  if (!fromBelow) compared.set(below, (fromBelow = new Map<string, RoleChanges>()));
  let changes = fromBelow.get(text);
  if (!changes) fromBelow.set(text, (changes = compare(below, text)));
  return changes;
}

function compare(below: string, text: string): RoleChanges {
  const words = text.match(WORD) ?? [];
  const changed = wordsNotIn(below.match(WORD) ?? [], words);
  takeInWholeWords(words, changed);
  bridgeShortGaps(words, changed);
  const clauses = clausesOf(words);
  // Each clause may be shown without its neighbours: its changes begin and end within it, on a word.
  for (const [from, to] of clauses) trimNonWords(words, changed, from, to);
  const newCharacters = words.reduce((sum, word, i) => sum + (changed[i] ? word.length : 0), 0);
  return {
    clauses: clauses.map(([from, to]) => ({ runs: runsOf(words, changed, from, to), changed: changed.slice(from, to).some(Boolean) })),
    changedShare: text.length === 0 ? 0 : newCharacters / text.length,
  };
}

/** Marks the words of `words` that are not in the longest common subsequence of both texts. */
function wordsNotIn(below: readonly string[], words: readonly string[]): boolean[] {
  // lengths[i][j]: the longest common subsequence of below[i..] and words[j..].
  const lengths = Array.from({ length: below.length + 1 }, () => new Uint16Array(words.length + 1));
  for (let i = below.length - 1; i >= 0; i--) {
    for (let j = words.length - 1; j >= 0; j--) {
      lengths[i]![j] = below[i] === words[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const changed = words.map(() => true);
  for (let i = 0, j = 0; i < below.length && j < words.length; ) {
    if (below[i] === words[j]) {
      changed[j] = false;
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return changed;
}

/** Shared words between two changes, short and on one line, join them into one change. */
function bridgeShortGaps(words: readonly string[], changed: boolean[]): void {
  let lastChanged = -1;
  words.forEach((_word, i) => {
    if (!changed[i]) return;
    const gap = words.slice(lastChanged + 1, i);
    if (lastChanged >= 0 && gap.join('').length <= BRIDGED_CHARACTERS && !gap.some((w) => w.includes('\n'))) {
      for (let k = lastChanged + 1; k < i; k++) changed[k] = true;
    }
    lastChanged = i;
  });
}

/**
 * A change that starts in the kana ending of a word (恐「れず」) takes in its kanji stem, and one that ends on a kanji
 * stem takes in its kana ending (受け止「め」), so that a change is made of whole words.
 */
function takeInWholeWords(words: readonly string[], changed: boolean[]): void {
  const starts = words.flatMap((word, i) => (changed[i] && !changed[i - 1] && HIRAGANA.test(word) && KANJI.test(words[i - 1] ?? '') ? [i - 1] : []));
  const ends = words.flatMap((word, i) => (changed[i] && !changed[i + 1] && KANJI.test(word) && HIRAGANA.test(words[i + 1] ?? '') ? [i + 1] : []));
  for (const i of [...starts, ...ends]) changed[i] = true;
}

/**
 * Punctuation and spaces at either end of a change stay outside it, and so does a line break (markdown emphasis needs
 * a word on either side of it and ends at a line break); the words from `from` to `to` are looked at alone.
 */
function trimNonWords(words: readonly string[], changed: boolean[], from: number, to: number): void {
  const inside = (i: number): boolean => i >= from && i < to && changed[i]!;
  for (let i = from; i < to; i++) {
    if (!changed[i] || !NOT_A_WORD.test(words[i]!)) continue;
    let end = i;
    while (inside(end + 1) && NOT_A_WORD.test(words[end + 1]!)) end++;
    const edge = !inside(i - 1) || !inside(end + 1) || words.slice(i, end + 1).some((w) => w.includes('\n'));
    if (edge) for (let k = i; k <= end; k++) changed[k] = false;
    i = end;
  }
}

/**
 * The clauses as [from, to) ranges of words, each with what ends it: a comma, a full stop, a line break, or a full
 * stop and a line break.
 */
function clausesOf(words: readonly string[]): [number, number][] {
  const clauses: [number, number][] = [];
  let from = 0;
  words.forEach((word, i) => {
    if (CLAUSE_END.test(word) && !CLAUSE_END.test(words[i + 1] ?? '')) {
      clauses.push([from, i + 1]);
      from = i + 1;
    }
  });
  if (from < words.length) clauses.push([from, words.length]);
  return clauses;
}

/** The words from `from` to `to` as runs: neighbouring words of the same kind joined into one. */
function runsOf(words: readonly string[], changed: readonly boolean[], from: number, to: number): TextRun[] {
  const runs: TextRun[] = [];
  for (let i = from; i < to; i++) {
    const last = runs[runs.length - 1];
    if (last && last.changed === changed[i]) runs[runs.length - 1] = { text: last.text + words[i]!, changed: last.changed };
    else runs.push({ text: words[i]!, changed: changed[i]! });
  }
  return runs;
}
