import type { Letter } from '../outbox/letter';
import { type Employee, samePerson } from '../roster/employee';

/**
 * An application to become a Gold or Silver candidate (or to join the professional track), and the rules of its
 * life: submitted → approved or rejected by the manager → selected or not by HR → trainings completed → certified.
 * Plain data and pure functions; every change appends to the application's audit trail.
 */

/** Where an application stands. */
export type ApplicationState =
  | 'submitted'
  | 'withdrawn'
  | 'approved'
  | 'rejected'
  | 'selected'
  | 'notSelected'
  | 'trainingCompleted'
  | 'certified';

/** What someone can do to an application. */
export type ApplicationAction =
  | 'submit'
  | 'withdraw'
  | 'approve'
  | 'reject'
  | 'reassign'
  | 'select'
  | 'notSelect'
  | 'completeTraining'
  | 'certify'
  | 'overrideEligibility';

/** Who acts: the sender of the activity, as the roster knows them. */
export interface Actor {
  readonly aadObjectId: string;
  readonly name: string;
  readonly isHr: boolean;
}

/** One line of the audit trail: who did what, when, from which state to which. */
export interface AuditEntry {
  readonly at: string;
  readonly by: string;
  readonly byName: string;
  readonly action: ApplicationAction;
  readonly from?: ApplicationState;
  readonly to: ApplicationState;
  readonly comment?: string;
  /** For a submission or a reassignment: who is asked to decide from then on. */
  readonly approverId?: string;
  /** For a reassignment: the name of who is asked from then on, and of who was asked until then. */
  readonly approverName?: string;
  readonly previousApproverName?: string;
}

/** A snapshot of the applicant's latest self-assessment, attached when they chose to. */
export interface AssessmentSummary {
  readonly completedAt: string;
  readonly overallRoleLevel: number;
  readonly skillLevel: number;
  readonly target: number;
}

export interface Application {
  readonly id: string;
  readonly frameworkId: string;
  readonly fiscalYear: number;
  /** A tier id the framework lets one apply for, or "professional" for the professional track. */
  readonly track: string;
  readonly applicant: { readonly aadObjectId: string; readonly name: string; readonly employeeNo: string; readonly department: string; readonly grade: string };
  /** Who decides now: the applicant's manager, or whoever HR reassigned the approval to. */
  readonly approver: { readonly aadObjectId: string; readonly name: string };
  readonly motivation: string;
  readonly assessment?: AssessmentSummary;
  /**
   * The roster's grade did not show the professional track's requirement met when they applied (a grade above it, or
   * one the framework's list does not have): HR decides, and must overrule it before selecting.
   */
  readonly gradeCheck?: GradeCheck;
  readonly state: ApplicationState;
  readonly submittedAt: string;
  readonly updatedAt: string;
  readonly lastRemindedAt?: string;
  readonly trail: readonly AuditEntry[];
}

/** What the roster's grade said of the professional track's requirement, when it did not show it met. */
export type GradeCheck = 'gradeAbove' | 'gradeUnknown';

/** Why a change was refused; the feature says each in the user's language. */
export type ApplicationRefusal =
  | 'notAllowed'
  | 'ownApplication'
  | 'wrongState'
  | 'commentRequired'
  | 'sameApprover'
  | 'eligibilityUndecided'
  | 'eligibilityDecided'
  | 'reasonRequired';

export type ApplicationOutcome = { ok: true; application: Application } | { ok: false; refusal: ApplicationRefusal };

/** The longest motivation accepted: a few paragraphs, enough to say why, short enough for a card. */
export const MOTIVATION_MAX = 800;
export const MOTIVATION_MIN = 10;
export const COMMENT_MAX = 500;

