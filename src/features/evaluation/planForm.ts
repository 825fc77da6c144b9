import { fiscalYearOf } from '../../domain/applications/fiscalYear';
import { candidateOf, planProblems, raterOf, viewpointsForTier, type EvaluationPlan, type PlanProblem } from '../../domain/evaluation/evaluation';
import type { EvaluationViewpoint } from '../../domain/framework/schema';
import type { Employee } from '../../domain/roster/employee';
import { actorOf } from '../applications/who';
import type { Payload, VERBS } from '../verbs';
import type { EvaluationDeps, EvaluationWho } from './deps';

/** HR's form as the cards carry it: the candidate's e-mail, the tier, and the raters' e-mails per viewpoint id. */
export type EvaluationForm = Payload<typeof VERBS.hrEvaluationReview>;

/** One e-mail HR typed for a viewpoint, as the roster and the bot's conversations know it. */
export interface RaterEntry {
  readonly email: string;
  /** Undefined: the roster has no such e-mail. */
  readonly employee?: Employee;
  /** False: the person never opened the bot, so no card can reach them yet. */
  readonly reachable: boolean;
}

/** Why the form cannot start an evaluation: the domain's reasons and what only the roster can tell. */
export type FormProblem =
  | PlanProblem
  | { readonly kind: 'noCandidate' }
  | { readonly kind: 'unknownCandidate'; readonly email: string }
  | { readonly kind: 'unknownRater'; readonly viewpoint: string; readonly email: string }
  | { readonly kind: 'alreadyOpen' };

/** The form read against the roster: who is meant, what is wrong, and the plan when nothing is. */
export interface ResolvedForm {
  readonly form: EvaluationForm;
  readonly candidate?: Employee;
  readonly viewpoints: readonly { readonly viewpoint: EvaluationViewpoint; readonly raters: readonly RaterEntry[] }[];
  readonly problems: readonly FormProblem[];
  /** Set when there is no problem: what starting creates. */
  readonly plan?: EvaluationPlan;
}

/** The e-mails typed for one viewpoint: one per line, or separated by commas or spaces; each once, in lower case. */
export function emailsIn(text: string): string[] {
  const emails = text
    .split(/[\s,、，;；]+/u)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '');
  return [...new Set(emails)];
}

/**
 * Reads HR's form against the roster (every person named must be on it), the bot's conversations (who can be
 * reached) and the open evaluations (one at a time per candidate and tier). Reads only; changes nothing.
 */
export async function resolveForm(deps: EvaluationDeps, who: EvaluationWho, form: EvaluationForm): Promise<ResolvedForm> {
  const candidateEmail = form.candidateEmail.trim().toLowerCase();
  const candidate = candidateEmail ? await deps.roster.findByEmail(candidateEmail) : undefined;
  const viewpoints = await Promise.all(
    viewpointsForTier(who.rules, form.tier).map(async (viewpoint) => ({
      viewpoint,
      raters: await Promise.all(emailsIn(form.raters[viewpoint.id] ?? '').map((email) => raterEntry(deps, email))),
    })),
  );
  const problems: FormProblem[] = [];
  if (!candidateEmail) problems.push({ kind: 'noCandidate' });
  else if (!candidate) problems.push({ kind: 'unknownCandidate', email: candidateEmail });
  for (const { viewpoint, raters } of viewpoints) {
    for (const r of raters) if (!r.employee) problems.push({ kind: 'unknownRater', viewpoint: viewpoint.id, email: r.email });
  }
  const draft = {
    candidate: candidate && candidateOf(candidate),
    tier: form.tier,
    raters: viewpoints.map(({ viewpoint, raters }) => ({
      viewpoint: viewpoint.id,
      raters: raters.flatMap((r) => (r.employee ? [raterOf(r.employee)] : [])),
    })),
  };
  problems.push(...planProblems(draft, who.rules, actorOf(who)));
  if (candidate && (await isAlreadyOpen(deps, who, candidate, form.tier))) problems.push({ kind: 'alreadyOpen' });
  const plan =
    problems.length === 0 && draft.candidate
      ? { ...draft, candidate: draft.candidate, frameworkId: who.framework.id, fiscalYear: fiscalYearOf(deps.now()) }
      : undefined;
  return { form: { ...form, candidateEmail }, candidate, viewpoints, problems, plan };
}

async function raterEntry(deps: EvaluationDeps, email: string): Promise<RaterEntry> {
  const employee = await deps.roster.findByEmail(email);
  const reachable = employee !== undefined && (await deps.conversations.find('user', employee.aadObjectId)) !== undefined;
  return { email, employee, reachable };
}

/** One evaluation at a time per candidate and tier: a second one would split the raters' answers. */
async function isAlreadyOpen(deps: EvaluationDeps, who: EvaluationWho, candidate: Employee, tier: string): Promise<boolean> {
  const open = await deps.evaluations.listOpen(who.framework.id);
  return open.some(
    ({ evaluation }) => evaluation.tier === tier && evaluation.candidate.aadObjectId.toLowerCase() === candidate.aadObjectId.toLowerCase(),
  );
}

/** The form as card data: the fields the form card's inputs have, for "start" and "correct". */
export function formFields(form: EvaluationForm): Record<string, string> {
  const raters = Object.fromEntries(Object.entries(form.raters).map(([viewpoint, text]) => [`raters_${viewpoint}`, text]));
  return { candidateEmail: form.candidateEmail, tier: form.tier, ...raters };
}
