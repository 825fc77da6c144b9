import type { Framework } from './framework';
import { bigrams, normalize, queryTerms } from './queryTerms';
import type { Program, ProgramPart } from './schema';

/** What a search hit points at, so the bot can open it. */
export type SearchTarget =
  | { kind: 'skill'; skillId: string }
  | { kind: 'role'; level: number; category: string }
  | { kind: 'level'; level: number }
  | { kind: 'focusItem'; level: number; focusItemId: string }
  | { kind: 'recommendedSkill' }
  | { kind: 'program'; level: number; programId: string }
  /** How one is certified there: the skills an evaluation assesses (Moka's スキルマップ). */
  | { kind: 'certification' };

/** One ranked result. */
export interface SearchHit {
  readonly target: SearchTarget;
  readonly title: string;
  /** A short excerpt around the first match, for the result list. */
  readonly snippet: string;
  readonly score: number;
}

interface Field {
  readonly text: string;
  /** `text` normalised once when the index is built; queries are normalised per call. */
  readonly folded: string;
  readonly weight: number;
}

interface Entry {
  readonly target: SearchTarget;
  readonly title: string;
  readonly fields: readonly Field[];
  /** Breaks ties: skills before roles before training, as people usually look for skills first. */
  readonly rank: number;
}

/** A prepared index over one framework version. Build it once per version. */
export interface SearchIndex {
  readonly entries: readonly Entry[];
}

const TITLE = 10;
/**
 * What people call a program a tier's certification requires (its `requiredFor`): found by these words, weighed as its
 * description is, so that 「必須研修」 finds it while 「AI 研修」 still finds the AI items first.
 */
const REQUIRED_TRAINING_WORDS = ['必須研修', 'required training'];

/** A city's own other names for an item (its keywords) count nearly as much as the name. */
const KEYWORD = 8;
const BODY = 2;
const SNIPPET_RADIUS = 40;

/** Builds the search index over every text the framework has. */
export function buildSearchIndex(framework: Framework): SearchIndex {
  const d = framework.document;
  const levelTitle = (level: number): string => `Lv.${level} ${framework.level(level)?.title ?? ''}`;
  const categoryName = (id: string): string => framework.category(id)?.name ?? id;
  const firstLevelOf = (program: Program, part?: ProgramPart): number =>
    framework.levels.find((l) => (part ? framework.partsFor(program, l.level).includes(part) : framework.programsFor(l.level).includes(program)))
      ?.level ?? 1;
  const entries: (Omit<Entry, 'fields'> & { fields: Omit<Field, 'folded'>[] })[] = [
    ...d.requiredSkills.map((s) => ({
      target: { kind: 'skill' as const, skillId: s.id },
      title: s.name,
      fields: [
        { text: s.name, weight: TITLE },
        ...keywordFields(s.keywords),
        { text: s.definition ?? '', weight: BODY * 2 },
        { text: s.example ?? '', weight: BODY },
      ],
      rank: 0,
    })),
    ...d.levels.map((l) => ({
      target: { kind: 'level' as const, level: l.level },
      title: levelTitle(l.level),
      fields: [
        { text: l.title, weight: TITLE },
        { text: l.summary ?? '', weight: BODY },
      ],
      rank: 1,
    })),
    ...d.roles.map((r) => ({
      target: { kind: 'role' as const, level: r.level, category: r.category },
      title: `${levelTitle(r.level)}｜${categoryName(r.category)}`,
      fields: [{ text: r.text ?? '', weight: BODY }],
      rank: 2,
    })),
    ...d.trainingFocusItems.map((t) => ({
      target: { kind: 'focusItem' as const, level: t.level, focusItemId: t.id },
      title: `${t.name}（Lv.${t.level} ${categoryName(t.category)}）`,
      fields: [{ text: t.name, weight: TITLE }, ...keywordFields(t.keywords)],
      rank: 3,
    })),
    ...d.recommendedSkillGroups.flatMap((g) =>
      g.skills.map((s) => ({
        target: { kind: 'recommendedSkill' as const },
        title: `${s.name}（${g.name}）`,
        fields: [
          { text: s.name, weight: TITLE },
          ...keywordFields(s.keywords),
          { text: g.name, weight: BODY },
          { text: s.note ?? '', weight: BODY },
        ],
        rank: 4,
      })),
    ),
    ...d.programs.map((p) => ({
      // Open the training view of the first level the program is meant for.
      target: { kind: 'program' as const, level: firstLevelOf(p), programId: p.id },
      title: p.name,
      fields: [
        { text: p.name, weight: TITLE },
        ...keywordFields(p.keywords),
        ...(p.requiredFor.length > 0 ? REQUIRED_TRAINING_WORDS : []).map((text) => ({ text, weight: BODY })),
        { text: p.description ?? '', weight: BODY },
      ],
      rank: 5,
    })),
    ...(d.rules.evaluation?.skillMap?.skills ?? []).map((s) => ({
      target: { kind: 'certification' as const },
      title: s.name,
      fields: [
        { text: s.name, weight: TITLE },
        { text: s.note ?? '', weight: BODY },
      ],
      rank: 4,
    })),
    // Each part on its own, so that a search opens the level of the part it found (シルバー's, not ブロンズ's).
    ...d.programs.flatMap((p) =>
      p.parts.map((part) => ({
        target: { kind: 'program' as const, level: firstLevelOf(p, part), programId: p.id },
        title: `${p.name}（${part.name}）`,
        fields: [
          { text: part.name, weight: BODY },
          { text: part.description ?? '', weight: BODY },
        ],
        rank: 5,
      })),
    ),
  ];
  return {
    entries: entries.map((entry) => ({
      ...entry,
      fields: entry.fields.map((f) => ({ ...f, folded: normalize(f.text) })),
    })),
  };
}

