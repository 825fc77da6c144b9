import { z } from 'zod/v4';
import { EXPORT_ID, HOME_EXPORT_KINDS } from '../exporting/preparedExport';
import { BROADCAST_ID as broadcastId } from '../storage/broadcastRepository';
import { INVERTED_TIME_ID_PATTERN } from '../storage/tables';
import { MOVED_AT_ONCE } from '../domain/training/trainingCandidates';

/** Every Action.Execute verb the bot answers, with the payload it expects. Cards use these strings verbatim. */
export const VERBS = {
  menu: 'menu.show',
  ladder: 'framework.ladder',
  level: 'framework.level',
  skill: 'framework.skill',
  recommended: 'framework.recommended',
  training: 'framework.training',
  search: 'framework.search',
  assessmentOpen: 'assessment.open',
  assessmentStart: 'assessment.start',
  assessmentContinue: 'assessment.continue',
  assessmentRole: 'assessment.role',
  assessmentSkills: 'assessment.skills',
  assessmentTarget: 'assessment.target',
  assessmentBack: 'assessment.back',
  assessmentLater: 'assessment.later',
  assessmentCancel: 'assessment.cancel',
  assessmentResult: 'assessment.result',
  assessmentHistory: 'assessment.history',
  applicationsOpen: 'application.open',
  applicationForm: 'application.form',
  applicationConfirm: 'application.confirm',
  applicationSubmit: 'application.submit',
  applicationWithdraw: 'application.withdraw',
  approvalView: 'approval.view',
  approvalInbox: 'approval.inbox',
  approvalDecide: 'approval.decide',
  hrWindows: 'hr.windows',
  hrWindowSave: 'hr.window.save',
  hrWindowClose: 'hr.window.close',
  hrApplications: 'hr.applications',
  hrApplication: 'hr.application',
  hrAdvance: 'hr.advance',
  hrReassign: 'hr.reassign',
  hrResendApproval: 'hr.approval.resend',
  hrEligibility: 'hr.eligibility',
  hrTrainingsReview: 'hr.trainings.review',
  hrTrainingsConfirm: 'hr.trainings.confirm',
  hrBroadcasts: 'hr.broadcasts',
  hrBroadcastCompose: 'hr.broadcast.compose',
  hrBroadcastPreview: 'hr.broadcast.preview',
  hrBroadcastAudience: 'hr.broadcast.audience',
  hrBroadcastReview: 'hr.broadcast.review',
  hrBroadcastConfirm: 'hr.broadcast.confirm',
  hrBroadcastStatus: 'hr.broadcast.status',
  hrBroadcastCancel: 'hr.broadcast.cancel',
  hrBroadcastRetry: 'hr.broadcast.retry',
  hrBroadcastExport: 'hr.broadcast.export',
  hrAppointments: 'hr.appointments',
  hrAppointmentReview: 'hr.appointment.review',
  hrAppointmentConfirm: 'hr.appointment.confirm',
  hrAppointmentEnd: 'hr.appointment.end',
  hrEvaluations: 'hr.evaluations',
  hrEvaluationNew: 'hr.evaluation.new',
  hrEvaluationReview: 'hr.evaluation.review',
  hrEvaluationStart: 'hr.evaluation.start',
  hrEvaluationStatus: 'hr.evaluation.status',
  hrEvaluationRemind: 'hr.evaluation.remind',
  hrEvaluationCertify: 'hr.evaluation.certify',
  hrEvaluationClose: 'hr.evaluation.close',
  evaluationRequests: 'evaluation.requests',
  evaluationOpen: 'evaluation.open',
  evaluationRate: 'evaluation.rate',
  hrKpi: 'hr.kpi',
  hrKpiTargets: 'hr.kpi.targets',
  hrKpiSave: 'hr.kpi.save',
  hrExports: 'hr.exports',
  hrExportStart: 'hr.export.start',
  hrExportStatus: 'hr.export.status',
  teamShow: 'team.show',
  trainingRecord: 'training.record',
  hrMenu: 'hr.menu',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** Card templates write numbers through string expressions, so a level may arrive as "3". */
const levelNumber = z.coerce.number().int().min(1).max(10);
/** An id of the framework's (a skill, a category, a focus item, a program). */
const frameworkItem = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
/** The words a search result was opened from: the way back to the results. */
const searchQuery = z.string().trim().min(1).max(100);
/** What a search result opened, and the search to go back to; both only for a card opened from the results. */
const fromSearch = { item: frameworkItem.optional(), query: searchQuery.optional() };

const assessmentId = z.string().regex(INVERTED_TIME_ID_PATTERN);
/** Which step a card was made for, so a click on an old card is recognised (see domain/assessment stepToken). */
const step = z.string().regex(/^(?:role:[a-z0-9][a-z0-9-]{0,63}|skills:\d{1,2}|target)$/);
/** Skill ratings arrive as Input.ChoiceSet values named "r_<skillId>", as strings. */
const RATING_FIELD = /^r_([a-z0-9][a-z0-9-]{0,63})$/;
const MAX_RATINGS = 50;

/** Pulls the ratings out of a skills payload; anything that is not a whole number stays NaN and is refused later. */
const skillsPayload = z
  .object({ assessmentId, step })
  .catchall(z.unknown())
  .transform((data, ctx) => {
    const ratings: Record<string, number> = {};
    for (const [key, value] of Object.entries(data)) {
      const skill = RATING_FIELD.exec(key)?.[1];
      // An empty choice (a client that does not enforce isRequired) is a missing rating, not a wrong one.
      if (!skill || value === '' || value === null || value === undefined) continue;
      ratings[skill] = typeof value === 'number' || (typeof value === 'string' && /^\d{1,2}$/.test(value)) ? Number(value) : NaN;
    }
    if (Object.keys(ratings).length > MAX_RATINGS) ctx.addIssue({ code: 'custom', message: 'too many ratings' });
    return { assessmentId: data.assessmentId, step: data.step, ratings };
  });

const applicationId = z
  .string()
  .regex(/^\d{4}-[a-z0-9][a-z0-9-]{0,63}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const track = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
/** Free text from an Input.Text: bounded here, judged by the domain (a motivation's own limits). */
const freeText = z.string().max(2000);
/** Input.Toggle sends "true"/"false" as strings. */
const toggle = z.enum(['true', 'false']).default('false');

/**
 * A broadcast's texts are bounded far above the notice's own limits, so a notice that is too long gets the compose
 * form back with the limit explained, not "invalid button".
 */
const broadcastText = z.string().max(20_000);
/** A multi-select choice set sends its values joined by commas; "" when nothing is chosen. */
const choices = z.string().max(20_000).default('');
/** A date or a time input: "" when left empty, judged by the flow. */
const dateOrTime = z.string().max(20).default('');
/** The second, deliberate click of a confirmation (cancel, retry). */
const confirmed = z.literal(true).optional();
/** A Microsoft Entra object id (a GUID), as the roster stores it. */
const entraId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

const evaluationId = z.string().regex(INVERTED_TIME_ID_PATTERN);
const viewpoint = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
/** The raters of each viewpoint arrive as one Input.Text per viewpoint, named "raters_<viewpointId>". */
const RATERS_FIELD = /^raters_([a-z0-9][a-z0-9-]{0,63})$/;
const MAX_VIEWPOINTS = 6;
/** HR's evaluation form (or the review card carrying it on): bounded here, read against the roster by the flow. */
const evaluationForm = z
  .object({ candidateEmail: z.string().trim().max(200).default(''), tier: z.string().max(64).default('') })
  .catchall(z.unknown())
  .transform((data, ctx) => {
    const raters: Record<string, string> = {};
    for (const [key, value] of Object.entries(data)) {
      const field = RATERS_FIELD.exec(key)?.[1];
      if (!field) continue;
      if (typeof value === 'string' && value.length <= 4000) raters[field] = value;
      else ctx.addIssue({ code: 'custom', message: `${key}: text of at most 4000 characters expected` });
    }
    if (Object.keys(raters).length > MAX_VIEWPOINTS) ctx.addIssue({ code: 'custom', message: 'too many viewpoints' });
    return { candidateEmail: data.candidateEmail, tier: data.tier, raters };
  });

/** HR's KPI: a fiscal year as the year selector or a button sends it. */
const kpiYear = z.coerce.number().int().min(2000).max(2100);
/** A target or the baseline as typed: "" leaves it unchanged; anything else is judged by the flow, not refused here. */
const kpiCount = z.string().max(50).default('');

/** The payload of each verb. Card data is untrusted input: it is parsed here before any handler sees it. */
export const PAYLOADS = {
  [VERBS.menu]: z.object({}),
  [VERBS.ladder]: z.object({}),
  [VERBS.level]: z.object({ level: levelNumber, ...fromSearch }),
  [VERBS.skill]: z.object({ skillId: frameworkItem, query: searchQuery.optional() }),
  [VERBS.recommended]: z.object({ query: searchQuery.optional() }),
  [VERBS.training]: z.object({ level: levelNumber, ...fromSearch }),
  [VERBS.search]: z.object({ query: searchQuery }),
  [VERBS.assessmentOpen]: z.object({}),
  [VERBS.assessmentStart]: z.object({}),
  [VERBS.assessmentContinue]: z.object({ assessmentId }),
  [VERBS.assessmentRole]: z.object({ assessmentId, step, level: levelNumber }),
  [VERBS.assessmentSkills]: skillsPayload,
  [VERBS.assessmentTarget]: z.object({ assessmentId, step, target: levelNumber }),
  // "step" is the step the card shows: 前へ goes back from there, so a second click changes nothing more.
  [VERBS.assessmentBack]: z.object({ assessmentId, step }),
  [VERBS.assessmentLater]: z.object({ assessmentId }),
  // "then: restart" starts a new assessment straight after cancelling (the "start over" button).
  // "confirmed" is set by the confirmation card: discarding answers always takes a second, deliberate click.
  [VERBS.assessmentCancel]: z.object({
    assessmentId,
    then: z.enum(['restart']).optional(),
    confirmed: z.literal(true).optional(),
  }),
  [VERBS.assessmentResult]: z.object({ assessmentId }),
  [VERBS.assessmentHistory]: z.object({}),
  [VERBS.applicationsOpen]: z.object({}),
  // "from: notice": clicked on a broadcast notice, which stays in the chat while the form comes below it.
  [VERBS.applicationForm]: z.object({ track, motivation: freeText.optional(), from: z.enum(['notice']).optional() }),
  [VERBS.applicationConfirm]: z.object({ track, motivation: freeText.default(''), attachAssessment: toggle }),
  [VERBS.applicationSubmit]: z.object({ track, motivation: freeText, attachAssessment: toggle }),
  [VERBS.applicationWithdraw]: z.object({ applicationId, confirmed: z.literal(true).optional() }),
  [VERBS.approvalView]: z.object({ applicationId }),
  [VERBS.approvalInbox]: z.object({}),
  [VERBS.hrWindows]: z.object({}),
  // The card has one pair of date and time inputs per track; the handler reads the pair of the clicked track.
  [VERBS.hrWindowSave]: z.object({ track, fiscalYear: z.coerce.number().int().min(2000).max(2100) }).catchall(z.unknown()),
  [VERBS.hrWindowClose]: z.object({ track, fiscalYear: z.coerce.number().int().min(2000).max(2100) }),
  [VERBS.hrApplications]: z.object({
    filterState: z.string().max(32).optional(),
    filterTrack: z.string().max(64).optional(),
    filterDepartment: z.string().max(100).optional(),
  }),
  [VERBS.hrApplication]: z.object({ applicationId }),
  // "confirmed" is set by the question certifying asks first: certification is final and tells the employee.
  [VERBS.hrAdvance]: z.object({ applicationId, action: z.enum(['select', 'notSelect', 'completeTraining', 'certify']), confirmed }),
  [VERBS.hrReassign]: z.object({ applicationId, approverEmail: z.string().trim().max(200).default('') }),
  [VERBS.hrResendApproval]: z.object({ applicationId }),
  [VERBS.hrEligibility]: z.object({ applicationId, eligibilityComment: freeText.default('') }),
  [VERBS.hrTrainingsReview]: z.object({}),
  // The applications the confirmation listed: only those are moved, and only if the records still say so.
  [VERBS.hrTrainingsConfirm]: z.object({ applicationIds: z.array(applicationId).min(1).max(MOVED_AT_ONCE) }),
  [VERBS.approvalDecide]: z.object({ applicationId, decision: z.enum(['approve', 'reject']), comment: freeText.optional() }),
  [VERBS.hrBroadcasts]: z.object({}),
  // Without an id: a new notice, pre-filled from the application windows.
  [VERBS.hrBroadcastCompose]: z.object({ broadcastId: broadcastId.optional() }),
  [VERBS.hrBroadcastPreview]: z.object({ broadcastId, title: broadcastText, body: broadcastText, applyTracks: choices }),
  [VERBS.hrBroadcastAudience]: z.object({ broadcastId }),
  [VERBS.hrBroadcastReview]: z.object({
    broadcastId,
    audienceKind: z.enum(['everyone', 'departments', 'grades', 'notApplied', 'missingTraining']),
    departments: choices,
    grades: choices,
    trainingProgram: z.string().max(100).default(''),
    trainingBy: dateOrTime,
    startDate: dateOrTime,
    startTime: dateOrTime,
  }),
  // "reviewed" is the ETag of the draft the review card showed: what HR confirms is exactly what they reviewed.
  [VERBS.hrBroadcastConfirm]: z.object({ broadcastId, reviewed: z.string().min(1).max(200) }),
  [VERBS.hrBroadcastStatus]: z.object({ broadcastId }),
  [VERBS.hrBroadcastCancel]: z.object({ broadcastId, confirmed }),
  [VERBS.hrBroadcastRetry]: z.object({ broadcastId, confirmed }),
  [VERBS.hrBroadcastExport]: z.object({ broadcastId }),
  [VERBS.hrAppointments]: z.object({}),
  // The form's e-mail and tier, judged by the flow: an unknown person or tier gets a clear answer, not "invalid button".
  [VERBS.hrAppointmentReview]: z.object({ appointEmail: z.string().trim().max(200).default(''), appointTier: z.string().max(64).default('') }),
  // "reviewed" is the ETag of the appointee's record the confirmation showed ('' for none): HR confirms what they saw.
  [VERBS.hrAppointmentConfirm]: z.object({ aadObjectId: entraId, tier: z.string().max(64), reviewed: z.string().max(200) }),
  [VERBS.hrAppointmentEnd]: z.object({ aadObjectId: entraId, confirmed, reviewed: z.string().max(200).optional() }),
  [VERBS.hrEvaluations]: z.object({}),
  // With the form's values when coming back from the review to correct them.
  [VERBS.hrEvaluationNew]: evaluationForm,
  [VERBS.hrEvaluationReview]: evaluationForm,
  // "draftId" is made when the review is shown: it becomes the evaluation's id, so a second click starts nothing new.
  [VERBS.hrEvaluationStart]: z.intersection(evaluationForm, z.object({ draftId: evaluationId })),
  [VERBS.hrEvaluationStatus]: z.object({ evaluationId }),
  [VERBS.hrEvaluationRemind]: z.object({ evaluationId }),
  [VERBS.hrEvaluationCertify]: z.object({ evaluationId, confirmed }),
  [VERBS.hrEvaluationClose]: z.object({ evaluationId, confirmed }),
  [VERBS.evaluationRequests]: z.object({}),
  [VERBS.evaluationOpen]: z.object({ evaluationId, viewpoint }),
  // The rating is judged against the evaluation's scale by the domain; "" when none was chosen.
  [VERBS.evaluationRate]: z.object({ evaluationId, viewpoint, rating: z.string().max(2).default(''), ratingComment: freeText.default('') }),
  // "kpiYear" is the card's year selector; without it, the current fiscal year.
  [VERBS.hrKpi]: z.object({ kpiYear: kpiYear.optional() }),
  [VERBS.hrKpiTargets]: z.object({ fiscalYear: kpiYear }),
  // One "tierTarget_<tierId>" input per tier besides these; "seen" is the version of the settings the form showed.
  [VERBS.hrKpiSave]: z
    .object({ fiscalYear: kpiYear, seen: z.string().min(1).max(100), targetAll: kpiCount, baseline: kpiCount })
    .catchall(z.unknown()),
  [VERBS.hrExports]: z.object({}),
  // "exportYear" is the card's fiscal-year choice, read for applications only.
  [VERBS.hrExportStart]: z.object({ kind: z.enum(HOME_EXPORT_KINDS), exportYear: z.coerce.number().int().min(2000).max(2100).optional() }),
  [VERBS.hrExportStatus]: z.object({ exportId: EXPORT_ID }),
  // HR types a manager's e-mail to see that manager's team; "" or none is one's own team.
  [VERBS.trainingRecord]: z.object({}),
  [VERBS.teamShow]: z.object({ managerEmail: z.string().trim().max(200).default('') }),
  [VERBS.hrMenu]: z.object({}),
} satisfies Record<Verb, z.ZodType>;

export type Payload<V extends Verb> = z.infer<(typeof PAYLOADS)[V]>;
