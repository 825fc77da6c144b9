import { roleChanges, type RoleChanges } from '../../src/domain/framework/roleChanges';
import { loadFrameworkFile } from './realFramework';

/** The texts of the changed runs, in order. */
const changedWords = (changes: RoleChanges): string[] => changes.clauses.flatMap((c) => c.runs.filter((r) => r.changed).map((r) => r.text));
/** The clauses that say the same as the level below, as text. */
const sameClauses = (changes: RoleChanges): string[] =>
  changes.clauses.filter((c) => !c.changed).map((c) => c.runs.map((r) => r.text).join(''));

/** Every role of every framework file with the role of the level below it in the same category, where both say one. */
const neighbours = ['kitakyushu', 'moka', 'kunisaki', 'national'].flatMap((id) => {
  const framework = loadFrameworkFile(id);
  return framework.categories.flatMap((category) =>
    framework.levels.slice(1).flatMap((level, i) => {
      const below = framework.role(framework.levels[i]!.level, category.id)?.text;
      const text = framework.role(level.level, category.id)?.text;
      return below && text ? [{ name: `${id} ${category.id} Lv.${level.level}`, below, text }] : [];
    }),
  );
});

describe('roleChanges', () => {
  it('tells Lv.2 of 思考・認識 from Lv.1 by the words it adds, and leaves the clauses both say unmarked', () => {
    const framework = loadFrameworkFile('kitakyushu');
    const changes = roleChanges(framework.role(1, 'thinking')!.text!, framework.role(2, 'thinking')!.text!);
    expect(changedWords(changes)).toEqual([
      'DX・生産性向上につながる',
      'さまざまな制約や困難に直面しても',
      '克服方法まで含めて考え',
      '実行可能な業務計画や改善案を示す',
    ]);
    expect(sameClauses(changes)).toEqual(['因果関係（原因と結果）を把握し、', '解決すべき問題点を特定する。', '既存のツールや手法にとらわれず解決策を検討し、']);
    expect(changes.changedShare).toBeGreaterThan(0.3);
    expect(changes.changedShare).toBeLessThan(0.6);
  });

  it('marks a change of whole words: a kanji stem with its kana ending, the particles between two changes', () => {
    // 恐れることなく → 恐れず大胆に: the change starts at 恐, not in its ending.
    expect(changedWords(roleChanges('抵抗や失敗を恐れることなく挑む。', '抵抗や失敗を恐れず大胆に挑む。'))).toEqual(['恐れず大胆に']);
    // Two changes with "に" between them are one.
    expect(changedWords(roleChanges('組織の目標を達成する。', '市全体に広く目標を達成する。'))).toEqual(['市全体に広く']);
  });

  it('finds nothing new in the same text, and everything in a text with nothing in common', () => {
    const same = roleChanges('担当業務を遂行する。', '担当業務を遂行する。');
    expect(same).toEqual({ clauses: [{ runs: [{ text: '担当業務を遂行する。', changed: false }], changed: false }], changedShare: 0 });
    const other = roleChanges('担当業務を遂行する。', 'マネジメント');
    expect(other).toEqual({ clauses: [{ runs: [{ text: 'マネジメント', changed: true }], changed: true }], changedShare: 1 });
  });

  it('ends clauses at line breaks, each line of a bulleted role its own clause', () => {
    const changes = roleChanges('■知識を学ぶ。\n■取組みを推進する。', '■高度な知識を有する。\n■取組みを推進する。');
    expect(changes.clauses.map((c) => c.runs.map((r) => r.text).join(''))).toEqual(['■高度な知識を有する。\n', '■取組みを推進する。']);
    expect(changes.clauses.map((c) => c.changed)).toEqual([true, false]);
  });

  describe.each(neighbours)('$name', ({ below, text }) => {
    const changes = roleChanges(below, text);
    const runs = changes.clauses.flatMap((c) => c.runs);

    it('keeps every character of the text, in order', () => {
      expect(runs.map((r) => r.text).join('')).toBe(text);
    });

    it('marks changes that begin and end on a word and hold no line break, so markdown can show them in bold', () => {
      for (const { text: words } of runs.filter((r) => r.changed)) {
        expect({ words, edges: /^[\p{L}\p{N}]/u.test(words) && /[\p{L}\p{N}]$/u.test(words), lineBreak: words.includes('\n') }).toEqual({
          words,
          edges: true,
          lineBreak: false,
        });
      }
    });

    it('calls a clause changed exactly when it holds a change', () => {
      for (const clause of changes.clauses) expect(clause.changed).toBe(clause.runs.some((r) => r.changed));
      expect(changes.changedShare).toBeGreaterThan(0);
      expect(changes.changedShare).toBeLessThanOrEqual(1);
    });
  });
});