/**
 * Ranked search. The query is read as a person writes it: split into the words it carries (see `queryTerms`), and
 * every item scores by the words it contains, rarer words counting more, a name or keyword far more than a body text.
 * An item need not contain every word: it ranks below those that contain more, or rarer, of them.
 */
export function search(index: SearchIndex, query: string, limit = 10): SearchHit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const weighted = terms.map((term) => ({ ...term, rarity: rarity(index, term.text) }));
  const hits: (SearchHit & { rank: number })[] = [];
  for (const entry of index.entries) {
    let score = 0;
    let firstMatch: string | undefined;
    for (const term of weighted) {
      const termScore = scoreTerm(entry, term.text);
      if (termScore === 0) continue;
      firstMatch ??= term.text;
      score += termScore * term.weight * term.rarity;
    }
    if (firstMatch === undefined) continue;
    hits.push({ target: entry.target, title: entry.title, snippet: snippet(entry, firstMatch), score, rank: entry.rank });
  }
  return hits
    .sort((a, b) => b.score - a.score || a.rank - b.rank)
    .slice(0, limit)
    .map(({ rank: _rank, ...hit }) => hit);
}

/**
 * Names that look like the query even though they do not contain it (e.g. the typo 「マネジメソト」 → マネジメント),
 * by the overlap of two-character pieces. Used to suggest something when a search finds nothing.
 */
export function similarTitles(index: SearchIndex, query: string, limit = 3): SearchHit[] {
  const q = bigrams(query);
  if (q.size === 0) return [];
  return index.entries
    .map((entry) => ({ target: entry.target, title: entry.title, snippet: '', score: dice(q, bigrams(entry.fields[0]!.text)), rank: entry.rank }))
    .filter((h) => h.score >= 0.3)
    .sort((a, b) => b.score - a.score || a.rank - b.rank)
    .slice(0, limit)
    .map(({ rank: _rank, ...hit }) => hit);
}

function keywordFields(keywords: readonly string[]): Omit<Field, 'folded'>[] {
  return keywords.map((text) => ({ text, weight: KEYWORD }));
}

/** How much rarer words count: ln(1 + entries / entries containing the word), as in tf-idf. */
function rarity(index: SearchIndex, term: string): number {
  const containing = index.entries.filter((entry) => entry.fields.some((f) => f.folded.includes(term))).length;
  return containing === 0 ? 0 : Math.log(1 + index.entries.length / containing);
}

function scoreTerm(entry: Entry, term: string): number {
  let score = 0;
  for (const field of entry.fields) {
    const text = field.folded;
    if (!text.includes(term)) continue;
    const occurrences = Math.min(text.split(term).length - 1, 3);
    score += field.weight * occurrences;
    if (field.weight === TITLE && text === term) score += TITLE * 3;
    else if (field.weight === TITLE && text.startsWith(term)) score += TITLE;
  }
  return score;
}

/** An excerpt of the body around the term; the title is already shown, so a name hit shows the body's opening. */
function snippet(entry: Entry, term: string): string {
  const body = entry.fields.filter((f) => f.weight < KEYWORD && f.text !== '');
  const field = body.find((f) => f.folded.includes(term)) ?? body[0];
  if (!field) return '';
  const at = Math.max(0, field.folded.indexOf(term));
  // Folding (NFKC, the long-vowel mark) can change the length; a snippet slightly off is harmless.
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(field.text.length, at + term.length + SNIPPET_RADIUS);
  return `${start > 0 ? '…' : ''}${field.text.slice(start, end)}${end < field.text.length ? '…' : ''}`;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}
