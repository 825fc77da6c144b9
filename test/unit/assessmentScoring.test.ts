import { Framework } from '../../src/domain/framework/framework';
import type { FrameworkDocument } from '../../src/domain/framework/schema';
import { DEFAULT_ASSESSMENT, isMastered, ratingSettings } from '../../src/domain/assessment/ratingScale';
import { overallRoleLevel, scoreAssessment, skillGaps, skillLevel } from '../../src/domain/assessment/scoring';
import { loadKitakyushu } from './realFramework';

const framework = loadKitakyushu();

/** The ids of one level's required skills, in the framework's order. */
function skillIdsAt(level: number): string[] {
  return framework.requiredSkillsAt(level).map((s) => s.id);
}

/**
 * Ratings as an employee would give them: `rating` for every skill of Lv.1..upTo,
 * after the exceptions, which keep their place at the front of the object.
 */
function ratingsUpTo(upTo: number, rating: number, exceptions: Record<string, number> = {}): Record<string, number> {
  const ratings: Record<string, number> = { ...exceptions };
  for (let level = 1; level <= upTo; level++) {
    for (const id of skillIdsAt(level)) if (ratings[id] === undefined) ratings[id] = rating;
  }
  return ratings;
}

/** The framework's document with some parts replaced, as a new Framework. */
function variant(change: (doc: FrameworkDocument) => void): Framework {
  const doc = structuredClone(framework.document);
  change(doc);
  return new Framework(doc, 'v');
}

describe('the Kitakyushu data these tests rely on', () => {
  it('has five levels and the five categories in order', () => {
    expect(framework.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    expect(framework.categories.map((c) => c.id)).toEqual(['mission', 'thinking', 'execution', 'organization', 'external']);
  });

  it('numbers the required skills rs01..rs33 by level', () => {
    const range = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `rs${String(from + i).padStart(2, '0')}`);
    expect(skillIdsAt(1)).toEqual(range(1, 8));
    expect(skillIdsAt(2)).toEqual(range(9, 14));
    expect(skillIdsAt(3)).toEqual(range(15, 20));
    expect(skillIdsAt(4)).toEqual(range(21, 27));
    expect(skillIdsAt(5)).toEqual(range(28, 33));
  });

  it('rates skills on the four-step scale, mastered from 実践できる', () => {
    expect(framework.document.assessment?.scale.map((s) => [s.value, s.label])).toEqual([
      [0, 'まだ知らない'],
      [1, '知っている'],
      [2, '実践できる'],
      [3, '人に教えられる'],
    ]);
    expect(framework.document.assessment?.masteredFrom).toBe(2);
  });
});

describe('overallRoleLevel', () => {
  it.each([
    [[3, 3, 3, 1, 1], 3],
    [[5, 1, 1, 1, 1], 1],
    [[2, 3, 4, 5, 1], 3],
    [[5, 5, 1, 1, 1], 1],
    [[4, 4, 4, 1, 1], 4],
    [[1, 1, 1, 1, 1], 1],
    [[5, 5, 5, 5, 5], 5],
    [[4, 3, 2, 1], 3],
    [[4, 4, 1, 1], 4],
    [[2, 4], 4],
    [[3], 3],
    [[], 1],
  ])('reads %j as Lv.%i (the highest level at least half of the categories reach)', (positions, expected) => {
    expect(overallRoleLevel(positions)).toBe(expected);
  });

  it('does not depend on the order of the categories, nor reorder its input', () => {
    const positions = Object.freeze([1, 5, 2, 4, 3]);
    expect(overallRoleLevel(positions)).toBe(3);
    expect(positions).toEqual([1, 5, 2, 4, 3]);
  });
});

describe('skillLevel', () => {
  it('is 0 with no ratings at all', () => {
    expect(skillLevel(framework, {})).toBe(0);
  });

  it('is 0 when one Lv.1 skill is only 知っている, whatever the levels above say', () => {
    expect(skillLevel(framework, ratingsUpTo(5, 3, { rs03: 1 }))).toBe(0);
  });

  it('is 0 when one Lv.1 skill is unrated', () => {
    const ratings = ratingsUpTo(2, 2);
    delete ratings.rs08;
    expect(skillLevel(framework, ratings)).toBe(0);
  });

  it('is 2 when Lv.1 and Lv.2 are mastered but one Lv.3 skill is only 知っている', () => {
    expect(skillLevel(framework, ratingsUpTo(3, 2, { rs17: 1 }))).toBe(2);
  });

  it('is 2 when Lv.1 and Lv.2 are mastered and Lv.3 was never rated', () => {
    expect(skillLevel(framework, ratingsUpTo(2, 2))).toBe(2);
  });

  it('counts 人に教えられる as mastered, up to the top level', () => {
    expect(skillLevel(framework, ratingsUpTo(5, 3))).toBe(5);
    expect(skillLevel(framework, ratingsUpTo(4, 3))).toBe(4);
  });

  it('counts まだ知らない as not mastered', () => {
    expect(skillLevel(framework, ratingsUpTo(3, 2, { rs20: 0 }))).toBe(2);
  });
});

