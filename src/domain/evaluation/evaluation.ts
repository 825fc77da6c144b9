import type { Actor } from '../applications/application';
import type { EvaluationRules, EvaluationViewpoint, RatingStep } from '../framework/schema';
import { type Employee, samePerson } from '../roster/employee';
import { evaluationScale } from './evaluationScale';

/**
 * A multi-rater evaluation (多面評価) of a candidate for a tier: HR names raters for each of the framework's viewpoints
 * (e.g. 政策的観点 by executives, リーダーシップ by colleagues, 技術的観点 by outside experts), each rater rates from their
 * viewpoint, and HR closes it, certifying the candidate or not: open → certified | notCertified.
 * Plain data and pure functions; every step HR takes is appended to the evaluation's trail.
 */

export type EvaluationState = 'open' | 'certified' | 'notCertified';

/** What HR does to an evaluation. */
export type EvaluationAction = 'start' | 'remind' | 'certify' | 'notCertify';

export interface Person {
  readonly aadObjectId: string;
  readonly name: string;
}

/** The candidate as the evaluation records them: a copy of their roster entry when HR started it. */
export interface Candidate extends Person {
  readonly employeeNo: string;
  readonly department: string;
  readonly grade: string;
}

/** A rater as the evaluation records them; the department tells HR where the rater stands (an executive, a colleague). */
export interface Rater extends Person {
  readonly department: string;
}

/** Who rates from one viewpoint. */
export interface ViewpointRaters {
  readonly viewpoint: string;
  readonly raters: readonly Rater[];
}

/** One line of the trail: who did what, when, and the state it left. */
export interface EvaluationAuditEntry {
  readonly at: string;
  readonly by: string;
  readonly byName: string;
  readonly action: EvaluationAction;
  readonly to: EvaluationState;
  /** For a reminder: how many raters were asked again. */
  readonly reminded?: number;
}

export interface Evaluation {
  /** Made by newInvertedTimeId: evaluations list newest first. */
  readonly id: string;
  readonly frameworkId: string;
  /** The fiscal year HR started it in; a certification counts for that year, as an application's does. */
  readonly fiscalYear: number;
  readonly candidate: Candidate;
  /** A tier id the framework certifies by evaluation. */
  readonly tier: string;
  /** The framework's viewpoints in its order, each with its raters. */
  readonly raters: readonly ViewpointRaters[];
  /** The scale when HR started: ratings keep their meaning if the framework is later imported with another one. */
  readonly scale: readonly RatingStep[];
  readonly state: EvaluationState;
  readonly createdBy: Person;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly closedAt?: string;
  readonly trail: readonly EvaluationAuditEntry[];
}

/** One rater's rating from one viewpoint; the rater may change it while the evaluation is open. */
export interface Rating {
  readonly evaluationId: string;
  readonly viewpoint: string;
  readonly rater: Person;
  /** A value of the evaluation's scale. */
  readonly value: number;
  /** "" when the rater left none. */
  readonly comment: string;
  /** When the rater first rated. */
  readonly ratedAt: string;
  readonly updatedAt: string;
}

/** Why something was refused; the feature says each in the user's language. */
export type EvaluationRefusal = 'notHr' | 'ownEvaluation' | 'notRater' | 'closed' | 'offScale' | 'incomplete';

export type EvaluationOutcome =
  | { readonly ok: true; readonly evaluation: Evaluation }
  /** `missing`: for "incomplete", the viewpoints nobody has rated from yet. */
  | { readonly ok: false; readonly refusal: EvaluationRefusal; readonly missing?: readonly string[] };

export type RatingOutcome = { readonly ok: true; readonly rating: Rating } | { readonly ok: false; readonly refusal: EvaluationRefusal };

/** What HR asks for when starting an evaluation: who, for which tier, and who rates from each viewpoint. */
export interface EvaluationPlan {
  readonly frameworkId: string;
  readonly fiscalYear: number;
  readonly candidate: Candidate;
  readonly tier: string;
  readonly raters: readonly ViewpointRaters[];
}

/** Why a plan cannot start, each about the whole plan or one viewpoint. */
export type PlanProblem =
  | { readonly kind: 'notHr' }
  | { readonly kind: 'ownEvaluation' }
  | { readonly kind: 'tierNotEvaluated'; readonly tier: string }
  | { readonly kind: 'unknownViewpoint'; readonly viewpoint: string }
  | { readonly kind: 'noRaters'; readonly viewpoint: string }
  | { readonly kind: 'tooManyRaters'; readonly viewpoint: string }
  | { readonly kind: 'candidateAsRater'; readonly viewpoint: string };

/** Enough raters for a section and a project team, few enough for one card and one round of messages. */
export const MAX_RATERS_PER_VIEWPOINT = 20;
/** The longest comment kept: a few sentences, short enough for HR's card. */
export const RATING_COMMENT_MAX = 500;

