import { ENGLISH_FILLERS } from './fillers';

const KATAKANA = /[\u30a1-\u30f6]/g;
const KANA_OFFSET = 0x60;
const PUNCTUATION = /[\p{P}\p{S}\s]+/gu;
const ENGLISH_FILLER_WORDS = new RegExp(`\\b(?:${ENGLISH_FILLERS.join('|')})\\b`, 'g');

/**
 * A message as phrases are matched against it: NFKC (ＬＶ３ → LV3, ｼﾝﾀﾞﾝ → シンダン), lower case, katakana as
 * hiragana (シンダン and しんだん are one word), English fillers dropped, punctuation and spaces gone. Phrases are
 * folded the same way, so they are written as people write them.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - KANA_OFFSET))
    .replace(PUNCTUATION, ' ')
    .replace(ENGLISH_FILLER_WORDS, ' ')
    .replace(/\s+/g, '');
}
