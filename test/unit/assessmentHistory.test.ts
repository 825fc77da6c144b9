import {
  applyAnswer,
  cancelAssessment,
  currentStep,
  startAssessment,
  stepToken,
  type Assessment,
  type AssessmentAnswer,
} from '../../src/domain/assessment/assessment';
import { historyOf } from '../../src/domain/assessment/history';
import { loadKitakyushu } from './realFramework';

const framework = loadKitakyushu();

function answer(assessment: Assessment, given: AssessmentAnswer, now: Date): Assessment {
  const outcome = applyAnswer(assessment, framework, stepToken(currentStep(assessment, framework)), given, now);
  if (!outcome.ok) throw new Error(`refused ${JSON.stringify(given)}: ${outcome.refusal}`);
  return outcome.assessment;
}

interface Story {
  /** Role levels in the framework's category order. */
  readonly roles: readonly number[];
  /** The rating of every asked skill, except those in `exceptions`. */
  readonly rating: number;
  readonly exceptions?: Readonly<Record<string, number>>;
  /** Omitted: the story stops before the target step, so the assessment stays in progress. */
  readonly target?: number;
}

/** One employee's assessment, started and answered on `day`. */
function assess(id: string, day: string, story: Story): Assessment {
  const now = new Date(`${day}T09:00:00.000Z`);
  let a = startAssessment(id, 'user-1', framework, now);
  for (const [i, category] of framework.categories.entries()) {
    a = answer(a, { kind: 'role', category: category.id, level: story.roles[i]! }, now);
  }
  for (let step = currentStep(a, framework); step.kind === 'skills'; step = currentStep(a, framework)) {
    const ids = framework.requiredSkillsAt(step.level).map((s) => s.id);
    const ratings = Object.fromEntries(ids.map((id) => [id, story.exceptions?.[id] ?? story.rating]));
    a = answer(a, { kind: 'skills', level: step.level, ratings }, now);
  }
  return story.target === undefined ? a : answer(a, { kind: 'target', level: story.target }, now);
}

function cancelled(id: string, day: string): Assessment {
  const outcome = cancelAssessment(assess(id, day, { roles: [1, 1, 1, 1, 1], rating: 0 }), new Date(`${day}T10:00:00.000Z`));
  if (!outcome.ok) throw new Error(`could not cancel ${id}`);
  return outcome.assessment;
}

// A year of one employee: a first look in January, growth by April, a half-done try and a cancelled one in May,
// and in June a higher role level but one Lv.1 skill re-rated lower, which drops the skill level to 0.
const january = assess('jan', '2026-01-10', { roles: [1, 1, 1, 1, 1], rating: 1, target: 2 });
const april = assess('apr', '2026-04-10', { roles: [2, 2, 2, 1, 1], rating: 2, target: 3 });
const mayInProgress = assess('may-open', '2026-05-01', { roles: [3, 3, 3, 3, 3], rating: 2 });
const mayCancelled = cancelled('may-cancelled', '2026-05-02');
const june = assess('jun', '2026-06-10', { roles: [3, 3, 3, 3, 2], rating: 3, exceptions: { rs01: 1 }, target: 4 });

describe('the stories', () => {
  it('give the levels the history tests rely on', () => {
    expect([january, april, june].map((a) => [a.status, a.result?.overallRoleLevel, a.result?.skillLevel])).toEqual([
      ['completed', 1, 0],
      ['completed', 2, 3],
      ['completed', 3, 0],
    ]);
    expect(mayInProgress.status).toBe('inProgress');
    expect(mayCancelled.status).toBe('cancelled');
  });
});

describe('historyOf', () => {
  const shuffled = [april, mayInProgress, june, mayCancelled, january];

  it('lists finished assessments newest first, skipping those in progress or cancelled', () => {
    expect(historyOf(shuffled).map((e) => e.assessmentId)).toEqual(['jun', 'apr', 'jan']);
  });

  it('compares each with the finished one before it, and the oldest with nothing', () => {
    expect(historyOf(shuffled).map((e) => [e.assessmentId, e.moved])).toEqual([
      ['jun', { role: 1, skill: -3 }],
      ['apr', { role: 1, skill: 3 }],
      ['jan', undefined],
    ]);
  });

  it('carries each assessment’s completion time and stored result', () => {
    const [newest, , oldest] = historyOf(shuffled);
    expect(newest?.completedAt).toBe('2026-06-10T09:00:00.000Z');
    expect(newest?.result).toEqual(june.result);
    expect(oldest?.completedAt).toBe('2026-01-10T09:00:00.000Z');
    expect(oldest?.result).toEqual(january.result);
  });

  it('orders by completion time even within one day', () => {
    const morning = assess('morning', '2026-03-03', { roles: [1, 1, 1, 1, 1], rating: 2, target: 2 });
    const evening = {
      ...assess('evening', '2026-03-03', { roles: [2, 2, 2, 2, 2], rating: 2, target: 3 }),
      completedAt: '2026-03-03T18:30:00.000Z',
    };
    expect(historyOf([morning, evening]).map((e) => [e.assessmentId, e.moved])).toEqual([
      ['evening', { role: 1, skill: 1 }],
      ['morning', undefined],
    ]);
  });

  it('leaves the list it was given in its order', () => {
    const given = Object.freeze([...shuffled]);
    historyOf(given);
    expect(given.map((a) => a.id)).toEqual(['apr', 'may-open', 'jun', 'may-cancelled', 'jan']);
  });

  it('has no moves for a single finished assessment', () => {
    expect(historyOf([mayCancelled, april])).toEqual([
      { assessmentId: 'apr', completedAt: '2026-04-10T09:00:00.000Z', result: april.result, moved: undefined },
    ]);
  });

  it('is empty when nothing was finished', () => {
    expect(historyOf([])).toEqual([]);
    expect(historyOf([mayInProgress, mayCancelled])).toEqual([]);
  });

  it('skips a record marked completed that has no stored result', () => {
    const broken: Assessment = { ...april, id: 'broken', result: undefined, completedAt: '2026-12-31T00:00:00.000Z' };
    expect(historyOf([broken, january]).map((e) => e.assessmentId)).toEqual(['jan']);
  });
});
