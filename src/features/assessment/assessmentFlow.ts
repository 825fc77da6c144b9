import type { AdaptiveCard } from '../../cards/renderCard';
import {
  applyAnswer,
  cancelAssessment,
  currentStep,
  goBack,
  progressOf,
  startAssessment,
  type AnswerOutcome,
  type AnswerRefusal,
  type Assessment,
  type AssessmentAnswer,
} from '../../domain/assessment/assessment';
import { historyOf } from '../../domain/assessment/history';
import { scoreAssessment } from '../../domain/assessment/scoring';
import { todayInJapan } from '../../domain/training/trainingSession';
import type { MessageKey } from '../../i18n';
import type { ApplicationWindowRepository } from '../../storage/applicationWindowRepository';
import { newAssessmentId, type AssessmentRepository } from '../../storage/assessmentRepository';
import { summaryOf, type AssessmentSummaryRepository } from '../../storage/assessmentSummaryRepository';
import { isConcurrencyConflict } from '../../storage/storageErrors';
import type { TrainingRecordRepository } from '../../storage/trainingRecordRepository';
import type { TrainingSessionRepository } from '../../storage/trainingSessionRepository';
import type { StaffWho } from '../applications/who';
import { noticeCard, type NoticeAction } from '../notices';
import { VERBS } from '../verbs';
import { historyCard } from './views/historyCard';
import { resultCard } from './views/resultCard';
import { roleStepCard } from './views/roleStepCard';
import { startCard } from './views/startCard';
import { skillsStepCard, targetStepCard, type StepContext } from './views/stepCards';

/** How many past results the history shows. */
const RECENT = 20;

/** What the flow needs from outside. */
export interface AssessmentDeps {
  readonly assessments: AssessmentRepository;
  readonly windows: ApplicationWindowRepository;
  /** Each employee's latest result in short, for HR's figures and exports and the manager's team view. */
  readonly summaries: Pick<AssessmentSummaryRepository, 'record'>;
  /** What the employee has taken and what is scheduled, to mark the result's programs with. */
  readonly trainingRecords: Pick<TrainingRecordRepository, 'listForEmployee'>;
  readonly trainingSessions: Pick<TrainingSessionRepository, 'listFrom'>;
  readonly now: () => Date;
}

/**
 * The self-assessment, step by step. Every answer is saved at once (so one can stop and come back after days,
 * or after a restart), and every change is a conditional write: two clicks at once make one transition.
 */
export class AssessmentFlow {
  constructor(private readonly deps: AssessmentDeps) {}

  /** The way in: an introduction, or "continue / start over" when one is in progress. */
  async open(who: StaffWho): Promise<AdaptiveCard> {
    const [inProgress] = await this.deps.assessments.listRecent(who.aadObjectId, 1, 'inProgress');
    const [finished] = await this.deps.assessments.listRecent(who.aadObjectId, 1, 'completed');
    const progress = inProgress && { assessment: inProgress.assessment, ...progressOf(inProgress.assessment, who.framework) };
    return startCard(who.framework, progress, finished !== undefined, who.t, who.locale);
  }

  /**
   * Starts a new assessment, unless one is in progress: then the choice to continue or start over comes first.
   * Two starts at once make one assessment: the new one is written, then claimed as the user's current one with a
   * conditional write, and the loser of that race is removed again.
   */
  async start(who: StaffWho): Promise<AdaptiveCard> {
    const { assessments } = this.deps;
    const current = await assessments.findCurrent(who.aadObjectId);
    const running = current && (await assessments.find(who.aadObjectId, current.assessmentId));
    if (running?.assessment.status === 'inProgress') return this.open(who);
    const now = this.deps.now();
    const assessment = startAssessment(newAssessmentId(now), who.aadObjectId, who.framework, now);
    await assessments.create(assessment);
    if (!(await assessments.claimCurrent(who.aadObjectId, assessment.id, current?.etag))) {
      await assessments.discard(who.aadObjectId, assessment.id);
      return this.open(who);
    }
    return this.cardFor(who, assessment);
  }

  /** Shows where an assessment stands: the current step, or its result once finished. */
  async continue(who: StaffWho, assessmentId: string): Promise<AdaptiveCard> {
    const stored = await this.deps.assessments.find(who.aadObjectId, assessmentId);
    if (!stored) return this.refusal(who, 'notFound');
    if (stored.assessment.status === 'cancelled') return this.refusal(who, 'notInProgress');
    return this.cardFor(who, stored.assessment);
  }

