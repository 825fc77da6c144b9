import type { AdaptiveCard } from '../../cards/renderCard';
import { forEachLimited } from '../../concurrency';
import { act, pastTrainings, type Application, type ApplicationOutcome } from '../../domain/applications/application';
import { fiscalYearOf, liveFiscalYears } from '../../domain/applications/fiscalYear';
import { samePerson } from '../../domain/roster/employee';
import { hasRequiredTrainings, readyForTrainingCompleted, requiresTrainings, sortByTrainings } from '../../domain/training/trainingCandidates';
import { noticeCard } from '../notices';
import { VERBS } from '../verbs';
import { recordsOfApplicant, recordsOfApplicants } from './applicantRecords';
import { changeApplication, findApplication } from './changeApplication';
import type { HrDeps } from './hrFlow';
import { notifyApplicant } from './notifyApplicant';
import { refuseUnlessHr } from './refusals';
import { trainingMoveCard, trainingMoveResultCard, type MoveOutcome } from './views/trainingMoveCard';
import { actorOf, type Who } from './who';

/**
 * Applications moved at once: each is four storage calls and a notice to its applicant, waited for, so the answer comes
 * within seconds without flooding storage. The notices keep to Teams' limits through the bot's one pacer.
 */
const MOVING_AT_ONCE = 8;

/**
 * HR moves every selected candidate whose training records show all their tier's required trainings to 必須研修修了,
 * in one confirmed step: a list first, then only the listed applications that still qualify when HR confirms, each
 * through the same change as the per-application button (its ETag, HR in the trail) and the same notice.
 */
export class TrainingMoveFlow {
  constructor(private readonly deps: HrDeps) {}

  /**
   * The selected candidates of this fiscal year and the one before (selection and trainings may run past 31 March),
   * sorted by their records: who would move, and who not and why.
   */
  async review(who: Who): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'trainingMoveReview', this.deps.logger);
    if (refused) return refused;
    const { framework, t } = who;
    if (!hasRequiredTrainings(framework)) return noticeCard(t, t('hr.trainings.open'), t('hr.trainings.noneInFramework'), 'default', this.backToList(who));
    const fiscalYear = fiscalYearOf(this.deps.now());
    const stored = await this.deps.applications.listYears(framework.id, liveFiscalYears(fiscalYear), { state: 'selected' });
    // HR never decides on their own application: it stays out of the list, counted.
    const selected = stored.map((s) => s.application);
    const others = selected.filter((a) => !samePerson(a.applicant.aadObjectId, who.aadObjectId));
    const records = await recordsOfApplicants(this.deps.trainingRecords, others.filter((a) => requiresTrainings(framework, a.track)));
    const sorted = sortByTrainings(framework, others, (employeeNo) => records.get(employeeNo) ?? []);
    return trainingMoveCard(framework, fiscalYear, sorted, selected.length - others.length, t, who.locale);
  }

  /** Moves the listed applications that still qualify now; says how many moved, were moved before, or no longer qualify. */
  async confirm(who: Who, applicationIds: readonly string[]): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'trainingMoveConfirm', this.deps.logger);
    if (refused) return refused;
    const fiscalYear = fiscalYearOf(this.deps.now());
    const outcomes: MoveOutcome[] = [];
    await forEachLimited(new Set(applicationIds), MOVING_AT_ONCE, async (id) => {
      outcomes.push(await this.moveOne(who, id, fiscalYear));
    });
    return trainingMoveResultCard(outcomes, who.t, this.backToList(who));
  }

  /** One listed application: moved and its applicant told, found moved already, or skipped (no longer qualifies). */
  private async moveOne(who: Who, id: string, fiscalYear: number): Promise<MoveOutcome> {
    const { framework, t } = who;
    const current = await findApplication(this.deps, who, id);
    if (!current) return { kind: 'skipped' };
    const name = current.application.applicant.name;
    if (pastTrainings(current.application.state)) return { kind: 'already', name };
    const records = await recordsOfApplicant(this.deps.trainingRecords, current.application);
    if (!readyForTrainingCompleted(framework, current.application, fiscalYear, records)) {
      this.deps.logger.info('training move skipped: no longer qualifies', { applicationId: id, by: who.aadObjectId });
      return { kind: 'skipped', name };
    }
    // Their chat is looked up before the deciding write: after it, telling them needs no storage.
    const applicant = await this.deps.notifier.reach(current.application.applicant.aadObjectId);
    const complete = (application: Application): ApplicationOutcome =>
      act(application, actorOf(who), 'completeTraining', this.deps.now(), t('hr.trainings.comment'));
    const changed = await changeApplication(this.deps, who, id, complete, VERBS.hrApplication, current);
    if ('refused' in changed) {
      // Moved meanwhile (another officer confirming the same list at once) is "moved already", not a failure.
      const now = await findApplication(this.deps, who, id);
      return { kind: now && pastTrainings(now.application.state) ? 'already' : 'skipped', name };
    }
    // Waited for (unlike a single decision's news), since the answer says the applicants were told.
    await notifyApplicant(this.deps, framework, changed.application, applicant, 'told');
    return { kind: 'moved', name };
  }

  private backToList(who: Who): { title: string; verb: typeof VERBS.hrApplications; data: object } {
    return { title: who.t('hr.detail.back'), verb: VERBS.hrApplications, data: {} };
  }
}
