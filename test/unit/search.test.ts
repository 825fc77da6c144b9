import { normalize } from '../../src/domain/framework/queryTerms';
import { buildSearchIndex, search, similarTitles, type SearchHit } from '../../src/domain/framework/search';
import { loadFrameworkFile, loadKitakyushu } from './realFramework';

const index = buildSearchIndex(loadKitakyushu());

const titles = (hits: readonly SearchHit[]): string[] => hits.map((h) => h.title);
const skillIds = (hits: readonly SearchHit[]): string[] =>
  hits.flatMap((h) => (h.target.kind === 'skill' ? [h.target.skillId] : []));

describe('search over the Kitakyushu framework', () => {
  it('puts プロジェクトマネジメント first for "プロジェクト", with 案件化／プロジェクト化 in the top five', () => {
    const hits = search(index, 'プロジェクト');
    expect(hits[0]).toMatchObject({ title: 'プロジェクトマネジメント', target: { kind: 'skill', skillId: 'rs25' } });
    expect(titles(hits.slice(0, 5))).toContain('案件化／プロジェクト化');
  });

  it('ranks the skills named プロジェクト… above every role text that mentions it', () => {
    const hits = search(index, 'プロジェクト', 100);
    const firstRole = hits.findIndex((h) => h.target.kind === 'role');
    expect(firstRole).toBeGreaterThan(0);
    const skill = (id: string): number => hits.findIndex((h) => h.target.kind === 'skill' && h.target.skillId === id);
    expect(skill('rs25')).toBeLessThan(firstRole);
    expect(skill('rs30')).toBeLessThan(firstRole);
  });

  it('finds the AI skill and the AI focus items for "AI"', () => {
    const hits = search(index, 'AI');
    expect(skillIds(hits)).toContain('rs15');
    expect(titles(hits)).toEqual(
      expect.arrayContaining(['データ・AI活用戦略', 'AI基礎（Lv.3 思考・認識）', 'AI応用（Lv.4 思考・認識）']),
    );
  });

  it('finds 情報リテラシー through its definition and the security skills for "セキュリティ"', () => {
    const hits = search(index, 'セキュリティ', 20);
    expect(skillIds(hits)).toContain('rs06');
    expect(hits.find((h) => h.target.kind === 'skill' && h.target.skillId === 'rs06')?.snippet).toContain('セキュリティリスク');
    expect(titles(hits)).toEqual(
      expect.arrayContaining([
        'セキュリティ体制構築・運営（セキュリティ）',
        'セキュリティマネジメント（セキュリティ）',
        'セキュリティ運用・保守・監視（セキュリティ）',
      ]),
    );
  });

  it('folds hiragana to katakana, half-width kana and full-width letters', () => {
    const reference = search(index, 'プロジェクト');
    expect(search(index, 'ぷろじぇくと')).toEqual(reference);
    expect(search(index, 'ﾌﾟﾛｼﾞｪｸﾄ')).toEqual(reference);
    expect(search(index, 'ＡＩ')).toEqual(search(index, 'AI'));
    expect(search(index, 'ai')).toEqual(search(index, 'AI'));
  });

  it('ranks by several words without requiring each: the item matching both first, those matching one after', () => {
    const best = [{ kind: 'skill', skillId: 'rs15' }];
    for (const query of ['AI 戦略', 'AI　戦略', 'AI、戦略']) expect(search(index, query).map((h) => h.target).slice(0, 1)).toEqual(best);
    const hits = search(index, 'AI 戦略', 50);
    expect(titles(hits)).toEqual(expect.arrayContaining(['AI基礎（Lv.3 思考・認識）', 'ビジネス戦略策定・実行']));
    expect(titles(search(index, 'AI zzqx'))).toEqual(titles(search(index, 'AI')));
  });

  it('finds the AI items, not one program, for 「AI 研修」 and 「生成AI」', () => {
    const aiItems = ['AI基礎（Lv.3 思考・認識）', 'AI応用（Lv.4 思考・認識）', 'データ・AI活用戦略'];
    expect(titles(search(index, 'AI 研修').slice(0, 3)).sort()).toEqual([...aiItems].sort());
    const generative = titles(search(index, '生成AI').slice(0, 6));
    expect(generative).toEqual(expect.arrayContaining([...aiItems, 'DX人材育成プロジェクト（R5.10～）（シルバー）']));
  });

  it('opens a program\'s part at the level of its tier: the シルバー part of the project at Lv.2', () => {
    const hit = search(index, 'ハンズオン').find((h) => h.title === 'DX人材育成プロジェクト（R5.10～）（シルバー）');
    expect(hit?.target).toEqual({ kind: 'program', level: 2, programId: 'dx-talent-project' });
  });

  it('finds 人工知能 through the items\' keywords, the same items as AI', () => {
    const byKeyword = titles(search(index, '人工知能', 50));
    expect(byKeyword).toEqual(expect.arrayContaining(['データ・AI活用戦略', 'AI基礎（Lv.3 思考・認識）', '機械学習・深層学習（データ活用）']));
    for (const title of byKeyword) expect(titles(search(index, 'AI', 50))).toContain(title);
  });

  it('reads the words out of a sentence: particles, endings and question words do not spoil the match', () => {
    const reference = titles(search(index, 'AI'));
    for (const question of ['AIについて学べる？', 'AIはありますか', 'AIとは', 'AIを知りたい', 'What is AI?']) {
      expect(titles(search(index, question))).toEqual(reference);
    }
    expect(titles(search(index, 'AIの研修はありますか？'))).toEqual(titles(search(index, 'AI 研修')));
  });

  it('finds the skills about explaining and presenting for 「説明が苦手です」', () => {
    expect(titles(search(index, '説明が苦手です').slice(0, 3))).toEqual([
      '説明力',
      '説明力（Lv.1 外部影響）',
      'プレゼンテーション（Lv.3 外部影響）',
    ]);
  });

  it('finds a word inside a compound: 「セキュリティ」 in 「情報セキュリティ管理」, 「データ」 in 「データ利活用」', () => {
    expect(titles(search(index, 'セキュリティ', 50))).toContain('情報セキュリティ管理（Lv.4 組織運営）');
    expect(titles(search(index, 'データ利活用', 50))).toEqual(expect.arrayContaining(['データ理解・活用', 'データ基礎（Lv.1 思考・認識）']));
  });

  it('matches with or without the long-vowel mark', () => {
    expect(search(index, 'プロジェクトマネージメント')[0]?.title).toBe('プロジェクトマネジメント');
    expect(titles(search(index, 'コンピューターサイエンス'))).toContain('コンピュータサイエンス（テクノロジー）');
  });

  it.each(['', '   ', '　', '、,'])('returns nothing for the empty query %p', (query) => {
    expect(search(index, query)).toEqual([]);
  });

  it('returns nothing for a word the framework does not contain', () => {
    expect(search(index, 'zzqxv')).toEqual([]);
  });

  it('gives snippets that contain the term, shortened around it in long texts', () => {
    const hits = search(index, 'AI', 50);
    expect(hits.length).toBeGreaterThan(5);
    const bodyHits = hits.filter((h) => h.target.kind === 'skill' && !h.title.includes('AI'));
    expect(bodyHits.length).toBeGreaterThan(0);
    for (const hit of bodyHits) expect(normalize(hit.snippet)).toContain('ai');
    const long = hits.find((h) => h.target.kind === 'skill' && h.target.skillId === 'rs21');
    expect(long?.snippet.startsWith('…')).toBe(true);
    expect(long?.snippet.length).toBeLessThanOrEqual(2 * 40 + 'AI'.length + 2);
  });

  it('shows the body, not the title again, when only the name matches', () => {
    const hit = search(index, 'プロジェクトマネジメント', 50).find((h) => h.title === 'プロジェクトマネジメント');
    expect(hit?.snippet).toMatch(/^プロジェクトの目的達成に向けて/);
    const focusItem = search(index, 'AI基礎', 50).find((h) => h.target.kind === 'focusItem');
    expect(focusItem?.snippet).toBe('');
  });

  it('respects the limit, 10 by default', () => {
    expect(search(index, 'データ', 3)).toHaveLength(3);
    expect(search(index, 'データ', 3)).toEqual(search(index, 'データ', 50).slice(0, 3));
    expect(search(index, 'データ')).toHaveLength(10);
  });

  it('orders hits by descending score', () => {
    const scores = search(index, 'データ', 50).map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('similarTitles', () => {
  it('suggests プロジェクトマネジメント for "プロジェクト管理", which no name contains', () => {
    const suggestions = similarTitles(index, 'プロジェクト管理');
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(titles(suggestions)).toContain('プロジェクトマネジメント');
  });

  it('suggests nothing for an empty or unrelated query', () => {
    expect(similarTitles(index, '')).toEqual([]);
    expect(similarTitles(index, 'x')).toEqual([]);
    expect(similarTitles(index, 'zzqxv')).toEqual([]);
  });
});

describe('search over Moka\'s framework', () => {
  const moka = buildSearchIndex(loadFrameworkFile('moka'));

  it('finds the skills its evaluation certifies on, opening how one is certified there', () => {
    const [first] = search(moka, 'UI/UX');
    expect(first).toMatchObject({ title: 'UI/UX', target: { kind: 'certification' } });
    expect(titles(search(moka, 'うれしい体験'))).toContain('UI/UX');
  });
});
