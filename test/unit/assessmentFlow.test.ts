import {
  applyAnswer,
  cancelAssessment,
  currentStep,
  goBack,
  highestAskedLevel,
  progressOf,
  startAssessment,
  stepToken,
  suggestedTarget,
  type AnswerRefusal,
  type Assessment,
  type AssessmentAnswer,
} from '../../src/domain/assessment/assessment';
import { scoreAssessment } from '../../src/domain/assessment/scoring';
import { Framework } from '../../src/domain/framework/framework';
import { loadFrameworkFile, loadKitakyushu } from './realFramework';

const framework = loadKitakyushu();
const categories = ['mission', 'thinking', 'execution', 'organization', 'external'] as const;

const started = new Date('2026-07-01T09:00:00.000Z');
const later = new Date('2026-07-01T09:05:00.000Z');

function skillIdsAt(level: number): string[] {
  return framework.requiredSkillsAt(level).map((s) => s.id);
}

function fresh(): Assessment {
  return startAssessment('a1', 'user-1', framework, started);
}

/** Freezes an object and everything in it, so any mutation throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The token the card for the current step carries. */
function tokenOf(assessment: Assessment): string {
  return stepToken(currentStep(assessment, framework));
}

/** Answers the current step (or the step named by `token`) and expects it to be accepted. */
function answer(assessment: Assessment, given: AssessmentAnswer, now = later, token = tokenOf(assessment)): Assessment {
  const outcome = applyAnswer(assessment, framework, token, given, now);
  if (!outcome.ok) throw new Error(`"${token}" refused ${JSON.stringify(given)}: ${outcome.refusal}`);
  return outcome.assessment;
}

/** Answers the role steps with the given levels, one per category in the framework's order, from the first. */
function answerRoles(assessment: Assessment, levels: readonly number[]): Assessment {
  return levels.reduce((a, level, i) => answer(a, { kind: 'role', category: categories[i]!, level }), assessment);
}

/** Rates every skill of the asked levels: `rating`, except for the skills named in `exceptions`. */
function rateSkills(assessment: Assessment, rating: number, exceptions: Record<string, number> = {}): Assessment {
  let a = assessment;
  for (let step = currentStep(a, framework); step.kind === 'skills'; step = currentStep(a, framework)) {
    const ratings = Object.fromEntries(skillIdsAt(step.level).map((id) => [id, exceptions[id] ?? rating]));
    a = answer(a, { kind: 'skills', level: step.level, ratings });
  }
  return a;
}

/** The whole story, up to the target step: roles in category order, then every asked skill rated. */
function uptoTarget(roles: readonly number[], rating = 2, exceptions: Record<string, number> = {}): Assessment {
  return rateSkills(answerRoles(fresh(), roles), rating, exceptions);
}

/** Expects an answer to be refused for `refusal`, leaving the assessment exactly as it was. */
function expectRefused(assessment: Assessment, token: string, given: AssessmentAnswer, refusal: AnswerRefusal): void {
  const before = JSON.stringify(assessment);
  deepFreeze(assessment);
  expect(applyAnswer(assessment, framework, token, given, later)).toEqual({ ok: false, refusal });
  expect(JSON.stringify(assessment)).toBe(before);
}

describe('startAssessment', () => {
  it('starts empty and in progress, on the framework it was given', () => {
    expect(fresh()).toEqual({
      id: 'a1',
      userId: 'user-1',
      frameworkId: 'kitakyushu',
      status: 'inProgress',
      rolePositions: {},
      ratings: {},
      startedAt: '2026-07-01T09:00:00.000Z',
      updatedAt: '2026-07-01T09:00:00.000Z',
    });
  });

  it('has no target, result or completion time yet', () => {
    const a = fresh();
    expect(a.target).toBeUndefined();
    expect(a.result).toBeUndefined();
    expect(a.completedAt).toBeUndefined();
  });
});

