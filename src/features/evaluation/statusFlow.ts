import type { AdaptiveCard } from '../../cards/renderCard';
import { aggregate } from '../../domain/evaluation/aggregate';
import { close, remind, unratedRaters, type Evaluation, type EvaluationOutcome } from '../../domain/evaluation/evaluation';
import { actorOf } from '../applications/who';
import type { EvaluationDeps, EvaluationWho } from './deps';
import { notifyCertified, ratingRequestsNotice, requestRatings } from './notify';
import { undeliveredLine } from '../notifier';
import { backToList, backToStatus, changeEvaluation, evaluationNotFound, refusalCard } from './storedEvaluation';
import { tierName } from './views/describe';
import { closeQuestionCard } from './views/noticeCards';
import { evaluationStatusCard, type StatusNote } from './views/statusCard';

/**
 * One evaluation, as HR: where the ratings stand per viewpoint, asking the raters who have not rated again, and
 * closing it, certified or not. Certifying and closing each take a second, deliberate click, are written under the
 * ETag they were read with, and are final.
 */
export class StatusFlow {
  constructor(private readonly deps: EvaluationDeps) {}

  /**
   * The status card, with a note on what just happened if anything did. An HR officer who is the candidate does not see
   * their own ratings: raters speak freely because the candidate does not read them.
   */
  async status(who: EvaluationWho, id: string, note?: StatusNote): Promise<AdaptiveCard> {
    const found = await this.find(who, id);
    return 'card' in found ? found.card : this.card(who, found.evaluation, note);
  }

  /** Sends the card again to every rater who has not rated yet. */
  async remind(who: EvaluationWho, id: string): Promise<AdaptiveCard> {
    const { t } = who;
    const found = await this.find(who, id);
    if ('card' in found) return found.card;
    const pending = unratedRaters(found.evaluation, await this.deps.evaluations.listRatings(id));
    if (pending.length === 0 && found.evaluation.state === 'open') {
      return this.card(who, found.evaluation, { text: t('evaluation.remind.nobody'), style: 'default' });
    }
    const changed = await changeEvaluation(this.deps, who, id, (e) => remind(e, actorOf(who), pending.length, this.deps.now()));
    if ('refused' in changed) return changed.refused;
    const { evaluation } = changed.stored;
    const sent = await requestRatings(this.deps, who.framework, evaluation, pending);
    return this.card(who, evaluation, ratingRequestsNotice(t('evaluation.remind.done', { count: sent.delivered }), sent, who));
  }

  /** Certifies the candidate for the tier: recorded as their certification, and the candidate is told. */
  async certify(who: EvaluationWho, id: string, confirmed: boolean): Promise<AdaptiveCard> {
    const closed = await this.closeAfterAsking(who, id, 'certify', confirmed);
    if ('card' in closed) return closed.card;
    const { evaluation } = closed;
    await this.recordCertification(who, evaluation);
    const delivery = await notifyCertified(this.deps, who.framework, evaluation);
    const { t } = who;
    const done = t('evaluation.certify.done', { name: evaluation.candidate.name, tier: tierName(who.framework, evaluation.tier) });
    return this.card(who, evaluation, {
      text: [done, undeliveredLine(t, delivery, evaluation.candidate.name)].filter(Boolean).join('\n\n'),
      style: delivery.delivered ? 'good' : 'warning',
    });
  }

  /** Ends the evaluation without certifying. */
  async closeWithoutCertifying(who: EvaluationWho, id: string, confirmed: boolean): Promise<AdaptiveCard> {
    const closed = await this.closeAfterAsking(who, id, 'notCertify', confirmed);
    if ('card' in closed) return closed.card;
    return this.card(who, closed.evaluation, { text: who.t('evaluation.close.done'), style: 'good' });
  }

  /**
   * Closes the evaluation after asking once: the question comes only when the step is possible now (an incomplete
   * evaluation is refused at the first click, saying which viewpoints lack a rating).
   */
  private async closeAfterAsking(
    who: EvaluationWho,
    id: string,
    decision: 'certify' | 'notCertify',
    confirmed: boolean,
  ): Promise<{ evaluation: Evaluation } | { card: AdaptiveCard }> {
    const found = await this.find(who, id);
    if ('card' in found) return found;
    const ratings = await this.deps.evaluations.listRatings(id);
    const step = (e: Evaluation): EvaluationOutcome => close(e, actorOf(who), decision, ratings, this.deps.now());
    const trial = step(found.evaluation);
    if (!trial.ok) return { card: refusalCard(who, trial.refusal, found.evaluation, backToStatus(who, id), trial.missing) };
    if (!confirmed) return { card: closeQuestionCard(who.framework, found.evaluation, decision, who.t) };
    const changed = await changeEvaluation(this.deps, who, id, step);
    if ('refused' in changed) return { card: changed.refused };
    this.deps.logger.info('evaluation closed', { evaluationId: id, by: who.aadObjectId, state: changed.stored.evaluation.state });
    return { evaluation: changed.stored.evaluation };
  }

  /**
   * Records the tier on the candidate, keeping the higher one they may hold already (an エキスパート certified again as
   * アドバイザー stays エキスパート). Conditional, so two certifications at once cannot leave the lower tier recorded.
   */
  private async recordCertification(who: EvaluationWho, evaluation: Evaluation): Promise<void> {
    const { framework } = who;
    const rank = framework.tierRank(evaluation.tier);
    const certification = {
      frameworkId: evaluation.frameworkId,
      aadObjectId: evaluation.candidate.aadObjectId,
      tier: evaluation.tier,
      fiscalYear: evaluation.fiscalYear,
      certifiedAt: evaluation.closedAt ?? evaluation.updatedAt,
      // The record names what certified the person: here the evaluation.
      applicationId: evaluation.id,
    };
    for (;;) {
      const held = await this.deps.certifications.findWithEtag(evaluation.frameworkId, evaluation.candidate.aadObjectId);
      const heldRank = held ? framework.tierRank(held.certification.tier) : -1;
      if (held && (held.certification.tier === evaluation.tier || (heldRank >= 0 && heldRank >= rank))) return;
      if (await this.deps.certifications.recordIfUnchanged(certification, held?.etag)) return;
    }
  }

  /** The evaluation HR asks about; "not found", or a refusal for the candidate, as the card to answer with. */
  private async find(who: EvaluationWho, id: string): Promise<{ evaluation: Evaluation } | { card: AdaptiveCard }> {
    const stored = await this.deps.evaluations.find(who.framework.id, id);
    if (!stored) return { card: evaluationNotFound(this.deps, who, id, backToList(who)) };
    if (who.aadObjectId.toLowerCase() === stored.evaluation.candidate.aadObjectId.toLowerCase()) {
      this.deps.logger.warn('own evaluation refused', { evaluationId: id, by: who.aadObjectId });
      return { card: refusalCard(who, 'ownEvaluation', stored.evaluation, backToList(who)) };
    }
    return { evaluation: stored.evaluation };
  }

  private async card(who: EvaluationWho, evaluation: Evaluation, note?: StatusNote): Promise<AdaptiveCard> {
    const result = aggregate(evaluation, await this.deps.evaluations.listRatings(evaluation.id));
    return evaluationStatusCard(who.framework, evaluation, result, who.t, who.locale, note);
  }
}
