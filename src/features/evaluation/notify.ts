import { forEachLimited } from '../../concurrency';
import type { Evaluation, Rater } from '../../domain/evaluation/evaluation';
import type { Framework } from '../../domain/framework/framework';
import { missed, type CardBuilder, type Delivery } from '../notifier';
import type { EvaluationDeps, EvaluationWho } from './deps';
import { certifiedCard } from './views/noticeCards';
import { rateCard } from './views/rateCard';

/** Raters are different chats, so a few cards go out at once; Teams' limits per chat are not at stake. */
const PARALLEL_SENDS = 4;

/**
 * How the rating requests went: cards that arrived, raters the card waits for (kept until they open the bot), raters
 * who could not be reached at all, raters Teams is slow with.
 */
export interface RatingRequests {
  readonly delivered: number;
  readonly kept: readonly Rater[];
  readonly unreached: readonly Rater[];
  readonly stillSending: readonly Rater[];
}

/**
 * Sends each rater the card to rate from their viewpoint, in their language. Raters who could not be reached (they
 * never opened the bot, or Teams refused the send) get it when they next open the bot, and are listed for HR; the
 * evaluation goes on.
 */
export async function requestRatings(
  deps: Pick<EvaluationDeps, 'notifier' | 'logger'>,
  framework: Framework,
  evaluation: Evaluation,
  asked: readonly { viewpoint: string; rater: Rater }[],
): Promise<RatingRequests> {
  let delivered = 0;
  const kept: Rater[] = [];
  const unreached: Rater[] = [];
  const stillSending: Rater[] = [];
  await forEachLimited(asked, PARALLEL_SENDS, async ({ viewpoint, rater }) => {
    const letter = { kind: 'ratingRequest', frameworkId: framework.id, evaluationId: evaluation.id, viewpoint } as const;
    const delivery = await deps.notifier.sendToUser(rater.aadObjectId, rateRequestCard(framework, evaluation, viewpoint), letter);
    if (delivery.delivered) delivered++;
    else addOnce(!missed(delivery) ? stillSending : delivery.kept ? kept : unreached, rater);
  });
  const missing = kept.length + unreached.length;
  if (missing > 0) deps.logger.warn('rating requests not delivered', { evaluationId: evaluation.id, count: missing, kept: kept.length });
  return { delivered, kept, unreached, stillSending };
}

/** The card asking a rater to rate from one viewpoint. */
export function rateRequestCard(framework: Framework, evaluation: Evaluation, viewpoint: string): CardBuilder {
  return (t, locale) => rateCard(framework, evaluation, viewpoint, {}, t, locale);
}

/** One rater may be asked from two viewpoints: they are named once. */
function addOnce(raters: Rater[], rater: Rater): void {
  if (!raters.some((r) => r.aadObjectId === rater.aadObjectId)) raters.push(rater);
}

/** Tells the candidate, in their chat and language, that they are certified. */
export async function notifyCertified(
  deps: Pick<EvaluationDeps, 'notifier' | 'logger'>,
  framework: Framework,
  evaluation: Evaluation,
): Promise<Delivery> {
  const letter = { kind: 'certified', frameworkId: framework.id, evaluationId: evaluation.id } as const;
  const delivery = await deps.notifier.sendToUser(evaluation.candidate.aadObjectId, (t, locale) => certifiedCard(framework, evaluation, t, locale), letter);
  if (missed(delivery)) deps.logger.warn('certification not delivered to the candidate', { evaluationId: evaluation.id });
  return delivery;
}

/** The notice HR gets after asking raters: `done`, then who the card has not reached (yet), if anyone. */
export function ratingRequestsNotice(done: string, sent: RatingRequests, who: EvaluationWho): { text: string; style: 'good' | 'warning' } {
  const names = (raters: readonly Rater[]): string => raters.map((r) => r.name).join(who.t('evaluation.listSeparator'));
  const lines = [
    sent.kept.length > 0 ? who.t('evaluation.kept', { names: names(sent.kept) }) : '',
    sent.unreached.length > 0 ? who.t('evaluation.unreached', { names: names(sent.unreached) }) : '',
    sent.stillSending.length > 0 ? who.t('evaluation.stillSending', { names: names(sent.stillSending) }) : '',
  ].filter(Boolean);
  return { text: [done, ...lines].join('\n\n'), style: lines.length > 0 ? 'warning' : 'good' };
}