/** The candidate as an evaluation records them. */
export function candidateOf(employee: Employee): Candidate {
  const { aadObjectId, name, employeeNo, department, grade } = employee;
  return { aadObjectId, name, employeeNo, department, grade };
}

/** A rater as an evaluation records them. */
export function raterOf(employee: Employee): Rater {
  const { aadObjectId, name, department } = employee;
  return { aadObjectId, name, department };
}

/** A plan as HR is writing it: the candidate may not be known yet (an e-mail the roster does not have). */
export type PlanDraft = Pick<EvaluationPlan, 'tier' | 'raters'> & { readonly candidate?: Candidate };

/** Everything that keeps a plan from starting; empty when it may start. */
export function planProblems(plan: PlanDraft, rules: EvaluationRules, actor: Actor): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const isCandidate = (id: string): boolean => plan.candidate !== undefined && samePerson(id, plan.candidate.aadObjectId);
  if (!actor.isHr) problems.push({ kind: 'notHr' });
  if (isCandidate(actor.aadObjectId)) problems.push({ kind: 'ownEvaluation' });
  if (!rules.tiers.includes(plan.tier)) problems.push({ kind: 'tierNotEvaluated', tier: plan.tier });
  const known = new Set(rules.viewpoints.map((v) => v.id));
  for (const { viewpoint } of plan.raters) {
    if (!known.has(viewpoint)) problems.push({ kind: 'unknownViewpoint', viewpoint });
  }
  for (const { id: viewpoint } of viewpointsForTier(rules, plan.tier)) {
    const raters = distinct(plan.raters.filter((r) => r.viewpoint === viewpoint).flatMap((r) => r.raters));
    if (raters.length === 0) problems.push({ kind: 'noRaters', viewpoint });
    if (raters.length > MAX_RATERS_PER_VIEWPOINT) problems.push({ kind: 'tooManyRaters', viewpoint });
    if (raters.some((r) => isCandidate(r.aadObjectId))) problems.push({ kind: 'candidateAsRater', viewpoint });
  }
  return problems;
}

/**
 * The viewpoints a tier is rated from, in the framework's order: a viewpoint the framework limits to some tiers
 * (Moka's リーダーシップ, for エキスパート and スペシャリスト) is not asked for the others, and raters named for it are left out.
 */
export function viewpointsForTier(rules: EvaluationRules, tier: string): EvaluationViewpoint[] {
  return rules.viewpoints.filter((v) => v.tiers.length === 0 || v.tiers.includes(tier));
}

/** Starts an evaluation, or says everything that keeps the plan from starting. */
export function startEvaluation(
  id: string,
  plan: EvaluationPlan,
  rules: EvaluationRules,
  actor: Actor,
  now: Date,
): { ok: true; evaluation: Evaluation } | { ok: false; problems: PlanProblem[] } {
  const problems = planProblems(plan, rules, actor);
  if (problems.length > 0) return { ok: false, problems };
  const at = now.toISOString();
  const raters = viewpointsForTier(rules, plan.tier).map(({ id: viewpoint }) => ({
    viewpoint,
    raters: distinct(plan.raters.filter((r) => r.viewpoint === viewpoint).flatMap((r) => r.raters)),
  }));
  const evaluation: Evaluation = {
    id,
    frameworkId: plan.frameworkId,
    fiscalYear: plan.fiscalYear,
    candidate: plan.candidate,
    tier: plan.tier,
    raters,
    scale: evaluationScale(rules),
    state: 'open',
    createdBy: { aadObjectId: actor.aadObjectId, name: actor.name },
    createdAt: at,
    updatedAt: at,
    trail: [{ at, by: actor.aadObjectId, byName: actor.name, action: 'start', to: 'open' }],
  };
  return { ok: true, evaluation };
}

/** The raters asked to rate from a viewpoint (none for a viewpoint the evaluation does not have). */
export function ratersOf(evaluation: Evaluation, viewpoint: string): readonly Rater[] {
  return evaluation.raters.find((r) => r.viewpoint === viewpoint)?.raters ?? [];
}

/** The viewpoints a person is asked to rate from, in the evaluation's order. */
export function viewpointsOf(evaluation: Evaluation, aadObjectId: string): string[] {
  return evaluation.raters.filter((r) => r.raters.some((p) => samePerson(p.aadObjectId, aadObjectId))).map((r) => r.viewpoint);
}

/** Who may rate from a viewpoint: an assigned rater who is not the candidate, while the evaluation is open. */
export function mayRate(evaluation: Evaluation, actor: Pick<Actor, 'aadObjectId'>, viewpoint: string): EvaluationRefusal | undefined {
  if (samePerson(actor.aadObjectId, evaluation.candidate.aadObjectId)) return 'ownEvaluation';
  if (!ratersOf(evaluation, viewpoint).some((r) => samePerson(r.aadObjectId, actor.aadObjectId))) return 'notRater';
  return evaluation.state === 'open' ? undefined : 'closed';
}

