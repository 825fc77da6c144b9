/**
 * Words that carry no intent of their own. Japanese ones are written folded (hiragana, see foldText) and dropped only
 * from the part of a message no intent's phrase covered, longest first; English ones are whole words, dropped first.
 */
export const JAPANESE_FILLERS: readonly string[] = [
  'ございました', 'ございます', 'でしょうか', 'ありますか', 'ました', 'どんな', 'どういう', 'どの', '受け', 'うけ', 'しよう', 'みよう', 'して', 'おねがいします', 'おねがい', 'ください', 'くださ', 'について', 'したいです', 'したい',
  'やりたい', 'みたい', '見たい', '知りたい', 'しりたい', '教えて', 'おしえて', 'みせて', '見せて', 'ですか', 'ますか',
  'ますか', 'できる', 'します', 'する', 'です', 'ます', 'ある', 'いる', 'たい', 'けど', 'から', 'まで', 'って', 'とか',
  '自分', 'わたし', '私', '僕', 'ぼく', '今の', '今', 'なに', '何', '見る', 'みる', '開く', 'ひらく', 'どこ', 'どう', 'こと',
  'もの', 'ほしい', '欲しい', 'すき', 'ちょっと', 'やる', 'うける', '受ける', 'の', 'は', 'を', 'に', 'が', 'で', 'と', 'も',
  'へ', 'か', 'ね', 'よ', 'な', 'て', 'た', 'い', 'ー',
];

/** English words that carry no intent of their own. */
export const ENGLISH_FILLERS: readonly string[] = [
  'i', 'me', 'my', 'we', 'our', 'a', 'an', 'the', 'to', 'of', 'for', 'please', 'want', 'wanna', 'would', 'like', 'can',
  'could', 'you', 'show', 'see', 'open', 'do', 'does', 'is', 'are', 'what', 'about', 'on', 'in', 'with', 'let', 'lets',
  'check', 'view', 'get', 'some', 'any', 'there', 'have', 'it', 'this', 'that', 'now', 'tell', 'look', 'at', 'go', 'take',
];

/**
 * Words that ask about the rules (when, what conditions, how to become): a message with them is a question for the
 * framework more than a command, so they weigh thrice against any intent that does not cover them.
 */
export const QUESTION_MARKERS: readonly string[] = [
  'いつ', '条件', '必要', 'どうすれば', 'どうやって', 'なるには', 'なれる', 'なるため', '違い', 'ちがい', '対象', '資格',
  '認定', 'とは', 'なぜ', 'when', 'how', 'become', 'need', 'condition', 'conditions', 'eligible', 'difference', 'why',
];
