import type { AdaptiveCard } from '../../cards/renderCard';
import type { Evaluation, EvaluationOutcome, EvaluationRefusal } from '../../domain/evaluation/evaluation';
import type { StoredEvaluation } from '../../storage/evaluationRepository';
import type { MessageKey } from '../../i18n';
import { noticeCard, type NoticeAction } from '../notices';
import { VERBS } from '../verbs';
import type { EvaluationDeps, EvaluationWho } from './deps';
import { stateLabel, viewpointHeading } from './views/describe';

const MESSAGES: Record<EvaluationRefusal, MessageKey> = {
  notHr: 'evaluation.refusal.notHr',
  ownEvaluation: 'evaluation.refusal.ownEvaluation',
  notRater: 'evaluation.refusal.notRater',
  closed: 'evaluation.refusal.closed',
  offScale: 'evaluation.refusal.offScale',
  incomplete: 'evaluation.refusal.incomplete',
};

/** A few re-reads get a change through when someone else wrote first (another HR officer's reminder). */
const WRITE_TRIES = 3;

/** The way back to HR's list of evaluations. */
export function backToList(who: EvaluationWho): NoticeAction {
  return { title: who.t('evaluation.backToList'), verb: VERBS.hrEvaluations, data: {} };
}

/** The way back to one evaluation's status card. */
export function backToStatus(who: EvaluationWho, evaluationId: string): NoticeAction {
  return { title: who.t('evaluation.backToStatus'), verb: VERBS.hrEvaluationStatus, data: { evaluationId } };
}

/** The way to the evaluations one is asked to rate. */
export function toRequests(who: EvaluationWho): NoticeAction {
  return { title: who.t('evaluation.requests.title'), verb: VERBS.evaluationRequests, data: {} };
}

/** A refusal in the user's words; "incomplete" names the viewpoints still without a rating. */
export function refusalCard(
  who: EvaluationWho,
  refusal: EvaluationRefusal,
  evaluation: Evaluation,
  next: NoticeAction,
  missing: readonly string[] = [],
): AdaptiveCard {
  const { t } = who;
  const viewpoints = missing.map((id) => viewpointHeading(who.framework, id, t)).join(t('evaluation.listSeparator'));
  return noticeCard(t, t('evaluation.refusal.title'), t(MESSAGES[refusal], { state: stateLabel(evaluation, t), viewpoints }), 'warning', next);
}

/** "Not found", told to the user and logged: a forged id, or one of another framework. */
export function evaluationNotFound(deps: Pick<EvaluationDeps, 'logger'>, who: EvaluationWho, id: string, next: NoticeAction): AdaptiveCard {
  deps.logger.warn('unknown evaluation', { evaluationId: id, by: who.aadObjectId });
  return noticeCard(who.t, who.t('evaluation.refusal.title'), who.t('evaluation.notFound'), 'warning', next);
}

/**
 * Reads an evaluation, applies a step and writes it back under the ETag it was read with. A lost race is read and
 * decided again on the fresh evaluation, so two clicks at once make one change and the second is refused by the rules
 * ("already closed"). Nothing is written on a refusal.
 */
export async function changeEvaluation(
  deps: Pick<EvaluationDeps, 'evaluations' | 'logger'>,
  who: EvaluationWho,
  id: string,
  step: (evaluation: Evaluation) => EvaluationOutcome,
): Promise<{ stored: StoredEvaluation } | { refused: AdaptiveCard }> {
  for (let attempt = 1; attempt <= WRITE_TRIES; attempt++) {
    const current = await deps.evaluations.find(who.framework.id, id);
    if (!current) return { refused: evaluationNotFound(deps, who, id, backToList(who)) };
    const outcome = step(current.evaluation);
    if (!outcome.ok) {
      deps.logger.warn('evaluation change refused', { evaluationId: id, by: who.aadObjectId, refusal: outcome.refusal });
      return { refused: refusalCard(who, outcome.refusal, current.evaluation, backToStatus(who, id), outcome.missing) };
    }
    const written = await deps.evaluations.update(outcome.evaluation, current.etag);
    if (written) return { stored: written };
  }
  return { refused: noticeCard(who.t, who.t('evaluation.refusal.title'), who.t('evaluation.changedMeanwhile'), 'warning', backToStatus(who, id)) };
}
