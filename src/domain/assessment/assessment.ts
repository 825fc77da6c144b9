import type { Framework } from '../framework/framework';
import { ratingSettings } from './ratingScale';
import { scoreAssessment, type AssessmentResult } from './scoring';

/** Where an assessment stands: one role category, one level's skills, the target, or finished. */
export type AssessmentStep =
  | { kind: 'role'; category: string }
  | { kind: 'skills'; level: number }
  | { kind: 'target' }
  | { kind: 'done' };

/** A self-assessment: answers so far, and the result once finished. Plain data, stored as is. */
export interface Assessment {
  readonly id: string;
  readonly userId: string;
  readonly frameworkId: string;
  readonly status: 'inProgress' | 'completed' | 'cancelled';
  /** The level whose role text fits the employee today, per category id. */
  readonly rolePositions: Readonly<Record<string, number>>;
  /** Rating per required skill id, on the framework's scale. */
  readonly ratings: Readonly<Record<string, number>>;
  readonly target?: number;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly completedAt?: string;
  /** A snapshot taken at completion, so history stays as it was even if the framework changes later. */
  readonly result?: AssessmentResult;
}

/** One answer, as the card submits it. */
export type AssessmentAnswer =
  | { kind: 'role'; category: string; level: number }
  | { kind: 'skills'; level: number; ratings: Readonly<Record<string, number>> }
  | { kind: 'target'; level: number };

/** Why an answer was refused; the feature turns each into a message in the user's language. */
export type AnswerRefusal =
  | 'notInProgress'
  | 'staleStep'
  | 'skippedStep'
  | 'unknownLevel'
  | 'missingRating'
  | 'unknownSkill'
  | 'ratingOutOfScale'
  | 'targetTooLow';

export type AnswerOutcome = { ok: true; assessment: Assessment } | { ok: false; refusal: AnswerRefusal };

/** A new, empty assessment. */
export function startAssessment(id: string, userId: string, framework: Framework, now: Date): Assessment {
  const at = now.toISOString();
  return {
    id,
    userId,
    frameworkId: framework.id,
    status: 'inProgress',
    rolePositions: {},
    ratings: {},
    startedAt: at,
    updatedAt: at,
  };
}

/**
 * The highest level whose skills are asked: one above the highest role position (a stretch), at most the top level.
 * Skills accumulate from Lv.1, so every level up to it is asked.
 */
export function highestAskedLevel(assessment: Pick<Assessment, 'rolePositions'>, framework: Framework): number {
  const highestRole = Math.max(1, ...Object.values(assessment.rolePositions));
  return Math.min(highestRole + 1, framework.highestLevel);
}

/** The step the employee is on: the first unanswered one, in the framework's order. */
export function currentStep(assessment: Assessment, framework: Framework): AssessmentStep {
  if (assessment.status !== 'inProgress') return { kind: 'done' };
  const openCategory = framework.categories.find((c) => assessment.rolePositions[c.id] === undefined);
  if (openCategory) return { kind: 'role', category: openCategory.id };
  for (let level = 1; level <= highestAskedLevel(assessment, framework); level++) {
    const unrated = framework.requiredSkillsAt(level).some((s) => assessment.ratings[s.id] === undefined);
    if (unrated) return { kind: 'skills', level };
  }
  return assessment.target === undefined ? { kind: 'target' } : { kind: 'done' };
}

/** A step as a short token that cards carry, so a click on an old card can be recognised as stale. */
export function stepToken(step: AssessmentStep): string {
  switch (step.kind) {
    case 'role':
      return `role:${step.category}`;
    case 'skills':
      return `skills:${step.level}`;
    default:
      return step.kind;
  }
}

/** True when a step token names a step already behind the employee (a second click, an old card). */
function isAnsweredStep(assessment: Assessment, framework: Framework, token: string): boolean {
  const roles = framework.categories.map((c) => stepToken({ kind: 'role', category: c.id }));
  const skills = framework.levels
    .filter((l) => l.level <= highestAskedLevel(assessment, framework))
    .map((l) => stepToken({ kind: 'skills', level: l.level }));
  const order = [...roles, ...skills, stepToken({ kind: 'target' })];
  const current = order.indexOf(stepToken(currentStep(assessment, framework)));
  const index = order.indexOf(token);
  return index >= 0 && index < current;
}