describe('currentStep', () => {
  it('walks the roles in category order, then skills Lv.1 up to one above the highest role, then the target', () => {
    const seen: string[] = [];
    let a = fresh();
    const roles = [2, 3, 2, 1, 2];
    for (let step = currentStep(a, framework); step.kind !== 'done'; step = currentStep(a, framework)) {
      seen.push(stepToken(step));
      if (step.kind === 'role') a = answer(a, { kind: 'role', category: step.category, level: roles[seen.length - 1]! });
      else if (step.kind === 'skills')
        a = answer(a, { kind: 'skills', level: step.level, ratings: Object.fromEntries(skillIdsAt(step.level).map((id) => [id, 1])) });
      else a = answer(a, { kind: 'target', level: 4 });
    }
    expect(seen).toEqual([
      'role:mission',
      'role:thinking',
      'role:execution',
      'role:organization',
      'role:external',
      'skills:1',
      'skills:2',
      'skills:3',
      'skills:4',
      'target',
    ]);
    expect(a.status).toBe('completed');
  });

  it('follows the framework’s category order, whatever it is', () => {
    const reversed = new Framework({ ...framework.document, categories: [...framework.document.categories].reverse() }, 'v2');
    const a = startAssessment('a2', 'user-1', reversed, started);
    expect(currentStep(a, reversed)).toEqual({ kind: 'role', category: 'external' });
  });

  it('asks the skills of every level when a role is at Lv.4 or above', () => {
    let a = answerRoles(fresh(), [1, 1, 1, 4, 1]);
    expect(currentStep(a, framework)).toEqual({ kind: 'skills', level: 1 });
    a = rateSkills(a, 2);
    expect(Object.keys(a.ratings)).toHaveLength(33);
    expect(currentStep(a, framework)).toEqual({ kind: 'target' });
  });

  it('asks only Lv.1 and Lv.2 when every role is at Lv.1', () => {
    const a = uptoTarget([1, 1, 1, 1, 1]);
    expect(Object.keys(a.ratings)).toEqual([...skillIdsAt(1), ...skillIdsAt(2)]);
    expect(currentStep(a, framework)).toEqual({ kind: 'target' });
  });

  it('is done once completed or cancelled', () => {
    const completed = answer(uptoTarget([2, 2, 2, 2, 2]), { kind: 'target', level: 3 });
    expect(currentStep(completed, framework)).toEqual({ kind: 'done' });
    const cancelled = cancelAssessment(fresh(), later);
    if (!cancelled.ok) throw new Error('not cancelled');
    expect(currentStep(cancelled.assessment, framework)).toEqual({ kind: 'done' });
  });
});

describe('highestAskedLevel', () => {
  it.each([
    [[], 2],
    [[1, 1, 1, 1, 1], 2],
    [[2, 3, 2, 1, 2], 4],
    [[1, 1, 1, 1, 4], 5],
    [[5, 5, 5, 5, 5], 5],
  ])('is one above the highest role position %j, at most Lv.5: %i', (levels, expected) => {
    const rolePositions = Object.fromEntries(levels.map((level, i) => [categories[i]!, level]));
    expect(highestAskedLevel({ rolePositions }, framework)).toBe(expected);
  });
});

describe('stepToken', () => {
  it('names each kind of step', () => {
    expect(stepToken({ kind: 'role', category: 'mission' })).toBe('role:mission');
    expect(stepToken({ kind: 'skills', level: 3 })).toBe('skills:3');
    expect(stepToken({ kind: 'target' })).toBe('target');
    expect(stepToken({ kind: 'done' })).toBe('done');
  });
});

describe('suggestedTarget', () => {
  it.each([
    [[1, 1, 1, 1, 1], 2],
    [[3, 3, 3, 1, 1], 4],
    [[5, 1, 1, 1, 1], 2],
    [[4, 4, 4, 5, 5], 5],
    [[5, 5, 5, 5, 5], 5],
  ])('is one above the overall role level of %j, at most Lv.5: %i', (roles, expected) => {
    expect(suggestedTarget(answerRoles(fresh(), roles), framework)).toBe(expected);
  });
});