/** From which states each action may be taken, and where it leads. */
const TRANSITIONS: Record<Exclude<ApplicationAction, 'submit' | 'reassign' | 'overrideEligibility'>, { from: readonly ApplicationState[]; to: ApplicationState }> = {
  withdraw: { from: ['submitted'], to: 'withdrawn' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  select: { from: ['approved'], to: 'selected' },
  notSelect: { from: ['approved'], to: 'notSelected' },
  completeTraining: { from: ['selected'], to: 'trainingCompleted' },
  certify: { from: ['trainingCompleted'], to: 'certified' },
};

/** Whether an application is past its trainings step: HR recorded 必須研修修了, or certified it since. */
export function pastTrainings(state: ApplicationState): boolean {
  return state === 'trainingCompleted' || state === 'certified';
}

/** States in which an application still counts as "the" application of its track and year. */
export const ACTIVE_STATES: readonly ApplicationState[] = ['submitted', 'approved', 'selected', 'trainingCompleted', 'certified'];

/** The id of a person's application for one track in one fiscal year: there is at most one such application. */
export function applicationId(fiscalYear: number, track: string, applicantId: string): string {
  return `${fiscalYear}-${track}-${applicantId.toLowerCase()}`;
}

/** An Entra object id (a GUID) at the end of an application id, as `applicationId` puts it there. */
const APPLICANT_AT_THE_END = /-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * The applicant an application id names (lower case), when it ends in an Entra object id; undefined otherwise. An id
 * from a card is only a claim: what the stored application says is what counts.
 */
export function applicantOfApplicationId(id: string): string | undefined {
  return APPLICANT_AT_THE_END.exec(id)?.[1];
}

/** The fiscal year an application id names (its first four characters, as `applicationId` makes it). */
export function fiscalYearOfApplication(id: string): number {
  return Number(id.slice(0, 4));
}

/** The applicant as an application records them: a copy of their roster entry at the time they applied. */
export function applicantOf(employee: Employee): Application['applicant'] {
  const { aadObjectId, name, employeeNo, department, grade } = employee;
  return { aadObjectId, name, employeeNo, department, grade };
}

/** A new application, submitted now. */
export function submitApplication(
  input: Omit<Application, 'id' | 'state' | 'submittedAt' | 'updatedAt' | 'trail' | 'lastRemindedAt'>,
  now: Date,
  previousTrail: readonly AuditEntry[] = [],
): Application {
  const at = now.toISOString();
  return {
    ...input,
    id: applicationId(input.fiscalYear, input.track, input.applicant.aadObjectId),
    state: 'submitted',
    submittedAt: at,
    updatedAt: at,
    trail: [
      ...previousTrail,
      {
        at,
        by: input.applicant.aadObjectId,
        byName: input.applicant.name,
        action: 'submit',
        to: 'submitted',
        approverId: input.approver.aadObjectId,
      },
    ],
  };
}

/** Who may take an action, given the application: the rule behind every button. */
export function mayAct(application: Application, actor: Actor, action: ApplicationAction): ApplicationRefusal | undefined {
  const isApplicant = samePerson(actor.aadObjectId, application.applicant.aadObjectId);
  switch (action) {
    case 'submit':
    case 'withdraw':
      return isApplicant ? undefined : 'notAllowed';
    case 'approve':
    case 'reject':
      if (isApplicant) return 'ownApplication';
      return samePerson(actor.aadObjectId, application.approver.aadObjectId) ? undefined : 'notAllowed';
    case 'reassign':
    case 'overrideEligibility':
    case 'select':
    case 'notSelect':
    case 'completeTraining':
    case 'certify':
      if (!actor.isHr) return 'notAllowed';
      return isApplicant ? 'ownApplication' : undefined;
  }
}

/** Applies an action by an actor. Refuses, changing nothing, what the actor may not do or the state does not allow. */
export function act(
  application: Application,
  actor: Actor,
  action: Exclude<ApplicationAction, 'submit' | 'reassign' | 'overrideEligibility'>,
  now: Date,
  comment?: string,
): ApplicationOutcome {
  const refusal = mayAct(application, actor, action);
  if (refusal) return { ok: false, refusal };
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(application.state)) return { ok: false, refusal: 'wrongState' };
  const trimmed = comment?.trim() || undefined;
  if (action === 'reject' && !trimmed) return { ok: false, refusal: 'commentRequired' };
  // The grade check holds until HR overrules it: nobody is selected on a requirement the roster says they miss.
  if (action === 'select' && awaitsEligibility(application)) return { ok: false, refusal: 'eligibilityUndecided' };
  const entry = entryOf(application, actor, action, now, { to: rule.to, ...(trimmed ? { comment: cutComment(trimmed) } : {}) });
  return { ok: true, application: { ...application, state: rule.to, updatedAt: entry.at, trail: [...application.trail, entry] } };
}

/** The trail entry of an actor's action on the application as it stands now; `details` says where it leads and the rest. */
function entryOf(
  application: Application,
  actor: Actor,
  action: ApplicationAction,
  now: Date,
  details: Omit<AuditEntry, 'at' | 'by' | 'byName' | 'action' | 'from'>,
): AuditEntry {
  return { at: now.toISOString(), by: actor.aadObjectId, byName: actor.name, action, from: application.state, ...details };
}

