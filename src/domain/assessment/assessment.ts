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
  /**
   * The answered step the employee went back to with 前へ (its step token), with every answer after it kept; absent
   * when they are on the first unanswered step, as in every assessment stored before going back existed.
   */
  readonly revisiting?: string;
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

/**
 * Every step of an assessment in order, as far as its answers tell: the role categories, the levels whose skills
 * are asked (the role answers decide how many; a level without required skills is no step), then the target.
 */
export function stepsOf(assessment: Assessment, framework: Framework): AssessmentStep[] {
  const highest = highestAskedLevel(assessment, framework);
  return [
    ...framework.categories.map((c): AssessmentStep => ({ kind: 'role', category: c.id })),
    ...framework.levels
      .filter((l) => l.level <= highest && framework.requiredSkillsAt(l.level).length > 0)
      .map((l): AssessmentStep => ({ kind: 'skills', level: l.level })),
    { kind: 'target' },
  ];
}

/** The first step not answered yet, in the framework's order. */
function firstOpenStep(assessment: Assessment, framework: Framework): AssessmentStep {
  const open = stepsOf(assessment, framework).find((step) => {
    if (step.kind === 'role') return assessment.rolePositions[step.category] === undefined;
    if (step.kind === 'skills') return framework.requiredSkillsAt(step.level).some((s) => assessment.ratings[s.id] === undefined);
    return assessment.target === undefined;
  });
  return open ?? { kind: 'done' };
}

/** Where a step token stands in the assessment's order; -1 for a token that names no step of it. */
function indexOf(assessment: Assessment, framework: Framework, token: string): number {
  return stepsOf(assessment, framework).findIndex((step) => stepToken(step) === token);
}

/** The step the employee is on: the one they went back to, or else the first unanswered one. */
export function currentStep(assessment: Assessment, framework: Framework): AssessmentStep {
  if (assessment.status !== 'inProgress') return { kind: 'done' };
  const open = firstOpenStep(assessment, framework);
  if (assessment.revisiting === undefined) return open;
  // A step the answers no longer ask for (a role answer changed, the framework changed) falls back to the open one.
  const back = indexOf(assessment, framework, assessment.revisiting);
  return back >= 0 && back < indexOf(assessment, framework, stepToken(open)) ? stepsOf(assessment, framework)[back]! : open;
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

/**
 * Why a card's step is not the current one: "staleStep" for a step reached before (a second click, an old card, the
 * card one went back from), where the employee is simply shown where they are; "skippedStep" for one not reached yet.
 */
function notCurrent(assessment: Assessment, framework: Framework, token: string): AnswerOutcome {
  const index = indexOf(assessment, framework, token);
  const open = indexOf(assessment, framework, stepToken(firstOpenStep(assessment, framework)));
  return refuse(index >= 0 && index <= open ? 'staleStep' : 'skippedStep');
}

/**
 * On from an answered step: to the step after it. That is the first unanswered step, unless the employee had gone
 * back, and the step after it was answered too: then they are shown that one, with its answers.
 */
function moveOn(answered: Assessment, framework: Framework, step: AssessmentStep): Assessment {
  const assessment: Assessment = { ...answered, revisiting: undefined };
  const next = indexOf(assessment, framework, stepToken(step)) + 1;
  const open = indexOf(assessment, framework, stepToken(firstOpenStep(assessment, framework)));
  if (next <= 0 || open < 0 || next >= open) return assessment;
  return { ...assessment, revisiting: stepToken(stepsOf(assessment, framework)[next]!) };
}

/** The target suggested by default: one level above the overall role position, at most the top level. */
export function suggestedTarget(assessment: Assessment, framework: Framework): number {
  const overall = scoreAssessment(framework, assessment.rolePositions, assessment.ratings, 1).overallRoleLevel;
  return Math.min(overall + 1, framework.highestLevel);
}

/**
 * Applies one answer, to the current step (the first unanswered one, or one the employee went back to) and moves
 * on. Refuses, changing nothing, an answer for another step than the current one (a double click, an old card),
 * and any value the framework does not know. Answering the target completes the assessment and stores its result.
 */
export function applyAnswer(
  assessment: Assessment,
  framework: Framework,
  stepTokenOnCard: string,
  answer: AssessmentAnswer,
  now: Date,
): AnswerOutcome {
  // The click that completed it, once more: a repeat, answered with where it stands (its result).
  if (assessment.status === 'completed' && stepTokenOnCard === stepToken({ kind: 'target' })) return refuse('staleStep');
  if (assessment.status !== 'inProgress') return refuse('notInProgress');
  const step = currentStep(assessment, framework);
  if (stepToken(step) !== stepTokenOnCard) return notCurrent(assessment, framework, stepTokenOnCard);
  if (step.kind !== answer.kind) return refuse('staleStep');
  const updatedAt = now.toISOString();
  switch (answer.kind) {
    case 'role': {
      if (step.kind !== 'role' || step.category !== answer.category) return refuse('staleStep');
      if (!framework.level(answer.level)) return refuse('unknownLevel');
      const rolePositions = { ...assessment.rolePositions, [answer.category]: answer.level };
      return accept(moveOn({ ...assessment, rolePositions, updatedAt }, framework, step));
    }
    case 'skills': {
      if (step.kind !== 'skills' || step.level !== answer.level) return refuse('staleStep');
      const skills = framework.requiredSkillsAt(answer.level);
      const { values } = ratingSettings(framework);
      if (Object.keys(answer.ratings).some((id) => !skills.some((s) => s.id === id))) return refuse('unknownSkill');
      if (skills.some((s) => answer.ratings[s.id] === undefined)) return refuse('missingRating');
      if (Object.values(answer.ratings).some((v) => !values.includes(v))) return refuse('ratingOutOfScale');
      return accept(moveOn({ ...assessment, ratings: { ...assessment.ratings, ...answer.ratings }, updatedAt }, framework, step));
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

/**
 * Goes back one step (前へ), keeping every answer: the employee sees that step with what they answered, and each
 * answer from there leads on to the next step. Refused like an answer when the card's step is not the current one.
 */
export function goBack(assessment: Assessment, framework: Framework, stepTokenOnCard: string, now: Date): AnswerOutcome {
  if (assessment.status !== 'inProgress') return refuse('notInProgress');
  const step = currentStep(assessment, framework);
  if (stepToken(step) !== stepTokenOnCard) return notCurrent(assessment, framework, stepTokenOnCard);
  const index = indexOf(assessment, framework, stepTokenOnCard);
  // Nothing comes before the first step: the employee stays where they are.
  if (index <= 0) return refuse('staleStep');
  const previous = stepToken(stepsOf(assessment, framework)[index - 1]!);
  return accept({ ...assessment, revisiting: previous, updatedAt: now.toISOString() });
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
 * level whose skills are asked, so it is an honest estimate until the role steps are done.
 */
export function progressOf(assessment: Assessment, framework: Framework): { answered: number; total: number } {
  const total = stepsOf(assessment, framework).length;
  const open = indexOf(assessment, framework, stepToken(firstOpenStep(assessment, framework)));
  return { answered: open < 0 ? total : open, total };
}