describe('applyAnswer', () => {
  it('accepts a role answer and returns a new assessment, leaving the one given untouched', () => {
    const before = deepFreeze(fresh());
    const json = JSON.stringify(before);
    const outcome = applyAnswer(before, framework, 'role:mission', { kind: 'role', category: 'mission', level: 3 }, later);

    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.assessment).not.toBe(before);
    expect(outcome.assessment.rolePositions).toEqual({ mission: 3 });
    expect(outcome.assessment.updatedAt).toBe('2026-07-01T09:05:00.000Z');
    expect(outcome.assessment.startedAt).toBe('2026-07-01T09:00:00.000Z');
    expect(outcome.assessment.status).toBe('inProgress');
    expect(JSON.stringify(before)).toBe(json);
    expect(currentStep(outcome.assessment, framework)).toEqual({ kind: 'role', category: 'thinking' });
  });

  it('accepts a skills answer and adds its ratings to those before', () => {
    const atLv1 = deepFreeze(answerRoles(fresh(), [1, 1, 1, 1, 1]));
    const ratings = Object.fromEntries(skillIdsAt(1).map((id, i) => [id, i % 4]));
    const next = answer(atLv1, { kind: 'skills', level: 1, ratings });
    expect(next.ratings).toEqual(ratings);
    expect(atLv1.ratings).toEqual({});
    expect(currentStep(next, framework)).toEqual({ kind: 'skills', level: 2 });

    const lv2 = Object.fromEntries(skillIdsAt(2).map((id) => [id, 3]));
    const after = answer(next, { kind: 'skills', level: 2, ratings: lv2 });
    expect(after.ratings).toEqual({ ...ratings, ...lv2 });
    expect(Object.keys(after.ratings)).toEqual([...skillIdsAt(1), ...skillIdsAt(2)]);
  });

  describe('refuses, changing nothing', () => {
    it('a second answer to the same role step (a double click)', () => {
      const once = answer(fresh(), { kind: 'role', category: 'mission', level: 2 }, later, 'role:mission');
      expectRefused(once, 'role:mission', { kind: 'role', category: 'mission', level: 4 }, 'staleStep');
      expect(once.rolePositions).toEqual({ mission: 2 });
    });

    it('an answer from a card for a later step (a skipped step, not a stale one)', () => {
      expectRefused(fresh(), 'role:thinking', { kind: 'role', category: 'thinking', level: 2 }, 'skippedStep');
      expectRefused(fresh(), 'target', { kind: 'target', level: 3 }, 'skippedStep');
    });

    it('an answer whose kind does not match the step', () => {
      expectRefused(fresh(), 'role:mission', { kind: 'target', level: 3 }, 'staleStep');
      const atSkills = answerRoles(fresh(), [1, 1, 1, 1, 1]);
      expectRefused(atSkills, 'skills:1', { kind: 'role', category: 'mission', level: 1 }, 'staleStep');
    });

    it.each([0, 6, 1.5, -1])('a role at the unknown level %p', (level) => {
      expectRefused(fresh(), 'role:mission', { kind: 'role', category: 'mission', level }, 'unknownLevel');
    });

    // The card's token names the category: one the framework does not know is never a step one can reach.
    it('a role in an unknown category', () => {
      expectRefused(fresh(), 'role:mission', { kind: 'role', category: 'nope', level: 2 }, 'staleStep');
      expectRefused(fresh(), 'role:nope', { kind: 'role', category: 'nope', level: 2 }, 'skippedStep');
    });

    it('a role for another category than the card’s step', () => {
      expectRefused(fresh(), 'role:mission', { kind: 'role', category: 'thinking', level: 2 }, 'staleStep');
    });

    describe('at the Lv.1 skills step', () => {
      const atLv1 = answerRoles(fresh(), [1, 1, 1, 1, 1]);
      const allTwo = (): Record<string, number> => Object.fromEntries(skillIdsAt(1).map((id) => [id, 2]));

      it('a skills answer with a rating missing', () => {
        const ratings = allTwo();
        delete ratings.rs08;
        expectRefused(atLv1, 'skills:1', { kind: 'skills', level: 1, ratings }, 'missingRating');
      });

      it('a skills answer with no ratings at all', () => {
        expectRefused(atLv1, 'skills:1', { kind: 'skills', level: 1, ratings: {} }, 'missingRating');
      });

      it('a skills answer with an extra skill of another level', () => {
        expectRefused(atLv1, 'skills:1', { kind: 'skills', level: 1, ratings: { ...allTwo(), rs09: 2 } }, 'unknownSkill');
      });

      it('a skills answer with a skill the framework does not know', () => {
        expectRefused(atLv1, 'skills:1', { kind: 'skills', level: 1, ratings: { ...allTwo(), rs99: 2 } }, 'unknownSkill');
      });

      it.each([4, -1, 1.5, Number.NaN])('a rating of %p, outside the scale', (rating) => {
        expectRefused(atLv1, 'skills:1', { kind: 'skills', level: 1, ratings: { ...allTwo(), rs04: rating } }, 'ratingOutOfScale');
      });

      it('a rating given as text, not as a number', () => {
        const ratings = { ...allTwo(), rs04: '2' as unknown as number };
        expectRefused(atLv1, 'skills:1', { kind: 'skills', level: 1, ratings }, 'ratingOutOfScale');
      });

      it('the ratings of another level', () => {
        const lv2 = Object.fromEntries(skillIdsAt(2).map((id) => [id, 2]));
        expectRefused(atLv1, 'skills:1', { kind: 'skills', level: 2, ratings: lv2 }, 'staleStep');
        expectRefused(atLv1, 'skills:2', { kind: 'skills', level: 2, ratings: lv2 }, 'skippedStep');
      });
    });

    describe('at the target step, overall Lv.3', () => {
      const atTarget = uptoTarget([3, 3, 3, 1, 1]);

      it('a target below the overall role level', () => {
        expect(currentStep(atTarget, framework)).toEqual({ kind: 'target' });
        expectRefused(atTarget, 'target', { kind: 'target', level: 2 }, 'targetTooLow');
        expectRefused(atTarget, 'target', { kind: 'target', level: 1 }, 'targetTooLow');
      });

      it.each([0, 6])('a target at the unknown level %p', (level) => {
        expectRefused(atTarget, 'target', { kind: 'target', level }, 'unknownLevel');
      });
    });

    describe('once completed', () => {
      const completed = answer(uptoTarget([2, 2, 2, 2, 2]), { kind: 'target', level: 3 });

      it.each<[string, AssessmentAnswer]>([
        ['done', { kind: 'target', level: 4 }],
        ['role:mission', { kind: 'role', category: 'mission', level: 5 }],
        ['skills:1', { kind: 'skills', level: 1, ratings: {} }],
      ])('any answer (card %p)', (token, given) => {
        expectRefused(completed, token, given, 'notInProgress');
      });

      it('but the target clicked again, as a repeat (the flow shows the result), whatever level it names', () => {
        expectRefused(completed, 'target', { kind: 'target', level: 4 }, 'staleStep');
      });
    });

    it('any answer once cancelled', () => {
      const cancelled = cancelAssessment(fresh(), later);
      if (!cancelled.ok) throw new Error('not cancelled');
      expectRefused(cancelled.assessment, 'role:mission', { kind: 'role', category: 'mission', level: 1 }, 'notInProgress');
    });
  });

  it('accepts a target equal to the overall role level', () => {
    const done = answer(uptoTarget([3, 3, 3, 1, 1]), { kind: 'target', level: 3 });
    expect(done.target).toBe(3);
  });

  it('completes the assessment with the target, storing its result and completion time', () => {
    const done = new Date('2026-07-01T09:20:00.000Z');
    const atTarget = deepFreeze(uptoTarget([3, 3, 3, 1, 1], 2, { rs03: 1, rs17: 0 }));
    const completed = answer(atTarget, { kind: 'target', level: 4 }, done);

    expect(completed.status).toBe('completed');
    expect(completed.target).toBe(4);
    expect(completed.completedAt).toBe('2026-07-01T09:20:00.000Z');
    expect(completed.updatedAt).toBe('2026-07-01T09:20:00.000Z');
    expect(completed.startedAt).toBe('2026-07-01T09:00:00.000Z');
    expect(completed.result).toEqual(scoreAssessment(framework, completed.rolePositions, completed.ratings, 4));
    expect(completed.result?.overallRoleLevel).toBe(3);
    expect(completed.result?.skillLevel).toBe(0);
    expect(completed.result?.gaps.map((g) => g.skillId)).toEqual(['rs03', 'rs17']);
    expect(completed.result?.programIds).toContain('dx-talent-project');
    expect(atTarget.status).toBe('inProgress');
    expect(atTarget.result).toBeUndefined();
  });

  it('completes with the target the suggestion gives', () => {
    const atTarget = uptoTarget([3, 3, 3, 1, 1]);
    const completed = answer(atTarget, { kind: 'target', level: suggestedTarget(atTarget, framework) });
    expect(completed.target).toBe(4);
    expect(completed.result?.target).toBe(4);
  });
});