/** A rater's rating, new or changed (`previous`: their rating so far). Refuses a value off the evaluation's scale. */
export function rate(
  evaluation: Evaluation,
  actor: Pick<Actor, 'aadObjectId' | 'name'>,
  input: { viewpoint: string; value: number; comment: string },
  previous: Rating | undefined,
  now: Date,
): RatingOutcome {
  const refusal = mayRate(evaluation, actor, input.viewpoint);
  if (refusal) return { ok: false, refusal };
  if (!evaluation.scale.some((step) => step.value === input.value)) return { ok: false, refusal: 'offScale' };
  const at = now.toISOString();
  // Cut by characters, not UTF-16 units, so an emoji at the limit is not split in half.
  const comment = Array.from(input.comment.trim()).slice(0, RATING_COMMENT_MAX).join('');
  return {
    ok: true,
    rating: {
      evaluationId: evaluation.id,
      viewpoint: input.viewpoint,
      rater: { aadObjectId: actor.aadObjectId.toLowerCase(), name: actor.name },
      value: input.value,
      comment,
      ratedAt: previous?.ratedAt ?? at,
      updatedAt: at,
    },
  };
}

/** The raters who have not rated yet, each with the viewpoint they were asked for. */
export function unratedRaters(evaluation: Evaluation, ratings: readonly Rating[]): { viewpoint: string; rater: Rater }[] {
  return evaluation.raters.flatMap(({ viewpoint, raters }) =>
    raters
      .filter((rater) => !ratings.some((r) => r.viewpoint === viewpoint && samePerson(r.rater.aadObjectId, rater.aadObjectId)))
      .map((rater) => ({ viewpoint, rater })),
  );
}

/** The viewpoints nobody has rated from yet: certifying needs at least one rating from each. */
export function missingViewpoints(evaluation: Evaluation, ratings: readonly Rating[]): string[] {
  return evaluation.raters
    .filter(({ viewpoint, raters }) => !ratings.some((r) => r.viewpoint === viewpoint && raters.some((p) => samePerson(p.aadObjectId, r.rater.aadObjectId))))
    .map((r) => r.viewpoint);
}

/** HR asks the raters who have not rated yet again; the trail says how many. */
export function remind(evaluation: Evaluation, actor: Actor, reminded: number, now: Date): EvaluationOutcome {
  const refusal = mayManage(evaluation, actor);
  if (refusal) return { ok: false, refusal };
  return { ok: true, evaluation: withEntry(evaluation, actor, 'remind', evaluation.state, now, reminded) };
}

/**
 * HR closes the evaluation: certifying the candidate, which needs a rating from every viewpoint, or not.
 * Either way it is final; raters can no longer rate.
 */
export function close(
  evaluation: Evaluation,
  actor: Actor,
  decision: 'certify' | 'notCertify',
  ratings: readonly Rating[],
  now: Date,
): EvaluationOutcome {
  const refusal = mayManage(evaluation, actor);
  if (refusal) return { ok: false, refusal };
  if (decision === 'certify') {
    const missing = missingViewpoints(evaluation, ratings);
    if (missing.length > 0) return { ok: false, refusal: 'incomplete', missing };
  }
  const closed = withEntry(evaluation, actor, decision, decision === 'certify' ? 'certified' : 'notCertified', now);
  return { ok: true, evaluation: { ...closed, closedAt: closed.updatedAt } };
}

/** The latest step that closed the evaluation (who decided, and when); undefined while it is open. */
export function closingEntry(evaluation: Evaluation): EvaluationAuditEntry | undefined {
  return evaluation.state === 'open' ? undefined : [...evaluation.trail].reverse().find((e) => e.to === evaluation.state);
}

/** HR's steps are HR's alone, never on their own evaluation, and only while it is open. */
function mayManage(evaluation: Evaluation, actor: Actor): EvaluationRefusal | undefined {
  if (!actor.isHr) return 'notHr';
  if (samePerson(actor.aadObjectId, evaluation.candidate.aadObjectId)) return 'ownEvaluation';
  return evaluation.state === 'open' ? undefined : 'closed';
}

function withEntry(
  evaluation: Evaluation,
  actor: Actor,
  action: EvaluationAction,
  to: EvaluationState,
  now: Date,
  reminded?: number,
): Evaluation {
  const at = now.toISOString();
  const entry: EvaluationAuditEntry = { at, by: actor.aadObjectId, byName: actor.name, action, to, ...(reminded === undefined ? {} : { reminded }) };
  return { ...evaluation, state: to, updatedAt: at, trail: [...evaluation.trail, entry] };
}

/** Each person once, in the order first named. */
function distinct(raters: readonly Rater[]): Rater[] {
  const seen = new Set<string>();
  return raters.filter((r) => {
    const key = r.aadObjectId.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
