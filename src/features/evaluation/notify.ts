import { forEachLimited } from '../../concurrency';
import type { Evaluation, Rater } from '../../domain/evaluation/evaluation';
import type { Framework } from '../../domain/framework/framework';
import type { Delivery } from '../notifier';
import type { EvaluationDeps, EvaluationWho } from './deps';
import { certifiedCard } from './views/noticeCards';
import { rateCard } from './views/rateCard';

/** Raters are different chats, so a few cards go out at once; Teams' limits per chat are not at stake. */
const PARALLEL_SENDS = 4;

/**
 * Sends each rater the card to rate from their viewpoint, in their language. Returns how many cards arrived and who
 * could not be reached (they never opened the bot, or Teams refused the send): HR is told, the evaluation goes on.
 */
export async function requestRatings(
  deps: Pick<EvaluationDeps, 'notifier' | 'logger'>,
  framework: Framework,
  evaluation: Evaluation,
  asked: readonly { viewpoint: string; rater: Rater }[],
): Promise<{ delivered: number; unreached: Rater[] }> {
  let delivered = 0;
  const unreached: Rater[] = [];
  await forEachLimited(asked, PARALLEL_SENDS, async ({ viewpoint, rater }) => {
    const delivery = await deps.notifier.sendToUser(rater.aadObjectId, (t, locale) => rateCard(framework, evaluation, viewpoint, {}, t, locale));
    if (delivery.delivered) delivered++;
    else if (!unreached.some((r) => r.aadObjectId === rater.aadObjectId)) unreached.push(rater);
  });
  if (unreached.length > 0) deps.logger.warn('rating requests not delivered', { evaluationId: evaluation.id, count: unreached.length });
  return { delivered, unreached };
}

/** Tells the candidate, in their chat and language, that they are certified. */
export async function notifyCertified(
  deps: Pick<EvaluationDeps, 'notifier' | 'logger'>,
  framework: Framework,
  evaluation: Evaluation,
): Promise<Delivery> {
  const delivery = await deps.notifier.sendToUser(evaluation.candidate.aadObjectId, (t, locale) => certifiedCard(framework, evaluation, t, locale));
  if (!delivery.delivered) deps.logger.warn('certification not delivered to the candidate', { evaluationId: evaluation.id });
  return delivery;
}

/** "The card could not reach …", or "" when everyone was. */
export function unreachedLine(unreached: readonly Rater[], who: EvaluationWho): string {
  if (unreached.length === 0) return '';
  return who.t('evaluation.unreached', { names: unreached.map((r) => r.name).join(who.t('evaluation.listSeparator')) });
}