describe('skillGaps', () => {
  it('puts lower levels first: a Lv.1 gap comes before a Lv.3 gap rated earlier', () => {
    const ratings = ratingsUpTo(3, 2, { rs17: 1, rs03: 0 });
    expect(Object.keys(ratings).slice(0, 2)).toEqual(['rs17', 'rs03']);

    expect(skillGaps(framework, ratings, 3).map((g) => g.skillId)).toEqual(['rs03', 'rs17']);
  });

  it('keeps the framework order within a level, not the order of the ratings', () => {
    const ratings = ratingsUpTo(2, 2, { rs08: 0, rs12: 1, rs01: 1, rs05: 0 });
    expect(skillGaps(framework, ratings, 2).map((g) => g.skillId)).toEqual(['rs01', 'rs05', 'rs08', 'rs12']);
  });

  it('goes only up to the target', () => {
    const ratings = ratingsUpTo(5, 2, { rs02: 1, rs16: 1, rs25: 1, rs30: 1 });
    expect(skillGaps(framework, ratings, 1).map((g) => g.skillId)).toEqual(['rs02']);
    expect(skillGaps(framework, ratings, 3).map((g) => g.skillId)).toEqual(['rs02', 'rs16']);
    expect(skillGaps(framework, ratings, 4).map((g) => g.skillId)).toEqual(['rs02', 'rs16', 'rs25']);
    expect(skillGaps(framework, ratings, 5).map((g) => g.skillId)).toEqual(['rs02', 'rs16', 'rs25', 'rs30']);
  });

  it('lists skills above the asked range with no rating', () => {
    const gaps = skillGaps(framework, ratingsUpTo(2, 2), 4);
    expect(gaps.map((g) => g.skillId)).toEqual([...skillIdsAt(3), ...skillIdsAt(4)]);
    for (const gap of gaps) expect(gap.rating).toBeUndefined();
  });

  it('leaves out mastered skills and keeps the rating of the others', () => {
    const ratings = ratingsUpTo(1, 2, { rs01: 3, rs02: 2, rs03: 1, rs04: 0 });
    expect(skillGaps(framework, ratings, 1).map((g) => [g.skillId, g.rating])).toEqual([
      ['rs03', 1],
      ['rs04', 0],
    ]);
  });

  it('is empty when everything up to the target is mastered', () => {
    expect(skillGaps(framework, ratingsUpTo(3, 2), 3)).toEqual([]);
  });

  it('describes each gap with its level, category and the focus items that train for it', () => {
    const ratings = ratingsUpTo(4, 2, { rs01: 1, rs05: 0, rs13: 1, rs18: 1, rs24: 0 });
    expect(skillGaps(framework, ratings, 4)).toEqual([
      { skillId: 'rs01', level: 1, category: 'thinking', rating: 1, focusItemIds: ['tf02', 'tf03', 'tf04', 'tf05', 'tf06'] },
      { skillId: 'rs05', level: 1, category: 'execution', rating: 0, focusItemIds: ['tf07', 'tf08'] },
      { skillId: 'rs13', level: 2, category: 'organization', rating: 1, focusItemIds: ['tf21'] },
      { skillId: 'rs18', level: 3, category: 'execution', rating: 1, focusItemIds: ['tf27'] },
      { skillId: 'rs24', level: 4, category: 'execution', rating: 0, focusItemIds: ['tf40', 'tf41'] },
    ]);
  });

  it('gives every gap exactly the focus items of its own level and category', () => {
    const gaps = skillGaps(framework, {}, 5);
    expect(gaps).toHaveLength(33);
    for (const gap of gaps) {
      const expected = framework.document.trainingFocusItems
        .filter((t) => t.level === gap.level && t.category === gap.category)
        .map((t) => t.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(gap.focusItemIds).toEqual(expected);
    }
  });
});

describe('scoreAssessment', () => {
  const positions = { mission: 3, thinking: 3, execution: 4, organization: 2, external: 1 };

  it('puts the positions, both levels, the target, the gaps and the programs together', () => {
    const ratings = ratingsUpTo(4, 2, { rs17: 1 });
    const result = scoreAssessment(framework, positions, ratings, 4);
    expect(result.rolePositions).toEqual(positions);
    expect(result.overallRoleLevel).toBe(3);
    expect(result.skillLevel).toBe(2);
    expect(result.target).toBe(4);
    expect(result.gaps.map((g) => g.skillId)).toEqual(['rs17']);
    expect(result.programIds).toEqual(framework.programsFor(4).map((p) => p.id));
  });

  it('is pure: the same answers give the same result', () => {
    const ratings = ratingsUpTo(3, 1);
    expect(scoreAssessment(framework, positions, ratings, 4)).toEqual(scoreAssessment(framework, positions, ratings, 4));
  });

  it('copies the role positions, so later changes to the answers do not rewrite the result', () => {
    const answers: Record<string, number> = { ...positions };
    const result = scoreAssessment(framework, answers, {}, 4);
    answers.mission = 5;
    expect(result.rolePositions.mission).toBe(3);
  });

  it('offers the gold programs and those for everyone for target Lv.4', () => {
    const ids = scoreAssessment(framework, positions, {}, 4).programIds;
    const expected = framework.document.programs.filter((p) => p.tiers.length === 0 || p.tiers.includes('gold'));
    expect(ids).toEqual(expected.map((p) => p.id));
    expect(ids).toEqual(expect.arrayContaining(['dx-talent-project', 'dx-academy']));
  });

  it('offers none of the gold-only programs for target Lv.2', () => {
    const goldOnly = framework.document.programs.filter((p) => p.tiers.length > 0 && p.tiers.every((t) => t === 'gold'));
    const ids = scoreAssessment(framework, positions, {}, 2).programIds;
    for (const { id } of goldOnly) expect(ids).not.toContain(id);
    expect(ids).toEqual(expect.arrayContaining(['dx-talent-project', 'dx-academy']));
  });
});

describe('ratingSettings and isMastered', () => {
  it('reads the scale of the framework and lists its values', () => {
    const settings = ratingSettings(framework);
    expect(settings.values).toEqual([0, 1, 2, 3]);
    expect(settings.masteredFrom).toBe(2);
    expect(settings.scale.map((s) => s.label)).toEqual(['まだ知らない', '知っている', '実践できる', '人に教えられる']);
  });

  it('falls back to the default scale when the framework has none', () => {
    const withoutScale = variant((doc) => {
      delete doc.assessment;
    });
    expect(withoutScale.document.assessment).toBeUndefined();
    expect(framework.document.assessment).toBeDefined();

    expect(ratingSettings(withoutScale)).toEqual({ ...DEFAULT_ASSESSMENT, values: [0, 1, 2, 3] });
    expect(isMastered(1, withoutScale)).toBe(false);
    expect(isMastered(2, withoutScale)).toBe(true);
  });

  it('has the strategy labels in its default scale', () => {
    expect(DEFAULT_ASSESSMENT.masteredFrom).toBe(2);
    expect(DEFAULT_ASSESSMENT.scale.map((s) => [s.value, s.label])).toEqual([
      [0, 'まだ知らない'],
      [1, '知っている'],
      [2, '実践できる'],
      [3, '人に教えられる'],
    ]);
  });

  it('uses a framework’s own scale and threshold over the default', () => {
    const stricter = variant((doc) => {
      doc.assessment = {
        scale: [0, 1, 2, 3, 4].map((value) => ({ value, label: `段階${value}` })),
        masteredFrom: 3,
      };
    });
    expect(ratingSettings(stricter).values).toEqual([0, 1, 2, 3, 4]);
    expect(isMastered(2, stricter)).toBe(false);
    expect(isMastered(3, stricter)).toBe(true);
    expect(skillLevel(stricter, ratingsUpTo(5, 2))).toBe(0);
    expect(skillLevel(stricter, ratingsUpTo(2, 4))).toBe(2);
  });

  it.each([
    [undefined, false],
    [0, false],
    [1, false],
    [2, true],
    [3, true],
  ])('isMastered(%p) is %p on the Kitakyushu scale', (rating, expected) => {
    expect(isMastered(rating, framework)).toBe(expected);
  });
});

describe('the mindset of the target tier', () => {
  const names = (target: number): string[] =>
    scoreAssessment(framework, {}, {}, target).mindsetFocusItemIds.map(
      (id) => framework.document.trainingFocusItems.find((f) => f.id === id)!.name,
    );

  it('offers the 使命感 focus items of the target tier, which no skill gap points at', () => {
    expect(names(3)).toEqual(['シルバー人材の心構え', '北九州市・自治体のDX']);
    expect(names(2)).toEqual(names(3));
    expect(names(5)).toEqual(['ゴールド人材の心構え']);
    expect(names(1)).toEqual(['北九州市職員の心構え']);
  });
});
