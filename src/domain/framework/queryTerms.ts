/**
 * How a typed question becomes search words. People write sentences (「RPAについて学べる？」), not keywords, so the
 * words are what is left between the hiragana runs (particles, endings, question words), and compounds are split
 * again by `Intl.Segmenter` so that a part of one (「生成AI」 → 「AI」) is found too. Measured against kuromoji 0.1.2 on
 * the questions, both find the same content words (its nouns; our words between hiragana runs); kuromoji
 * takes 0.6 s and ~370 MB to load its 18 MB dictionary and 0.1 ms a question, the built-in segmenter nothing to
 * load and 5 µs a question.
 */

const KATAKANA = /[\u30a1-\u30f6]/g;
/** How far a katakana letter stands from its hiragana: ア (U+30A2) − あ (U+3042). */
const KANA_OFFSET = 0x60;

/** One search word, with how much it counts: a whole compound counts more than a part of one. */
export interface QueryTerm {
  /** Folded with `normalize`, as the index is. */
  readonly text: string;
  readonly weight: number;
}

const WHOLE = 1;
const PART = 0.5;
const MAX_TERMS = 12;
/** Longer than this, a word typed apart is a phrase or a sentence, split like any other. */
const MAX_TYPED_WORD = 8;

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** Runs of hiragana and anything that is not a letter or digit separate words. */
const SEPARATORS = /\p{Script=Hiragana}+|[^\p{L}\p{N}ー]+/u;

/** Content words that only say a question is asked, in Japanese and English; they would match noise. */
const QUESTION_WORDS = new Set(
  [
    '何', '誰', '方法', '場合', '教', '知', '学', '必要', '可能',
    'what', 'which', 'who', 'when', 'how', 'is', 'are', 'the', 'a', 'an', 'of', 'about', 'for', 'to', 'in', 'do', 'does',
    'can', 'i', 'learn', 'there', 'any', 'me', 'tell', 'want', 'know',
  ].map((w) => normalize(w)),
);

/**
 * Folds full-width/half-width (ＬＶ３ → lv3, ｼﾝﾀﾞﾝ → しんだん), case and katakana into hiragana: the fold every match
 * of people's words starts from, in search and in understanding a message alike.
 */
export function foldWidthCaseKana(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - KANA_OFFSET));
}

/**
 * Folds full-width/half-width, case, katakana/hiragana and the long-vowel mark after kana, so that 「ＡＩ」, "ai"
 * and 「AI」 match alike, and so do 「サーバー」 and 「サーバ」.
 */
export function normalize(text: string): string {
  return foldWidthCaseKana(text).replace(/(?<=[\u3041-\u3096])ー/g, '');
}

/**
 * The words of a query, best first. A query of hiragana alone (「ぷろじぇくと」) is one word: someone typed the reading.
 */
export function queryTerms(query: string): QueryTerm[] {
  const text = query.normalize('NFKC');
  const terms = new Map<string, number>();
  const add = (word: string, weight: number): void => {
    const folded = normalize(word);
    if (folded.length === 0 || QUESTION_WORDS.has(folded)) return;
    terms.set(folded, Math.max(terms.get(folded) ?? 0, weight));
  };
  // Words typed apart are searched as typed too: 「歩く 話す 学ぶ」 are the strategy's own words, okurigana and all.
  // (Words without hiragana are found whole below anyway.)
  const typedApart = text.split(/\s+/).map((word) => word.replace(/[^\p{L}\p{N}ー]+/gu, ''));
  const withEndings = typedApart.filter((word) => /\p{Script=Hiragana}/u.test(word) && word.length > 1 && word.length <= MAX_TYPED_WORD);
  if (typedApart.length > 1) for (const word of withEndings) add(word, WHOLE);
  // A single character left between particles is mostly a verb's stem (学べる, 知りたい): too little to search for.
  const chunks = text.split(SEPARATORS).filter((chunk) => chunk.replace(/ー/g, '').length > 1);
  for (const chunk of chunks) {
    add(chunk, WHOLE);
    const parts = [...segmenter.segment(chunk)].filter((s) => s.isWordLike && s.segment.length > 1);
    if (parts.length > 1) for (const part of parts) add(part.segment, PART);
  }
  if (terms.size === 0) add(text.replace(/[^\p{L}\p{N}ー]+/gu, ''), WHOLE);
  return [...terms].map(([term, weight]) => ({ text: term, weight })).slice(0, MAX_TERMS);
}

/** The two-character pieces of a text, folded and without spaces or punctuation, for matching by overlap. */
export function bigrams(text: string): Set<string> {
  const compact = normalize(text).replace(/[^\p{L}\p{N}]+/gu, '');
  const set = new Set<string>();
  for (let i = 0; i < compact.length - 1; i++) set.add(compact.slice(i, i + 2));
  return set;
}

/**
 * Marks of a question or a sentence rather than a keyword: a question mark, a question word, a word followed by a
 * hiragana ending (「学べる」「ありますか」: the chat may have dropped the question mark), an English question.
 */
const QUESTION =
  /[?？]|いつ|どう|なぜ|何|誰|どこ|どれ|どの|[^\p{Script=Hiragana}\s]\p{Script=Hiragana}+[。.!！]*$|^(?:what|when|how|who|why|where|which|can|do|does|is|are)\b/iu;

/** Whether a message asks something, so that finding nothing deserves "the framework does not say" rather than "no match". */
export function looksLikeQuestion(text: string): boolean {
  return QUESTION.test(text.normalize('NFKC').trim());
}