/** A comment as the trail keeps it: cut by characters, not UTF-16 units, so an emoji at the limit is not split in half. */
function cutComment(trimmed: string): string {
  return Array.from(trimmed).slice(0, COMMENT_MAX).join('');
}

/** Whether the grade check still stands: the roster did not show the requirement met, and HR has not overruled it. */
export function awaitsEligibility(application: Application): boolean {
  return application.gradeCheck !== undefined && !application.trail.some((e) => e.action === 'overrideEligibility');
}

/**
 * HR overrules the grade check: the applicant meets the requirement after all (the roster's order of grades is the
 * city's, not the strategy's words). Only before selection, once, and with the reason, recorded with who decided.
 */
export function overrideEligibility(application: Application, actor: Actor, now: Date, comment: string): ApplicationOutcome {
  const refusal = mayAct(application, actor, 'overrideEligibility');
  if (refusal) return { ok: false, refusal };
  if (application.gradeCheck && !awaitsEligibility(application)) return { ok: false, refusal: 'eligibilityDecided' };
  if (!application.gradeCheck || !['submitted', 'approved'].includes(application.state)) return { ok: false, refusal: 'wrongState' };
  const trimmed = comment.trim();
  if (!trimmed) return { ok: false, refusal: 'reasonRequired' };
  const entry = entryOf(application, actor, 'overrideEligibility', now, { to: application.state, comment: cutComment(trimmed) });
  return { ok: true, application: { ...application, updatedAt: entry.at, trail: [...application.trail, entry] } };
}

/** HR hands the decision to someone else (a manager away, a deputy); only while the decision is pending. */
export function reassign(
  application: Application,
  actor: Actor,
  approver: { aadObjectId: string; name: string },
  now: Date,
): ApplicationOutcome {
  const refusal = mayAct(application, actor, 'reassign');
  if (refusal) return { ok: false, refusal };
  if (application.state !== 'submitted') return { ok: false, refusal: 'wrongState' };
  if (samePerson(approver.aadObjectId, application.applicant.aadObjectId)) return { ok: false, refusal: 'ownApplication' };
  if (samePerson(approver.aadObjectId, application.approver.aadObjectId)) return { ok: false, refusal: 'sameApprover' };
  const entry = entryOf(application, actor, 'reassign', now, {
    to: application.state,
    approverId: approver.aadObjectId,
    approverName: approver.name,
    previousApproverName: application.approver.name,
  });
  return { ok: true, application: { ...application, approver, updatedAt: entry.at, trail: [...application.trail, entry] } };
}

/**
 * HR asks the approver again (the request kept for them, or lost in their chat): allowed whenever reassigning would
 * be. Changes nothing in the application.
 */
export function resendRequest(application: Application, actor: Actor): ApplicationOutcome {
  const refusal = mayAct(application, actor, 'reassign') ?? (application.state === 'submitted' ? undefined : 'wrongState');
  return refusal ? { ok: false, refusal } : { ok: true, application };
}

/** Everyone who was ever asked to decide on the application (the first approver, and each one reassigned to). */
export function approversOf(application: Application): string[] {
  const named = application.trail.flatMap((e) => (e.approverId ? [e.approverId.toLowerCase()] : []));
  return [...new Set([...named, application.approver.aadObjectId.toLowerCase()])];
}

/** The latest entry of the trail that moved the application into its current state (who decided, and when). */
export function lastDecision(application: Application): AuditEntry | undefined {
  return [...application.trail].reverse().find((e) => e.to === application.state && e.action !== 'reassign' && e.action !== 'overrideEligibility');
}

/** Pending approvals due a reminder: waiting `afterDays` since submission, and not reminded within `afterDays`. */
export function needsReminder(application: Application, now: Date, afterDays: number): boolean {
  if (application.state !== 'submitted') return false;
  const dueMs = afterDays * 24 * 60 * 60 * 1000;
  const since = Date.parse(application.lastRemindedAt ?? application.submittedAt);
  return now.getTime() - since >= dueMs;
}

/** The letter asking the application's approver to decide, kept for them while they cannot be reached. */
export function approvalLetter(application: Application): Letter {
  return { kind: 'approvalRequest', frameworkId: application.frameworkId, applicationId: application.id };
}
