import type { AdaptiveCard } from '../../cards/renderCard';
import {
  ACTIVE_STATES,
  act,
  applicantOf,
  applicationId,
  approvalLetter,
  MOTIVATION_MAX,
  MOTIVATION_MIN,
  submitApplication,
  type Application,
  type AssessmentSummary,
} from '../../domain/applications/application';
import { isWindowOpen, nextWindow, tracksOf } from '../../domain/applications/applicationWindow';
import { checkEligibility, gradeCheckOf } from '../../domain/applications/eligibility';
import { fiscalYearOf, liveFiscalYears } from '../../domain/applications/fiscalYear';
import type { Framework } from '../../domain/framework/framework';
import type { RequiredTrainingProgress } from '../../domain/training/requiredTrainings';
import { requiresTrainings, trainingsOf } from '../../domain/training/trainingCandidates';
import type { Logger } from '../../logger';
import { type ApplicationRepository } from '../../storage/applicationRepository';
import type { ApplicationWindowRepository } from '../../storage/applicationWindowRepository';
import type { AssessmentRepository } from '../../storage/assessmentRepository';
import type { OutboxRepository } from '../../storage/outboxRepository';
import type { RosterRepository } from '../../storage/rosterRepository';
import { isConcurrencyConflict } from '../../storage/storageErrors';
import { noticeCard } from '../notices';
import { missed, type Notifier } from '../notifier';
import { VERBS } from '../verbs';
import { recordsOfApplicant, type TrainingRecordReader } from './applicantRecords';
import { applicationNotFound, changeApplication, findApplication } from './changeApplication';
import { trackName } from './trackName';
import { approvalCard } from './views/approvalCard';
import { applicationConfirmCard, applicationFormCard } from './views/formCards';
import { applicationsHomeCard, ineligibleText, windowLine } from './views/homeCard';
import { actorOf, type Who } from './who';

/** What the applicant is told when the request did not reach the manager: each cause needs different help. */
const SUBMITTED_BUT = {
  neverOpened: 'applications.submitted.unreached',
  failed: 'applications.submitted.undelivered',
  stillSending: 'applications.submitted.stillSending',
} as const;

/** What the application flows need from outside. */
export interface ApplicationDeps {
  readonly roster: RosterRepository;
  readonly applications: ApplicationRepository;
  readonly windows: ApplicationWindowRepository;
  readonly assessments: AssessmentRepository;
  /** Where an applicant's required trainings are found taken. */
  readonly trainingRecords: TrainingRecordReader;
  readonly notifier: Notifier;
  /** Where notices wait for people who could not be reached: HR sees whether an approval request waits there. */
  readonly outbox: Pick<OutboxRepository, 'isWaiting' | 'discard'>;
  readonly logger: Logger;
  readonly now: () => Date;
}

/** The employee's answer to a submission: sent, and whether the request reached the approver (`failure`: why not). */
function submittedCard(who: Who, approverName: string, failure?: keyof typeof SUBMITTED_BUT): AdaptiveCard {
  const { t } = who;
  const body = t(failure ? SUBMITTED_BUT[failure] : 'applications.submitted.body', { approver: approverName });
  return noticeCard(t, t('applications.submitted.title'), body, 'good', { title: t('notify.open'), verb: VERBS.applicationsOpen, data: {} });
}

/** An application the employee is about to send, as the cards carry it (untrusted until checked here). */
interface Draft {
  readonly track: string;
  readonly motivation: string;
  readonly attachAssessment: boolean;
}

/**
 * Applying, as an employee: see the windows and one's applications, fill in the form, confirm, send (the manager
 * gets an approval card), withdraw before a decision. Every step re-checks the window, the eligibility and the
 * one-application-per-track rule on the server: the cards only carry the employee's words.
 */
export class ApplicationsFlow {
  constructor(private readonly deps: ApplicationDeps) {}

  /** Each track: its window, the employee's application, and whether they can apply now. */
  async home(who: Who): Promise<AdaptiveCard> {
    const now = this.deps.now();
    const windows = await this.deps.windows.list(who.framework.id);
    const fiscalYear = fiscalYearOf(now);
    const mine = await this.mine(who, liveFiscalYears(fiscalYear));
    // This year's application of a track, else last year's while it is still moving (selection, trainings …).
    const mineFor = (track: string): Application | undefined =>
      mine.find((a) => a.track === track && a.fiscalYear === fiscalYear) ??
      mine.find((a) => a.track === track && a.fiscalYear < fiscalYear && ACTIVE_STATES.includes(a.state) && a.state !== 'certified');
    const shown = tracksOf(who.framework).map((track) => ({ track, application: mineFor(track) }));
    const trainingsShown = await this.trainingsOfActive(who.framework, shown.map((s) => s.application));
    const tracks = shown.map(({ track, application }) => ({
      track,
      next: nextWindow(who.framework, track, windows, now),
      mine: application,
      trainings: trainingsShown(application),
      ineligible: checkEligibility(who.framework, track, who.employee),
      gradeCheck: gradeCheckOf(who.framework, track, who.employee),
      grade: who.employee?.grade,
    }));
    return applicationsHomeCard(who.framework, tracks, who.t, who.locale);
  }

