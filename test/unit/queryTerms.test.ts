import { looksLikeQuestion, normalize, queryTerms } from '../../src/domain/framework/queryTerms';

const words = (query: string): string[] => queryTerms(query).map((t) => t.text);

describe('queryTerms: the words a typed question carries', () => {
  it.each([
    ['RPAについて学べる？', ['rpa']],
    ['説明が苦手です', ['説明', '苦手']],
    ['セキュリティとは', [normalize('セキュリティ')]],
    ['プレゼンテーションを知りたい', [normalize('プレゼンテーション')]],
    ['What is RPA?', ['rpa']],
  ])('reads %p as %p, leaving out particles, endings and question words', (query, expected) => {
    expect(words(query)).toEqual(expected);
  });

  it('keeps a compound whole and adds its parts at half weight', () => {
    expect(queryTerms('生成AIの研修はありますか？')).toEqual([
      { text: '生成ai', weight: 1 },
      { text: '生成', weight: 0.5 },
      { text: 'ai', weight: 0.5 },
      { text: '研修', weight: 1 },
    ]);
  });

  it('searches words typed apart as typed, okurigana and all (the strategy says 「歩く」「話す」「学ぶ」)', () => {
    expect(queryTerms('歩く 話す 学ぶ').map((term) => term.text)).toEqual(['歩く', '話す', '学ぶ']);
    // One word with an ending is a sentence as before: its stem is too little to search for.
    expect(queryTerms('学べる？')).toEqual([{ text: '学べる', weight: 1 }]);
  });

  it('reads a query of hiragana alone as one word, the reading someone typed', () => {
    expect(words('ぷろじぇくと')).toEqual(['ぷろじぇくと']);
  });

  it('reads nothing in punctuation, spaces or a lone question word', () => {
    expect(words('　、？')).toEqual([]);
    expect(words('何？')).toEqual([]);
  });
});

describe('normalize', () => {
  it('folds width, case, katakana and the long-vowel mark after kana', () => {
    expect(normalize('ＡＩ')).toBe('ai');
    expect(normalize('ﾌﾟﾛｼﾞｪｸﾄ')).toBe(normalize('ぷろじぇくと'));
    expect(normalize('コンピューター')).toBe(normalize('コンピュータ'));
    expect(normalize('サーバー')).toBe('さば');
  });
});

describe('looksLikeQuestion', () => {
  it.each(['RPAについて学べる？', 'RPAについて学べる', '募集はいつ', '何がある', 'What is RPA', 'AIはありますか'])('takes %p for a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each(['ぬるぽ', 'RPA', 'プロジェクト管理', 'zzqx'])('takes the keyword %p for no question', (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });
});
