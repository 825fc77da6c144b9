import type { AdaptiveCard } from '../../cards/renderCard';
import { mayRate, rate, viewpointsOf, type Evaluation } from '../../domain/evaluation/evaluation';
import { actorOf } from '../applications/who';
import { noticeCard } from '../notices';
import type { EvaluationDeps, EvaluationWho } from './deps';
import { evaluationNotFound, refusalCard, toRequests } from './storedEvaluation';
import { ratedCard } from './views/noticeCards';
import { rateCard, type RatingInput } from './views/rateCard';
import { requestsCard, type RatingRequest } from './views/requestsCard';

/** A second try when the rater's own row changed between reading and writing it (the card open in two windows). */
const WRITE_TRIES = 2;

/**
 * Rating, as a rater: the evaluations one is asked to rate, the rating card, and sending a rating (again, to change it,
 * while the evaluation is open). Only a rater HR named for the viewpoint may rate from it, never the candidate: the
 * sender of the activity is checked against the stored evaluation, whatever the card says.
 */
export class RateFlow {
  constructor(private readonly deps: EvaluationDeps) {}

  /** The open evaluations the sender is asked to rate, from each of their viewpoints. */
  async requests(who: EvaluationWho): Promise<AdaptiveCard> {
    const open = await this.deps.evaluations.listOpen(who.framework.id);
    const requests: RatingRequest[] = [];
    for (const { evaluation } of open) {
      for (const viewpoint of viewpointsOf(evaluation, who.aadObjectId)) {
        const rated = (await this.deps.evaluations.findRating(evaluation.id, viewpoint, who.aadObjectId)) !== undefined;
        requests.push({ evaluation, viewpoint, rated });
      }
    }
    return requestsCard(who.framework, requests, who.t, who.locale);
  }

  /** The rating card, with the sender's rating so far. */
  async open(who: EvaluationWho, id: string, viewpoint: string): Promise<AdaptiveCard> {
    const stored = await this.deps.evaluations.find(who.framework.id, id);
    if (!stored) return evaluationNotFound(this.deps, who, id, toRequests(who));
    const { evaluation } = stored;
    const refusal = mayRate(evaluation, who, viewpoint);
    if (refusal) {
      this.deps.logger.warn('rating card refused', { evaluationId: id, by: who.aadObjectId, refusal });
      return refusalCard(who, refusal, evaluation, toRequests(who));
    }
    const previous = await this.deps.evaluations.findRating(id, viewpoint, who.aadObjectId);
    return rateCard(who.framework, evaluation, viewpoint, { previous: previous?.rating }, who.t, who.locale);
  }

  /** Stores the sender's rating (new or changed) and thanks them; a value off the scale gets the card back, explained. */
  async rate(who: EvaluationWho, id: string, viewpoint: string, input: RatingInput): Promise<AdaptiveCard> {
    const { t } = who;
    const stored = await this.deps.evaluations.find(who.framework.id, id);
    if (!stored) return evaluationNotFound(this.deps, who, id, toRequests(who));
    const { evaluation } = stored;
    const value = /^\d{1,2}$/.test(input.rating) ? Number(input.rating) : Number.NaN;
    for (let attempt = 1; attempt <= WRITE_TRIES; attempt++) {
      const previous = await this.deps.evaluations.findRating(id, viewpoint, who.aadObjectId);
      const outcome = rate(evaluation, actorOf(who), { viewpoint, value, comment: input.comment }, previous?.rating, this.deps.now());
      if (!outcome.ok && outcome.refusal === 'offScale') {
        return rateCard(who.framework, evaluation, viewpoint, { previous: previous?.rating, input, note: t('evaluation.refusal.offScale') }, t, who.locale);
      }
      if (!outcome.ok) {
        this.deps.logger.warn('rating refused', { evaluationId: id, by: who.aadObjectId, refusal: outcome.refusal });
        return refusalCard(who, outcome.refusal, evaluation, toRequests(who));
      }
      const etag = await this.deps.evaluations.saveRating(outcome.rating, previous?.etag);
      if (!etag) continue;
      // HR may have certified or closed it while this rating was on its way: once decided, no rating lands.
      const decided = await this.decidedMeanwhile(who, id);
      if (decided) {
        await this.deps.evaluations.restoreRating(outcome.rating, etag, previous?.rating);
        this.deps.logger.warn('rating refused', { evaluationId: id, by: who.aadObjectId, refusal: 'closed' });
        return refusalCard(who, 'closed', decided, toRequests(who));
      }
      const step = evaluation.scale.find((s) => s.value === value)!;
      return ratedCard(who.framework, evaluation, viewpoint, step, t, who.locale);
    }
    return noticeCard(t, t('evaluation.refusal.title'), t('evaluation.changedMeanwhile'), 'warning', toRequests(who));
  }

  /** The evaluation as it is now, if it is no longer open. */
  private async decidedMeanwhile(who: EvaluationWho, id: string): Promise<Evaluation | undefined> {
    const latest = await this.deps.evaluations.find(who.framework.id, id);
    return latest && latest.evaluation.state !== 'open' ? latest.evaluation : undefined;
  }
}