  /**
   * Applies one answer and shows the next step (or the result). A refused answer changes nothing; the same answer
   * clicked again shows the step the assessment is on now.
   */
  async answer(who: StaffWho, assessmentId: string, step: string, answer: AssessmentAnswer): Promise<AdaptiveCard> {
    const changed = await this.commit(who, assessmentId, (a) => applyAnswer(a, who.framework, step, answer, this.deps.now()));
    return 'refused' in changed ? changed.refused : this.cardFor(who, changed.assessment);
  }

  /** 前へ: the step before `step`, with its answers, every later answer kept. */
  async back(who: StaffWho, assessmentId: string, step: string): Promise<AdaptiveCard> {
    const changed = await this.commit(who, assessmentId, (a) => goBack(a, who.framework, step, this.deps.now()));
    return 'refused' in changed ? changed.refused : this.cardFor(who, changed.assessment);
  }

  /** あとで続ける: says that every answer so far is kept, and how to come back to it. */
  async later(who: StaffWho, assessmentId: string): Promise<AdaptiveCard> {
    const { t } = who;
    const stored = await this.deps.assessments.find(who.aadObjectId, assessmentId);
    if (!stored) return this.refusal(who, 'notFound');
    if (stored.assessment.status !== 'inProgress') return this.refusal(who, 'notInProgress', stored.assessment);
    const { answered, total } = progressOf(stored.assessment, who.framework);
    const body = t('assessment.saved.body', { done: answered, total, menu: t('menu.assessment') });
    return noticeCard(t, t('assessment.saved.title'), body, 'good', this.continueAction(who, assessmentId));
  }

  /**
   * Cancels an assessment in progress, after a confirmation (answers are discarded); with `restart`, a new one
   * begins straight away.
   */
  async cancel(who: StaffWho, assessmentId: string, options: { restart: boolean; confirmed: boolean }): Promise<AdaptiveCard> {
    const { t } = who;
    if (!options.confirmed) {
      // Only an assessment that can be cancelled gets the question; anything else is explained at once.
      const stored = await this.deps.assessments.find(who.aadObjectId, assessmentId);
      if (!stored) return this.refusal(who, 'notFound');
      if (stored.assessment.status !== 'inProgress') return this.refusal(who, 'notInProgress', stored.assessment);
      const [title, body, yes] = options.restart
        ? (['assessment.restartQuestion', 'assessment.confirmRestart', 'assessment.restart'] as const)
        : (['assessment.cancelQuestion', 'assessment.confirmCancel', 'assessment.confirmStop'] as const);
      return noticeCard(t, t(title), t(body), 'warning', [
        { title: t(yes), verb: VERBS.assessmentCancel, data: { assessmentId, ...(options.restart ? { then: 'restart' } : {}), confirmed: true } },
        { ...this.continueAction(who, assessmentId), title: t('assessment.keepGoing') },
      ]);
    }
    const changed = await this.commit(who, assessmentId, (a) => cancelAssessment(a, this.deps.now()));
    if ('refused' in changed) return changed.refused;
    // Another click (an answer) got there first: the assessment goes on, and is shown where it is.
    if (changed.assessment.status !== 'cancelled') return this.cardFor(who, changed.assessment);
    if (options.restart) return this.start(who);
    return noticeCard(who.t, who.t('assessment.title'), who.t('assessment.cancelled'), 'default', {
      title: who.t('assessment.start'),
      verb: VERBS.assessmentStart,
      data: {},
    });
  }

  /** The result of one of the user's finished assessments. */
  async result(who: StaffWho, assessmentId: string): Promise<AdaptiveCard> {
    const stored = await this.deps.assessments.find(who.aadObjectId, assessmentId);
    if (!stored) return this.refusal(who, 'notFound');
    return this.cardFor(who, stored.assessment);
  }

  /** Past results, newest first, with how they moved. */
  async history(who: StaffWho): Promise<AdaptiveCard> {
    const finished = await this.deps.assessments.listRecent(who.aadObjectId, RECENT, 'completed');
    return historyCard(who.framework, historyOf(finished.map((r) => r.assessment)), who.t, who.locale);
  }

  /**
   * Changes the assessment and writes it back with the ETag it was read with: first as this instance last saw it,
   * which saves the read when the person's previous click came here too (the ETag says whether it is still so); else,
   * or when that guess is refused or out of date, as read now. A refused change comes back as the card that explains
   * it, and nothing is written. A repeat (the same click twice, an old card of a step already answered) and a race
   * lost to another click come back as the assessment as it stands, to be shown where it is.
   */
  private async commit(
    who: StaffWho,
    assessmentId: string,
    transition: (assessment: Assessment) => AnswerOutcome,
  ): Promise<{ assessment: Assessment } | { refused: AdaptiveCard }> {
    const seen = this.deps.assessments.lastSeen(who.aadObjectId, assessmentId);
    const guess = seen && transition(seen.assessment);
    if (seen && guess?.ok) {
      try {
        return { assessment: (await this.deps.assessments.update(guess.assessment, seen.etag)).assessment };
      } catch (err) {
        if (!isConcurrencyConflict(err)) throw err;
        // Changed elsewhere since this instance saw it: done as if nothing had been seen.
      }
    }
    return this.commitAsStored(who, assessmentId, transition);
  }

