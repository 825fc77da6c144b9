import { Framework } from '../../src/domain/framework/framework';
import { loadKitakyushu } from './realFramework';
import type { Program } from '../../src/domain/framework/schema';

const framework = loadKitakyushu();

function skill(id: string) {
  const found = framework.skill(id);
  if (!found) throw new Error(`no skill ${id}`);
  return found;
}

describe('Framework', () => {
  it('lists the required skills of one level in the framework order', () => {
    expect(framework.requiredSkillsAt(3).map((s) => s.id)).toEqual(['rs15', 'rs16', 'rs17', 'rs18', 'rs19', 'rs20']);
    expect(framework.requiredSkillsAt(9)).toEqual([]);
  });

  it('lists the focus items of one level in the framework order', () => {
    expect(framework.focusItemsAt(5).map((t) => t.id)).toEqual(['tf45', 'tf46', 'tf47', 'tf48', 'tf49', 'tf50', 'tf51']);
  });

  it('gives the focus items of the same level and category as a skill', () => {
    expect(framework.focusItemsFor(skill('rs25')).map((t) => t.name)).toEqual(['デザインシンキング', 'プロジェクトマネジメント']);
    expect(framework.focusItemsFor(skill('rs06')).map((t) => t.id)).toEqual(['tf07', 'tf08']);
    for (const item of framework.focusItemsFor(skill('rs15'))) expect([item.level, item.category]).toEqual([3, 'thinking']);
  });

  const project = (): Program => framework.document.programs.find((p) => p.id === 'dx-talent-project')!;

  it('gives Lv.1 the project with its bronze part only, and the programs for everyone', () => {
    const ids = framework.programsFor(1).map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['dx-talent-project', 'dx-academy']));
    expect(framework.partsFor(project(), 1).map((part) => part.name)).toEqual(['ブロンズ']);
  });

  it('gives Lv.4 and Lv.5 the gold part of the project, Lv.2 and Lv.3 the silver one', () => {
    expect(framework.partsFor(project(), 4).map((part) => part.name)).toEqual(['ゴールド']);
    expect(framework.partsFor(project(), 5).map((part) => part.name)).toEqual(['ゴールド']);
    expect(framework.partsFor(project(), 2).map((part) => part.name)).toEqual(['シルバー']);
    expect(framework.partsFor(project(), 3).map((part) => part.name)).toEqual(['シルバー']);
  });

  it('gives a level a program meant for other tiers when one of its parts is meant for the level', () => {
    const doc = structuredClone(framework.document);
    doc.programs = [
      { id: 'only-gold', name: 'ゴールド研修', kind: 'tier-training', tiers: ['gold'], ranks: [], requiredFor: [], parts: [], keywords: [] },
      {
        id: 'split',
        name: '区分別研修',
        kind: 'tier-training',
        tiers: ['gold'],
        requiredFor: [],
        ranks: [],
        parts: [{ name: 'シルバー', tiers: ['silver'], ranks: [] }],
        keywords: [],
      },
    ];
    const split = new Framework(doc, 'v');
    expect(split.programsFor(2).map((p) => p.id)).toEqual(['split']);
    expect(split.programsFor(4).map((p) => p.id)).toEqual(['only-gold', 'split']);
  });

  it('gives an unknown level only the programs for everyone', () => {
    const untiered = framework.document.programs.filter((p) => p.tiers.length === 0).map((p) => p.id);
    expect(framework.programsFor(99).map((p) => p.id)).toEqual(untiered);
  });

  it('sorts levels from lowest to highest even when the document does not', () => {
    const shuffled = new Framework({ ...framework.document, levels: [...framework.document.levels].reverse() }, 'v2');
    expect(shuffled.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    expect(shuffled.document.levels[0]?.level).toBe(5);
  });

  it('knows its highest level and looks levels, tiers and categories up', () => {
    expect(framework.highestLevel).toBe(5);
    expect(framework.level(4)?.tier).toBe('gold');
    expect(framework.level(6)).toBeUndefined();
    expect(framework.tier('silver')?.name).toBe('シルバー');
    expect(framework.category('execution')?.name).toBe('業務遂行');
    expect(framework.role(4, 'execution')?.text).toContain('DXプロジェクト');
    expect(framework.version).toBe('v1');
  });
});
