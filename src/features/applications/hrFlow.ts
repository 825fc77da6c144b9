import { formatDateTime } from '../../i18n/formatDate';
import type { AdaptiveCard } from '../../cards/renderCard';
import { act, approvalLetter, overrideEligibility, reassign, resendRequest, type Application, type ApplicationOutcome, type ApplicationState } from '../../domain/applications/application';
import { defaultWindow, isWindowOpen, tracksOf, type ApplicationWindow } from '../../domain/applications/applicationWindow';
import { fiscalYearOf, liveFiscalYears, parseJstDateTime } from '../../domain/applications/fiscalYear';
import { type ApplicationFilter, type StoredApplication } from '../../storage/applicationRepository';
import type { CertificationRepository } from '../../storage/certificationRepository';
import { notTaken, requiresTrainings, trainingsOf } from '../../domain/training/trainingCandidates';
import type { TrainingRecord } from '../../domain/training/trainingRecord';
import { recordsOfApplicant } from './applicantRecords';
import { noticeCard } from '../notices';
import { VERBS } from '../verbs';
import type { ApplicationDeps } from './applicationsFlow';
import { applicationNotFound, changeApplication, checkChange, findApplication } from './changeApplication';
import { refuseUnlessHr } from './refusals';
import { notifyApplicant } from './notifyApplicant';
import { missed, undeliveredLine } from '../notifier';
import { trackName } from './trackName';
import { approvalCard } from './views/approvalCard';
import { certifyQuestionCard } from './views/certifyQuestion';
import { hrDetailCard, hrListCard, hrWindowsCard, STATES, type DetailExtras, type WindowsFormState } from './views/hrCards';
import { completeTrainingQuestionCard, programNames } from './views/trainingQuestion';
import { samePerson } from '../../domain/roster/employee';
import { actorOf, type Who } from './who';

/** What HR needs beyond the application flows: where certified tiers are recorded. */
export interface HrDeps extends ApplicationDeps {
  readonly certifications: CertificationRepository;
}

/** The HR office's side: windows, the list of applications, moving them on after approval, and reassigning approvals. */
export class HrFlow {
  constructor(private readonly deps: HrDeps) {}