  /**
   * The required trainings of each active application shown, from the applicant's records (one read, only when one
   * of them is for a tier with required trainings); undefined for no application or one no longer active.
   */
  private async trainingsOfActive(
    framework: Framework,
    shown: readonly (Application | undefined)[],
  ): Promise<(application: Application | undefined) => RequiredTrainingProgress[] | undefined> {
    const active = shown.filter((a): a is Application => a !== undefined && ACTIVE_STATES.includes(a.state));
    const needing = active.find((a) => requiresTrainings(framework, a.track));
    const records = needing ? await recordsOfApplicant(this.deps.trainingRecords, needing) : [];
    return (application) => (application && active.includes(application) ? trainingsOf(framework, application, records) : undefined);
  }

  /** The form, when the employee may apply for the track now. */
  async form(who: Who, track: string, motivation = ''): Promise<AdaptiveCard> {
    const blocked = await this.blocker(who, track);
    if (blocked) return blocked;
    return applicationFormCard(who.framework, track, motivation, await this.latestAssessment(who), who.t, who.locale);
  }

  /** The review before sending: nothing is sent until the employee confirms. */
  async confirm(who: Who, draft: Draft): Promise<AdaptiveCard> {
    const blocked = (await this.blocker(who, draft.track)) ?? this.invalidMotivation(who, draft);
    if (blocked) return blocked;
    const approver = await this.deps.roster.findByEmail(who.employee!.managerEmail!);
    const attach = draft.attachAssessment ? await this.latestAssessment(who) : undefined;
    return applicationConfirmCard(
      who.framework,
      { track: draft.track, motivation: draft.motivation.trim(), attach, approverName: approver?.name ?? who.employee!.managerEmail! },
      who.t,
      who.locale,
    );
  }

  /**
   * Sends the application and asks the manager to approve it. The same form sent again (a double click, a retry) is
   * answered as the first was: the application it made is there, and nothing is sent twice.
   */
  async submit(who: Who, draft: Draft): Promise<AdaptiveCard> {
    const { t, framework } = who;
    const sentBefore = await this.sameFormSent(who, draft);
    if (sentBefore) return this.submittedAgain(who, sentBefore);
    const blocked = (await this.blocker(who, draft.track)) ?? this.invalidMotivation(who, draft);
    if (blocked) return blocked;
    const employee = who.employee!;
    const manager = await this.deps.roster.findByEmail(employee.managerEmail!);
    if (!manager) return noticeCard(t, t('applications.refusal.title'), t('applications.ineligible.noManager'));
    const now = this.deps.now();
    const fields = {
      frameworkId: framework.id,
      fiscalYear: fiscalYearOf(now),
      track: draft.track,
      applicant: applicantOf(employee),
      approver: { aadObjectId: manager.aadObjectId, name: manager.name },
      motivation: draft.motivation.trim(),
      assessment: draft.attachAssessment ? await this.latestAssessment(who) : undefined,
      // The bot's reading of the roster's grade, kept for HR to decide on (and to overrule) before selecting.
      gradeCheck: gradeCheckOf(framework, draft.track, employee),
    };
    // Looked up before the application is written: after that write, nothing may fail the submission (storage
    // gone then would leave an application its manager was never asked about, and a repeated click a duplicate).
    const managerChat = await this.deps.notifier.reach(manager.aadObjectId);
    const application = await this.store(fields, now);
    if (!application) {
      // Two clicks at once: the other one made it, from this same form.
      const made = await this.sameFormSent(who, draft);
      return made ? this.submittedAgain(who, made) : noticeCard(t, t('applications.refusal.title'), t('applications.invalid.duplicate'));
    }
    const delivery = await this.deps.notifier.send(
      managerChat,
      (mt, locale, teamsUserId) => approvalCard(framework, application, { aadObjectId: manager.aadObjectId, teamsUserId }, mt, locale),
      approvalLetter(application),
    );
    if (missed(delivery)) this.deps.logger.warn('approval request not delivered', { applicationId: application.id, kept: delivery.kept });
    return submittedCard(who, manager.name, delivery.delivered ? undefined : (delivery.failure ?? 'failed'));
  }

  /** This year's application of the draft's track, when it is the one this very form made (same words, still active). */
  private async sameFormSent(who: Who, draft: Draft): Promise<Application | undefined> {
    const fiscalYear = fiscalYearOf(this.deps.now());
    const existing = await this.deps.applications.find(who.framework.id, fiscalYear, applicationId(fiscalYear, draft.track, who.aadObjectId));
    const application = existing?.application;
    const same = application && ACTIVE_STATES.includes(application.state) && application.motivation === draft.motivation.trim();
    return same ? application : undefined;
  }

  /** The success card of a submission made before, saying again whether the request has reached the approver. */
  private async submittedAgain(who: Who, application: Application): Promise<AdaptiveCard> {
    const { approver } = application;
    const kept = application.state === 'submitted' && (await this.deps.outbox.isWaiting(approver.aadObjectId, approvalLetter(application)));
    if (!kept) return submittedCard(who, approver.name);
    const everOpened = (await this.deps.notifier.reach(approver.aadObjectId)).chat !== undefined;
    return submittedCard(who, approver.name, everOpened ? 'failed' : 'neverOpened');
  }

