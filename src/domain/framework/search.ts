import type { Framework } from './framework';

/** What a search hit points at, so the bot can open it. */
export type SearchTarget =
  | { kind: 'skill'; skillId: string }
  | { kind: 'role'; level: number; category: string }
  | { kind: 'level'; level: number }
  | { kind: 'focusItem'; level: number; focusItemId: string }
  | { kind: 'recommendedSkill' }
  | { kind: 'program'; level: number; programId: string };

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
const BODY = 2;
const SNIPPET_RADIUS = 40;

/** Builds the search index over every text the framework has. */
export function buildSearchIndex(framework: Framework): SearchIndex {
  const d = framework.document;
  const levelTitle = (level: number): string => `Lv.${level} ${framework.level(level)?.title ?? ''}`;
  const categoryName = (id: string): string => framework.category(id)?.name ?? id;
  const entries: (Omit<Entry, 'fields'> & { fields: Omit<Field, 'folded'>[] })[] = [
    ...d.requiredSkills.map((s) => ({
      target: { kind: 'skill' as const, skillId: s.id },
      title: s.name,
      fields: [
        { text: s.name, weight: TITLE },
        { text: s.definition, weight: BODY * 2 },
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
      fields: [{ text: r.text, weight: BODY }],
      rank: 2,
    })),
    ...d.trainingFocusItems.map((t) => ({
      target: { kind: 'focusItem' as const, level: t.level, focusItemId: t.id },
      title: `${t.name}（Lv.${t.level} ${categoryName(t.category)}）`,
      fields: [{ text: t.name, weight: TITLE }],
      rank: 3,
    })),
    ...d.recommendedSkillGroups.flatMap((g) =>
      g.skills.map((s) => ({
        target: { kind: 'recommendedSkill' as const },
        title: `${s.name}（${g.name}）`,
        fields: [
          { text: s.name, weight: TITLE },
          { text: g.name, weight: BODY },
          { text: s.note ?? '', weight: BODY },
        ],
        rank: 4,
      })),
    ),
    ...d.programs.map((p) => ({
      // Open the training view of the first level the program is meant for.
      target: {
        kind: 'program' as const,
        level: framework.levels.find((l) => p.tiers.length === 0 || p.tiers.includes(l.tier))?.level ?? 1,
        programId: p.id,
      },
      title: p.name,
      fields: [
        { text: p.name, weight: TITLE },
        { text: p.description ?? '', weight: BODY },
      ],
      rank: 5,
    })),
  ];
  return {
    entries: entries.map((entry) => ({
      ...entry,
      fields: entry.fields.map((f) => ({ ...f, folded: normalize(f.text) })),
    })),
  };
}

/**
 * Ranked keyword search. Every word of the query must occur (after normalising width, case and kana);
 * a hit in a name counts far more than one in a body text, and an exact name match most of all.
 */
export function search(index: SearchIndex, query: string, limit = 10): SearchHit[] {
  const terms = splitTerms(query);
  if (terms.length === 0) return [];
  const hits: (SearchHit & { rank: number })[] = [];
  for (const entry of index.entries) {
    let score = 0;
    let matchedAll = true;
    for (const term of terms) {
      const termScore = scoreTerm(entry, term);
      if (termScore === 0) matchedAll = false;
      score += termScore;
    }
    if (!matchedAll) continue;
    hits.push({ target: entry.target, title: entry.title, snippet: snippet(entry, terms[0]!), score, rank: entry.rank });
  }
  hits.sort((a, b) => b.score - a.score || a.rank - b.rank);
  return hits.slice(0, limit).map(({ rank: _rank, ...hit }) => hit);
}

/**
 * Names that look like the query even though they do not contain it (e.g. "プロジェクト管理" → プロジェクトマネジメント),
 * by the overlap of two-character pieces. Used to suggest something when a search finds nothing.
 */
export function similarTitles(index: SearchIndex, query: string, limit = 3): SearchHit[] {
  const q = bigrams(normalize(query));
  if (q.size === 0) return [];
  return index.entries
    .map((entry) => {
      const name = entry.fields[0]!.folded;
      return { target: entry.target, title: entry.title, snippet: '', score: dice(q, bigrams(name)), rank: entry.rank };
    })
    .filter((h) => h.score >= 0.3)
    .sort((a, b) => b.score - a.score || a.rank - b.rank)
    .slice(0, limit)
    .map(({ rank: _rank, ...hit }) => hit);
}

/** Folds full-width/half-width, case and katakana/hiragana so that "ＡＩ", "ai" and "AI" match alike. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

function splitTerms(query: string): string[] {
  return normalize(query)
    .split(/[\s、,，・]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 8);
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
  const body = entry.fields.filter((f) => f.weight !== TITLE && f.text !== '');
  const field = body.find((f) => f.folded.includes(term)) ?? body[0];
  if (!field) return '';
  const at = Math.max(0, field.folded.indexOf(term));
  // NFKC can change length for some characters; a snippet slightly off is harmless.
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(field.text.length, at + term.length + SNIPPET_RADIUS);
  return `${start > 0 ? '…' : ''}${field.text.slice(start, end)}${end < field.text.length ? '…' : ''}`;
}

function bigrams(text: string): Set<string> {
  const compact = text.replace(/\s+/g, '');
  const set = new Set<string>();
  for (let i = 0; i < compact.length - 1; i++) set.add(compact.slice(i, i + 2));
  return set;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}