  /**
   * This fiscal year's window of every track, as stored or as the rules would set it; after an action on one track,
   * with what happened there and what was typed into the form.
   */
  async windows(who: Who, form?: WindowsFormState): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'windows', this.deps.logger);
    if (refused) return refused;
    const now = this.deps.now();
    const fiscalYear = fiscalYearOf(now);
    const windows = await Promise.all(
      tracksOf(who.framework).map(async (track) => {
        const stored = await this.deps.windows.find(who.framework.id, fiscalYear, track);
        return { window: stored ?? defaultWindow(who.framework, fiscalYear, track), stored: stored !== undefined };
      }),
    );
    return hrWindowsCard(who.framework, fiscalYear, windows, now, who.t, who.locale, form);
  }

  /** Saves one track's window from the card's date and time inputs (Japan time); the form stays, saying how it went. */
  async saveWindow(who: Who, track: string, fiscalYear: number, inputs: Record<string, unknown>): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'saveWindow', this.deps.logger);
    if (refused) return refused;
    const { t } = who;
    const read = (name: string): string => (typeof inputs[`${name}_${track}`] === 'string' ? (inputs[`${name}_${track}`] as string) : '');
    const opens = parseJstDateTime(`${read('opensDate')} ${read('opensTime') || '00:00'}`);
    const closes = parseJstDateTime(`${read('closesDate')} ${read('closesTime') || '00:00'}`);
    // A window belongs to the fiscal year its start falls in, and only this year's or next year's can be set.
    const thisYear = fiscalYearOf(this.deps.now());
    const inYear = opens !== undefined && fiscalYearOf(opens) === fiscalYear && fiscalYear >= thisYear && fiscalYear <= thisYear + 1;
    if (!tracksOf(who.framework).includes(track) || !opens || !closes || closes <= opens || !inYear) {
      return this.windows(who, { note: { track, text: t('hr.windows.invalid'), style: 'warning' }, typed: inputs });
    }
    const stored = await this.deps.windows.findWithEtag(who.framework.id, fiscalYear, track);
    const window = { frameworkId: who.framework.id, fiscalYear, track, opensAt: opens.toISOString(), closesAt: closes.toISOString() };
    if (!(await this.save(who, window, stored?.etag))) return this.changedMeanwhile(who);
    const at = (d: Date): string => formatDateTime(d.toISOString(), who.locale);
    const body = t('hr.windows.saved', { track: trackName(who.framework, track, t), opens: at(opens), closes: at(closes) });
    return this.windows(who, { note: { track, text: body, style: 'good' }, typed: inputs });
  }

  /** Closes a track's window now (it may be reopened by saving new dates). */
  async closeWindow(who: Who, track: string, fiscalYear: number): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'closeWindow', this.deps.logger);
    if (refused) return refused;
    const { t } = who;
    const now = this.deps.now();
    const current = await this.deps.windows.findWithEtag(who.framework.id, fiscalYear, track);
    // Only an open window can be closed; an old card for a closed or never-set one changes nothing.
    if (!current || !isWindowOpen(current.window, now)) {
      return this.windows(who, { note: { track, text: t('hr.windows.notOpen', { track: trackName(who.framework, track, t) }), style: 'warning' }, typed: {} });
    }
    if (!(await this.save(who, { ...current.window, closesAt: now.toISOString() }, current.etag))) return this.changedMeanwhile(who);
    return this.windows(who, { note: { track, text: t('hr.windows.closed', { track: trackName(who.framework, track, t) }), style: 'good' }, typed: {} });
  }

  /** This fiscal year's applications, by state, track and department. */
  async list(who: Who, filter: { state?: string; track?: string; department?: string }): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'list', this.deps.logger);
    if (refused) return refused;
    const tracks = tracksOf(who.framework);
    const clean: ApplicationFilter = {
      state: STATES.includes(filter.state as ApplicationState) ? (filter.state as ApplicationState) : undefined,
      track: filter.track && tracks.includes(filter.track) ? filter.track : undefined,
      department: filter.department?.trim() || undefined,
    };
    const fiscalYear = fiscalYearOf(this.deps.now());
    const stored = await this.deps.applications.listYears(who.framework.id, liveFiscalYears(fiscalYear), clean);
    return hrListCard(who.framework, fiscalYear, tracks, clean, stored.map((s) => s.application), who.t, who.locale);
  }

  /** One application with its audit trail and next steps. */
  async detail(who: Who, id: string): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'detail', this.deps.logger);
    if (refused) return refused;
    const stored = await findApplication(this.deps, who, id);
    if (!stored) return applicationNotFound(this.deps, who, id);
    const { application } = stored;
    const kept = application.state === 'submitted' && (await this.deps.outbox.isWaiting(application.approver.aadObjectId, approvalLetter(application)));
    return this.detailCard(who, application, await this.recordsFor(who, application), { requestKept: kept });
  }

  /**
   * Selected / not selected / trainings completed / certified; the applicant hears of each step. Certifying cannot be
   * undone and tells the employee, so it takes a second, deliberate click (`confirmed`); the question is asked only
   * when certifying is possible now, anything else is refused at the first click.
   */
  async advance(who: Who, id: string, action: 'select' | 'notSelect' | 'completeTraining' | 'certify', confirmed: boolean): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, action, this.deps.logger);
    if (refused) return refused;
    // What HR's card shows after the step is read before it: after the deciding write, nothing may need storage.
    const { current, records } = await this.readBeforeDeciding(who, id);
    if (action === 'completeTraining') return this.completeTraining(who, id, current, records, confirmed);
    const at = this.deps.now();
    const step = (application: Application): ApplicationOutcome => act(application, actorOf(who), action, at);
    if (action === 'certify') {
      const checked = await checkChange(this.deps, who, id, step, VERBS.hrApplication, current);
      if ('refused' in checked) return checked.refused;
      if (!confirmed) return certifyQuestionCard(who.framework, checked.application, who.t);
      // The tier is recorded before the application says "certified" (the deciding write, last): should storage stop
      // between the two, the application still waits for its certification, and certifying again completes both.
      const certified = step(checked.application);
      if (certified.ok) await this.recordTier(who, certified.application);
    }
    const changed = await changeApplication(this.deps, who, id, step, VERBS.hrApplication, current);
    if ('refused' in changed) return changed.refused;
    return this.announce(who, changed.application, records);
  }

  /**
   * The per-application 必須研修修了, for exceptions: when the applicant's records lack a required training, HR is
   * told which first and may still go on; the trail then names them with HR as who decided.
   */
  private async completeTraining(
    who: Who,
    id: string,
    current: StoredApplication | undefined,
    records: readonly TrainingRecord[],
    confirmed: boolean,
  ): Promise<AdaptiveCard> {
    const { t } = who;
    const notRecorded = current ? notTaken(trainingsOf(who.framework, current.application, records)) : [];
    const step = (application: Application, comment?: string): ApplicationOutcome =>
      act(application, actorOf(who), 'completeTraining', this.deps.now(), comment);
    // Asked only when the step is possible now: anything else is refused at the first click, as before.
    if (current && notRecorded.length > 0 && !confirmed && step(current.application).ok) {
      return completeTrainingQuestionCard(current.application, notRecorded, t);
    }
    const comment = notRecorded.length > 0 ? t('hr.trainings.exception.comment', { programs: programNames(notRecorded, t) }) : undefined;
    const changed = await changeApplication(this.deps, who, id, (application) => step(application, comment), VERBS.hrApplication, current);
    if ('refused' in changed) return changed.refused;
    return this.announce(who, changed.application, records);
  }

  /** An application as found for HR, and its applicant's training records where its track requires trainings. */
  private async readBeforeDeciding(who: Who, id: string): Promise<{ current?: StoredApplication; records: TrainingRecord[] }> {
    const current = await findApplication(this.deps, who, id);
    return { current, records: current ? await this.recordsFor(who, current.application) : [] };
  }

  /** The applicant's training records, read only when the application's track requires trainings. */
  private async recordsFor(who: Who, application: Application): Promise<TrainingRecord[]> {
    if (!requiresTrainings(who.framework, application.track)) return [];
    return recordsOfApplicant(this.deps.trainingRecords, application);
  }

  /** Tells the applicant of the step just taken, and shows HR the application as it is now. */
  private async announce(who: Who, application: Application, records: readonly TrainingRecord[]): Promise<AdaptiveCard> {
    await notifyApplicant(this.deps, who.framework, application);
    return this.detailCard(who, application, records);
  }

  /** HR's card of an application, with its required trainings as the applicant's records show them. */
  private detailCard(who: Who, application: Application, records: readonly TrainingRecord[], extras: Omit<DetailExtras, 'trainings'> = {}): AdaptiveCard {
    const trainings = trainingsOf(who.framework, application, records);
    return hrDetailCard(who.framework, application, who.aadObjectId, who.t, who.locale, { ...extras, trainings });
  }

  /**
   * HR overrules the grade check of an application (the roster's order of grades is not the strategy's words): the
   * applicant meets the requirement. The reason is required and the trail records who decided.
   */
  async overrideEligibility(who: Who, id: string, comment: string): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'overrideEligibility', this.deps.logger);
    if (refused) return refused;
    const decide = (application: Application): ApplicationOutcome => overrideEligibility(application, actorOf(who), this.deps.now(), comment);
    const { current, records } = await this.readBeforeDeciding(who, id);
    const changed = await changeApplication(this.deps, who, id, decide, VERBS.hrApplication, current);
    if ('refused' in changed) return changed.refused;
    return this.detailCard(who, changed.application, records);
  }

  /**
   * Hands a pending approval to someone else on the roster, who then gets the approval card. Naming the approver it
   * already has sends them the request again.
   */
  async reassign(who: Who, id: string, email: string): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'reassign', this.deps.logger);
    if (refused) return refused;
    const { t } = who;
    const approver = email ? await this.deps.roster.findByEmail(email) : undefined;
    if (!approver) return noticeCard(t, t('applications.refusal.title'), t('hr.reassign.unknown', { email: email || '—' }));
    const current = await findApplication(this.deps, who, id);
    if (current && samePerson(current.application.approver.aadObjectId, approver.aadObjectId)) return this.resendApproval(who, id);
    const next = { aadObjectId: approver.aadObjectId, name: approver.name };
    const handOver = (application: Application): ApplicationOutcome => reassign(application, actorOf(who), next, this.deps.now());
    const changed = await changeApplication(this.deps, who, id, handOver, VERBS.hrApplication);
    if ('refused' in changed) return changed.refused;
    return this.requestApproval(who, changed.application, t('hr.reassign.done', { name: approver.name }));
  }

  /** Sends a pending application's approval request to its approver again (they may have opened the bot since). */
  async resendApproval(who: Who, id: string): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'resendApproval', this.deps.logger);
    if (refused) return refused;
    const checked = await checkChange(this.deps, who, id, (application) => resendRequest(application, actorOf(who)), VERBS.hrApplication);
    if ('refused' in checked) return checked.refused;
    return this.requestApproval(who, checked.application, who.t('hr.resend.done', { name: checked.application.approver.name }));
  }

  /** Sends the approval card to the application's approver, and tells HR `done` and how the card went. */
  private async requestApproval(who: Who, application: Application, done: string): Promise<AdaptiveCard> {
    const { t } = who;
    const { approver } = application;
    const letter = approvalLetter(application);
    const delivery = await this.deps.notifier.sendToUser(
      approver.aadObjectId,
      (at, locale, teamsUserId) => approvalCard(who.framework, application, { aadObjectId: approver.aadObjectId, teamsUserId }, at, locale),
      letter,
    );
    // Arrived now: nothing about it waits for them any more.
    if (delivery.delivered) await this.deps.outbox.discard(approver.aadObjectId, letter);
    if (missed(delivery)) this.deps.logger.warn('approval request not delivered', { applicationId: application.id, kept: delivery.kept });
    const body = [done, undeliveredLine(t, delivery, approver.name)].filter(Boolean).join('\n\n');
    return noticeCard(t, t('applications.title'), body, delivery.delivered ? 'good' : 'warning', {
      title: t('hr.detail.backToApplication'),
      verb: VERBS.hrApplication,
      data: { applicationId: application.id },
    });
  }

  /**
   * Records the certified tier on the employee, keeping the highest one they hold (a Silver certification after a
   * Gold one does not lower it). The professional track is a career path, not a tier: it is not recorded as one.
   */
  private async recordTier(who: Who, application: Application): Promise<void> {
    const rank = (tier: string): number => Math.max(-1, ...who.framework.levels.filter((l) => l.tier === tier).map((l) => l.level));
    if (rank(application.track) < 0) return;
    const certification = {
      frameworkId: application.frameworkId,
      aadObjectId: application.applicant.aadObjectId,
      tier: application.track,
      fiscalYear: application.fiscalYear,
      certifiedAt: application.updatedAt,
      applicationId: application.id,
    };
    // Conditional, so two certifications of one person at once cannot leave the lower tier recorded.
    for (;;) {
      const held = await this.deps.certifications.findWithEtag(application.frameworkId, application.applicant.aadObjectId);
      if (held && rank(held.certification.tier) >= rank(application.track)) return;
      if (await this.deps.certifications.recordIfUnchanged(certification, held?.etag)) return;
    }
  }

  /** Writes a window if nobody changed it since it was read; false when another HR officer was first. */
  private save(who: Who, window: ApplicationWindow, etag: string | undefined): Promise<boolean> {
    return this.deps.windows.replace({ ...window, updatedBy: who.aadObjectId, updatedAt: this.deps.now().toISOString() }, etag);
  }

  private changedMeanwhile(who: Who): AdaptiveCard {
    return noticeCard(who.t, who.t('applications.refusal.title'), who.t('hr.windows.changedMeanwhile'), 'warning', this.backToWindows(who));
  }

  private backToWindows(who: Who): { title: string; verb: typeof VERBS.hrWindows; data: object } {
    return { title: who.t('hr.windows.title', { fy: fiscalYearOf(this.deps.now()) }), verb: VERBS.hrWindows, data: {} };
  }
}
