import { parseCommand } from '../../src/features/framework/parseCommand';

describe('parseCommand', () => {
  it.each(['メニュー', 'ヘルプ', 'help', 'HELP', 'Help!', 'menu。', '使い方', '?'])('reads %p as the menu', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'menu' });
  });

  it.each(['こんにちは', 'こんにちは！', 'おはよう', 'おはようございます。', 'hello', 'Hello!', 'HI', 'Good morning'])(
    'answers the greeting %p with the menu',
    (text) => {
      expect(parseCommand(text)).toEqual({ kind: 'menu' });
    },
  );

  it.each(['レベル一覧', 'レベル', 'levels', 'Levels', 'level', 'ladder', '必須スキル'])('reads %p as the level ladder', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'ladder' });
  });

  it.each([
    ['レベル3', 3],
    ['レベル 3', 3],
    ['Lv.3', 3],
    ['lv3', 3],
    ['LV 3', 3],
    ['ＬＶ．３', 3],
    ['ｌｖ５', 5],
    ['level 3', 3],
    ['Level 4.', 4],
    ['Lv.2!', 2],
    ['レベル10', 10],
  ])('reads %p as level %d', (text, level) => {
    expect(parseCommand(text)).toEqual({ kind: 'level', level });
  });

  it('does not take a three-digit number for a level', () => {
    expect(parseCommand('lv.123')).toEqual({ kind: 'search', query: 'lv.123' });
  });

  it.each(['推奨スキル', '推奨', 'recommended', 'recommended skills', 'Recommended Skills'])('reads %p as recommended skills', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'recommended' });
  });

  it.each(['研修', '研修・施策', 'training', 'Training。'])('reads %p as training without a level', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'training' });
  });

  it.each([
    ['研修 2', 2],
    ['研修2', 2],
    ['研修 レベル3', 3],
    ['training 4', 4],
    ['Training Lv.4', 4],
    ['研修　５', 5],
  ])('reads %p as training for level %d', (text, level) => {
    expect(parseCommand(text)).toEqual({ kind: 'training', level });
  });

  it.each([
    ['検索 AI', 'AI'],
    ['検索　AI', 'AI'],
    ['探す データ', 'データ'],
    ['search project', 'project'],
    ['Search Project', 'Project'],
    ['search  project management ', 'project management'],
  ])('reads %p as an explicit search for %p', (text, query) => {
    expect(parseCommand(text)).toEqual({ kind: 'search', query });
  });

  it.each([
    ['プロジェクト', 'プロジェクト'],
    ['  AI  ', 'AI'],
    ['ＡＩ', 'AI'],
    ['セキュリティ。', 'セキュリティ'],
    ['データ　活用', 'データ 活用'],
    ['hello world', 'hello world'],
    ['help me', 'help me'],
    ['検索', '検索'],
  ])('searches for free text %p as %p', (text, query) => {
    expect(parseCommand(text)).toEqual({ kind: 'search', query });
  });
});
