import { foldWidthCaseKana } from '../../domain/framework/queryTerms';
import { ENGLISH_FILLERS } from './fillers';

const PUNCTUATION = /[\p{P}\p{S}\s]+/gu;
const ENGLISH_FILLER_WORDS = new RegExp(`\\b(?:${ENGLISH_FILLERS.join('|')})\\b`, 'g');

/**
 * A message as phrases are matched against it: NFKC (ＬＶ３ → LV3, ｼﾝﾀﾞﾝ → シンダン), lower case, katakana as
 * hiragana (シンダン and しんだん are one word), English fillers dropped, punctuation and spaces gone. Phrases are
 * folded the same way, so they are written as people write them.
 */
export function foldText(text: string): string {
  return foldWidthCaseKana(text)
    .replace(PUNCTUATION, ' ')
    .replace(ENGLISH_FILLER_WORDS, ' ')
    .replace(/\s+/g, '');
}