describe('goBack (前へ)', () => {
  /** Goes back from the current step and expects it to be accepted. */
  function back(assessment: Assessment, now = later): Assessment {
    const outcome = goBack(assessment, framework, tokenOf(assessment), now);
    if (!outcome.ok) throw new Error(`going back from "${tokenOf(assessment)}" refused: ${outcome.refusal}`);
    return outcome.assessment;
  }

  it('shows the step before with its answer, keeps every answer, and leads on through the answered steps', () => {
    const atThird = answerRoles(fresh(), [2, 3]);
    const backed = back(atThird);
    expect(tokenOf(backed)).toBe('role:thinking');
    expect(backed.rolePositions).toEqual({ mission: 2, thinking: 3 });
    expect(progressOf(backed, framework)).toEqual(progressOf(atThird, framework));
    const twiceBack = back(backed);
    expect(tokenOf(twiceBack)).toBe('role:mission');

    // A changed answer, then the same answer again: each leads to the step after it, to the first open one.
    const changed = answer(twiceBack, { kind: 'role', category: 'mission', level: 1 });
    expect(changed.rolePositions).toEqual({ mission: 1, thinking: 3 });
    expect(tokenOf(changed)).toBe('role:thinking');
    const onwards = answer(changed, { kind: 'role', category: 'thinking', level: 3 });
    expect(tokenOf(onwards)).toBe('role:execution');
    expect(onwards.revisiting).toBeUndefined();
  });

  it('goes back from the target to the last skills step, whose ratings can be changed', () => {
    const atTarget = uptoTarget([2, 2, 2, 2, 2]);
    const backed = back(atTarget);
    expect(currentStep(backed, framework)).toEqual({ kind: 'skills', level: 3 });
    const lv3 = Object.fromEntries(skillIdsAt(3).map((id) => [id, 0]));
    const rerated = answer(backed, { kind: 'skills', level: 3, ratings: lv3 });
    expect(currentStep(rerated, framework)).toEqual({ kind: 'target' });
    expect(rerated.ratings).toEqual({ ...atTarget.ratings, ...lv3 });
    const done = answer(rerated, { kind: 'target', level: 3 });
    expect(done.result?.gaps.map((g) => g.skillId)).toEqual(skillIdsAt(3));
  });

  it('asks the skills of a new level when a role answer changed on the way back rises above them', () => {
    let a = back(back(uptoTarget([2, 2, 2, 2, 2])));
    // Back from the target past Lv.3 and Lv.2 to the Lv.1 skills, then on back to the last role.
    expect(currentStep(a, framework)).toEqual({ kind: 'skills', level: 2 });
    a = back(back(a));
    expect(tokenOf(a)).toBe('role:external');
    a = answer(a, { kind: 'role', category: 'external', level: 3 });
    // Lv.1 to Lv.3 were rated: they come again, answered, then Lv.4, now asked, unanswered.
    expect(tokenOf(a)).toBe('skills:1');
    a = rateSkills(a, 2);
    expect(currentStep(a, framework)).toEqual({ kind: 'target' });
    expect(Object.keys(a.ratings)).toEqual([...skillIdsAt(1), ...skillIdsAt(2), ...skillIdsAt(3), ...skillIdsAt(4)]);
  });

  it('passes over the skills of a level no longer asked when a role answer goes down on the way back', () => {
    let a = answerRoles(fresh(), [2, 2, 2, 2, 3]);
    a = rateSkills(a, 2);
    expect(currentStep(a, framework)).toEqual({ kind: 'target' });
    a = back(back(back(back(back(a)))));
    expect(tokenOf(a)).toBe('role:external');
    a = answer(a, { kind: 'role', category: 'external', level: 2 });
    for (const level of [1, 2, 3]) a = answer(a, { kind: 'skills', level, ratings: Object.fromEntries(skillIdsAt(level).map((id) => [id, 2])) });
    expect(currentStep(a, framework)).toEqual({ kind: 'target' });
    expect(progressOf(a, framework)).toEqual({ answered: 8, total: 9 });
  });

  it('shows the first open step when the step gone back to is no longer one of the assessment', () => {
    const a = { ...answerRoles(fresh(), [1, 1, 1, 1, 1]), revisiting: 'skills:4' };
    expect(currentStep(a, framework)).toEqual({ kind: 'skills', level: 1 });
  });

  it('continues an assessment stored before going back existed at its first unanswered step', () => {
    const stored = JSON.parse(JSON.stringify(answerRoles(fresh(), [2, 2]))) as Assessment;
    expect('revisiting' in stored).toBe(false);
    expect(tokenOf(stored)).toBe('role:execution');
    expect(tokenOf(back(stored))).toBe('role:thinking');
  });

  describe('refuses, changing nothing', () => {
    it('a second click of 前へ on the same card (a repeat: the flow shows where one is)', () => {
      const backed = back(answerRoles(fresh(), [2, 3]));
      const before = JSON.stringify(backed);
      expect(goBack(deepFreeze(backed), framework, 'role:execution', later)).toEqual({ ok: false, refusal: 'staleStep' });
      expect(JSON.stringify(backed)).toBe(before);
    });

    it('前へ on the first step, which has none before it', () => {
      expect(goBack(deepFreeze(fresh()), framework, 'role:mission', later)).toEqual({ ok: false, refusal: 'staleStep' });
    });

    it('前へ from a step not reached yet', () => {
      expect(goBack(deepFreeze(fresh()), framework, 'target', later)).toEqual({ ok: false, refusal: 'skippedStep' });
    });

    it('前へ once completed or cancelled', () => {
      const completed = answer(uptoTarget([2, 2, 2, 2, 2]), { kind: 'target', level: 3 });
      expect(goBack(deepFreeze(completed), framework, 'target', later)).toEqual({ ok: false, refusal: 'notInProgress' });
      const cancelled = cancelAssessment(answerRoles(fresh(), [2]), later);
      if (!cancelled.ok) throw new Error('not cancelled');
      expect(goBack(cancelled.assessment, framework, 'role:thinking', later)).toEqual({ ok: false, refusal: 'notInProgress' });
    });
  });
});