  /** `commit` on the assessment as read now. */
  private async commitAsStored(
    who: StaffWho,
    assessmentId: string,
    transition: (assessment: Assessment) => AnswerOutcome,
  ): Promise<{ assessment: Assessment } | { refused: AdaptiveCard }> {
    const stored = await this.deps.assessments.find(who.aadObjectId, assessmentId);
    if (!stored) return { refused: this.refusal(who, 'notFound') };
    const outcome = transition(stored.assessment);
    if (!outcome.ok) {
      if (outcome.refusal === 'staleStep') return { assessment: stored.assessment };
      return { refused: this.refusal(who, outcome.refusal, stored.assessment) };
    }
    try {
      await this.deps.assessments.update(outcome.assessment, stored.etag);
    } catch (err) {
      if (!isConcurrencyConflict(err)) throw err;
      // Someone else's click won (most often the same one, twice): what it left, unless that ended it by a cancel.
      const now = (await this.deps.assessments.find(who.aadObjectId, assessmentId))?.assessment ?? stored.assessment;
      return now.status === 'cancelled' ? { refused: this.refusal(who, 'notInProgress', now) } : { assessment: now };
    }
    return { assessment: outcome.assessment };
  }

  /** The card for where an assessment stands now. */
  private async cardFor(who: StaffWho, assessment: Assessment): Promise<AdaptiveCard> {
    if (assessment.status === 'completed' && assessment.result && assessment.completedAt) {
      // Recorded whenever a result is shown, first by the answer that completes it: should that write fail, showing
      // the result again records it. An older result never replaces a newer one.
      const summary = summaryOf(assessment);
      if (summary) await this.deps.summaries.record(summary);
      const now = this.deps.now();
      const today = todayInJapan(now);
      // Read at once: the result waits for the slowest of the three, not for their sum.
      const [windows, records, sessions] = await Promise.all([
        this.deps.windows.findOpen(who.framework.id, now),
        this.deps.trainingRecords.listForEmployee(who.framework.id, who.employee.employeeNo),
        this.deps.trainingSessions.listFrom(who.framework.id, today),
      ]);
      return resultCard(who.framework, assessment.result, assessment.completedAt, windows, who.t, who.locale, { records, sessions, today });
    }
    const context: StepContext = { ...who, assessment };
    const step = currentStep(assessment, who.framework);
    switch (step.kind) {
      case 'role':
        return roleStepCard(context, step.category);
      case 'skills':
        return skillsStepCard(context, step.level);
      case 'target':
      case 'done':
        return targetStepCard(context);
    }
  }

  /** The button back into an assessment: its current step, or its result. */
  private continueAction(who: StaffWho, assessmentId: string): NoticeAction {
    return { title: who.t('assessment.continue'), verb: VERBS.assessmentContinue, data: { assessmentId } };
  }

  /** A refused answer: what happened, and the way back into the assessment when there is one. */
  private refusal(who: StaffWho, refusal: ExplainedRefusal, assessment?: Assessment): AdaptiveCard {
    const { t } = who;
    const body = t(REFUSAL_MESSAGES[refusal], {
      overall: assessment ? scoreAssessment(who.framework, assessment.rolePositions, {}, 1).overallRoleLevel : 1,
    });
    // Back into the assessment (its current step, or its result); a cancelled or unknown one can only start anew.
    const next =
      assessment && assessment.status !== 'cancelled'
        ? this.continueAction(who, assessment.id)
        : { title: t('assessment.start'), verb: VERBS.assessmentOpen, data: {} };
    return noticeCard(t, t('assessment.refusal.title'), body, 'warning', next);
  }
}

/** The refusals that are explained; a stale step is no mistake, and is answered with the step one is on. */
type ExplainedRefusal = Exclude<AnswerRefusal, 'staleStep'> | 'notFound';

const REFUSAL_MESSAGES: Record<ExplainedRefusal, MessageKey> = {
  notFound: 'assessment.refusal.notFound',
  notInProgress: 'assessment.refusal.notInProgress',
  skippedStep: 'assessment.refusal.skippedStep',
  unknownLevel: 'assessment.refusal.invalid',
  unknownSkill: 'assessment.refusal.invalid',
  ratingOutOfScale: 'assessment.refusal.invalid',
  missingRating: 'assessment.refusal.missingRating',
  targetTooLow: 'assessment.refusal.targetTooLow',
};