/** The target suggested by default: one level above the overall role position, at most the top level. */
export function suggestedTarget(assessment: Assessment, framework: Framework): number {
  const overall = scoreAssessment(framework, assessment.rolePositions, assessment.ratings, 1).overallRoleLevel;
  return Math.min(overall + 1, framework.highestLevel);
}

/**
 * Applies one answer. Refuses, changing nothing, an answer for another step than the current one
 * (a double click, an old card), and any value the framework does not know.
 * Answering the target completes the assessment and stores its result.
 */
export function applyAnswer(
  assessment: Assessment,
  framework: Framework,
  stepTokenOnCard: string,
  answer: AssessmentAnswer,
  now: Date,
): AnswerOutcome {
  if (assessment.status !== 'inProgress') return refuse('notInProgress');
  const step = currentStep(assessment, framework);
  if (stepToken(step) !== stepTokenOnCard) {
    return refuse(isAnsweredStep(assessment, framework, stepTokenOnCard) ? 'staleStep' : 'skippedStep');
  }
  if (step.kind !== answer.kind) return refuse('staleStep');
  const updatedAt = now.toISOString();
  switch (answer.kind) {
    case 'role': {
      if (step.kind !== 'role' || step.category !== answer.category) return refuse('staleStep');
      if (!framework.level(answer.level)) return refuse('unknownLevel');
      const rolePositions = { ...assessment.rolePositions, [answer.category]: answer.level };
      return accept({ ...assessment, rolePositions, updatedAt });
    }
    case 'skills': {
      if (step.kind !== 'skills' || step.level !== answer.level) return refuse('staleStep');
      const skills = framework.requiredSkillsAt(answer.level);
      const { values } = ratingSettings(framework);
      if (Object.keys(answer.ratings).some((id) => !skills.some((s) => s.id === id))) return refuse('unknownSkill');
      if (skills.some((s) => answer.ratings[s.id] === undefined)) return refuse('missingRating');
      if (Object.values(answer.ratings).some((v) => !values.includes(v))) return refuse('ratingOutOfScale');
      return accept({ ...assessment, ratings: { ...assessment.ratings, ...answer.ratings }, updatedAt });
    }
    case 'target': {
      if (!framework.level(answer.level)) return refuse('unknownLevel');
      const result = scoreAssessment(framework, assessment.rolePositions, assessment.ratings, answer.level);
      if (answer.level < result.overallRoleLevel) return refuse('targetTooLow');
      return accept({
        ...assessment,
        target: answer.level,
        status: 'completed',
        completedAt: updatedAt,
        updatedAt,
        result,
      });
    }
  }
}

/** Stops an assessment in progress; a finished one stays as it is. */
export function cancelAssessment(assessment: Assessment, now: Date): AnswerOutcome {
  if (assessment.status !== 'inProgress') return refuse('notInProgress');
  return accept({ ...assessment, status: 'cancelled', updatedAt: now.toISOString() });
}

function accept(assessment: Assessment): AnswerOutcome {
  return { ok: true, assessment };
}

function refuse(refusal: AnswerRefusal): AnswerOutcome {
  return { ok: false, refusal };
}

/**
 * How far the employee is: steps answered and the total. The total grows while role answers raise the highest
 * level whose skills are asked, so it is an honest estimate until the role steps are done. A level without
 * required skills is no step: currentStep() passes over it.
 */
export function progressOf(assessment: Assessment, framework: Framework): { answered: number; total: number } {
  const roleSteps = framework.categories.length;
  const skillLevels = framework.levels
    .map((l) => framework.requiredSkillsAt(l.level))
    .slice(0, highestAskedLevel(assessment, framework))
    .filter((skills) => skills.length > 0);
  const answeredRoles = framework.categories.filter((c) => assessment.rolePositions[c.id] !== undefined).length;
  const firstUnrated = skillLevels.findIndex((skills) => skills.some((s) => assessment.ratings[s.id] === undefined));
  const answeredSkills = firstUnrated < 0 ? skillLevels.length : firstUnrated;
  const answered = answeredRoles + (answeredRoles === roleSteps ? answeredSkills : 0) + (assessment.target ? 1 : 0);
  return { answered, total: roleSteps + skillLevels.length + 1 };
}