  /** Withdraws the employee's own application before a decision, after a confirmation. */
  async withdraw(who: Who, id: string, confirmed: boolean): Promise<AdaptiveCard> {
    const { t } = who;
    const stored = await findApplication(this.deps, who, id);
    // Someone else's application is "not found": its existence is nobody else's business.
    if (!stored || stored.application.applicant.aadObjectId !== who.aadObjectId) {
      return applicationNotFound(this.deps, who, id);
    }
    if (!confirmed && stored.application.state === 'submitted') {
      const track = trackName(who.framework, stored.application.track, t);
      return noticeCard(t, t('applications.title'), t('applications.withdrawConfirm', { track }), 'warning', {
        title: t('applications.withdrawYes'),
        verb: VERBS.applicationWithdraw,
        data: { applicationId: id, confirmed: true },
      });
    }
    const changed = await changeApplication(this.deps, who, id, (a) => act(a, actorOf(who), 'withdraw', this.deps.now()));
    if ('refused' in changed) return changed.refused;
    return noticeCard(t, t('applications.title'), t('applications.withdrawn'), 'default', {
      title: t('notify.open'),
      verb: VERBS.applicationsOpen,
      data: {},
    });
  }

  /**
   * Writes the application: new, or a fresh submission over a withdrawn or rejected one of the same track and year
   * (its trail kept). Undefined when an active one exists: one active application per track and year.
   */
  private async store(fields: Parameters<typeof submitApplication>[0], now: Date): Promise<Application | undefined> {
    const id = applicationId(fields.fiscalYear, fields.track, fields.applicant.aadObjectId);
    const existing = await this.deps.applications.find(fields.frameworkId, fields.fiscalYear, id);
    const application = submitApplication(fields, now, existing?.application.trail);
    try {
      if (!existing) await this.deps.applications.create(application);
      else if (ACTIVE_STATES.includes(existing.application.state)) return undefined;
      else await this.deps.applications.update(application, existing.etag);
    } catch (err) {
      // Two submissions at once: the other one made the application.
      if (isConcurrencyConflict(err)) return undefined;
      throw err;
    }
    return application;
  }

  /** Why the employee cannot apply for the track right now, as a card; undefined if they can. */
  private async blocker(who: Who, track: string): Promise<AdaptiveCard | undefined> {
    const { t, framework } = who;
    const refuse = (body: string): AdaptiveCard => noticeCard(t, t('applications.refusal.title'), body, 'warning', {
      title: t('notify.open'),
      verb: VERBS.applicationsOpen,
      data: {},
    });
    const ineligible = checkEligibility(framework, track, who.employee);
    if (ineligible) return refuse(ineligibleText(ineligible, t));
    const now = this.deps.now();
    const next = nextWindow(framework, track, await this.deps.windows.list(framework.id), now);
    if (!next.open || !isWindowOpen(next.window, now)) {
      return refuse(t('applications.closed', { track: trackName(framework, track, t), next: windowLine(next, t, who.locale) }));
    }
    const fiscalYear = fiscalYearOf(now);
    const active = (await this.mine(who, [fiscalYear])).some((a) => a.track === track && a.fiscalYear === fiscalYear && ACTIVE_STATES.includes(a.state));
    return active ? refuse(t('applications.invalid.duplicate')) : undefined;
  }

  private invalidMotivation(who: Who, draft: Draft): AdaptiveCard | undefined {
    // Characters as people count them (an emoji is one), as the form's limit says.
    const length = Array.from(draft.motivation.trim()).length;
    if (length >= MOTIVATION_MIN && length <= MOTIVATION_MAX) return undefined;
    const { t } = who;
    return noticeCard(t, t('applications.refusal.title'), t('applications.invalid.motivation', { min: MOTIVATION_MIN, max: MOTIVATION_MAX }), 'warning', {
      title: t('applications.confirm.edit'),
      verb: VERBS.applicationForm,
      data: { track: draft.track, motivation: draft.motivation.slice(0, MOTIVATION_MAX) },
    });
  }

  private async mine(who: Who, fiscalYears: readonly number[]): Promise<Application[]> {
    const stored = await this.deps.applications.listYears(who.framework.id, fiscalYears, { applicantId: who.aadObjectId });
    return stored.map((s) => s.application);
  }

  /** The employee's latest finished self-assessment, in the few numbers an application carries. */
  private async latestAssessment(who: Who): Promise<AssessmentSummary | undefined> {
    const [latest] = await this.deps.assessments.listRecent(who.aadObjectId, 1, 'completed');
    const result = latest?.assessment.result;
    if (!latest || !result || !latest.assessment.completedAt) return undefined;
    return {
      completedAt: latest.assessment.completedAt,
      overallRoleLevel: result.overallRoleLevel,
      skillLevel: result.skillLevel,
      target: result.target,
    };
  }
}