describe('cancelAssessment', () => {
  it('cancels one in progress, as a new object, keeping its answers', () => {
    const inProgress = deepFreeze(answerRoles(fresh(), [2, 2, 2, 2, 2]));
    const cancelled = new Date('2026-07-01T10:00:00.000Z');
    const outcome = cancelAssessment(inProgress, cancelled);

    expect(outcome).toEqual({
      ok: true,
      assessment: { ...inProgress, status: 'cancelled', updatedAt: '2026-07-01T10:00:00.000Z' },
    });
    expect(inProgress.status).toBe('inProgress');
  });

  it('refuses a completed one, which stays as it is', () => {
    const completed = deepFreeze(answer(uptoTarget([2, 2, 2, 2, 2]), { kind: 'target', level: 3 }));
    const json = JSON.stringify(completed);
    expect(cancelAssessment(completed, later)).toEqual({ ok: false, refusal: 'notInProgress' });
    expect(JSON.stringify(completed)).toBe(json);
  });

  it('refuses one already cancelled', () => {
    const once = cancelAssessment(fresh(), later);
    if (!once.ok) throw new Error('not cancelled');
    expect(cancelAssessment(once.assessment, later)).toEqual({ ok: false, refusal: 'notInProgress' });
  });
});

describe('frameworks with few or no required skills', () => {
  const moka = loadFrameworkFile('moka');
  const kunisaki = loadFrameworkFile('kunisaki');
  const answer = (framework: Framework, a: Assessment, given: AssessmentAnswer): Assessment => {
    const outcome = applyAnswer(a, framework, stepToken(currentStep(a, framework)), given, later);
    if (!outcome.ok) throw new Error(`refused: ${outcome.refusal}`);
    return outcome.assessment;
  };

  it('goes from the role step straight to the target when the framework names no required skills', () => {
    let a = startAssessment('m1', 'user-1', moka, started);
    expect(progressOf(a, moka)).toEqual({ answered: 0, total: 2 });
    a = answer(moka, a, { kind: 'role', category: 'role', level: 2 });
    expect(currentStep(a, moka)).toEqual({ kind: 'target' });
    expect(progressOf(a, moka)).toEqual({ answered: 1, total: 2 });
    a = answer(moka, a, { kind: 'target', level: 3 });
    expect(a.status).toBe('completed');
    expect(a.result).toMatchObject({ overallRoleLevel: 2, target: 3, gaps: [] });
  });

  it('asks every level that has skills, and passes over a level without any', () => {
    // Kunisaki without its Lv.2 skill: Lv.1 is followed by Lv.3.
    const doc = structuredClone(kunisaki.document);
    doc.requiredSkills = doc.requiredSkills.filter((s) => s.level !== 2);
    const gap = new Framework(doc, 'test');
    let a = startAssessment('k1', 'user-1', gap, started);
    a = answer(gap, a, { kind: 'role', category: 'role', level: 2 });
    a = answer(gap, a, { kind: 'role', category: 'knowledge', level: 2 });
    expect(currentStep(a, gap)).toEqual({ kind: 'skills', level: 1 });
    expect(progressOf(a, gap)).toEqual({ answered: 2, total: 5 });
    const rate = (level: number, rating: number): Record<string, number> =>
      Object.fromEntries(gap.requiredSkillsAt(level).map((s) => [s.id, rating]));
    a = answer(gap, a, { kind: 'skills', level: 1, ratings: rate(1, 2) });
    expect(currentStep(a, gap)).toEqual({ kind: 'skills', level: 3 });
    expect(progressOf(a, gap)).toEqual({ answered: 3, total: 5 });
    a = answer(gap, a, { kind: 'skills', level: 3, ratings: rate(3, 0) });
    expect(currentStep(a, gap)).toEqual({ kind: 'target' });
    a = answer(gap, a, { kind: 'target', level: 3 });
    expect(a.result?.gaps.map((g) => g.skillId)).toEqual(gap.requiredSkillsAt(3).map((s) => s.id));
  });
});
