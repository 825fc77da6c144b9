import type { AdaptiveCard } from '../../../cards/renderCard';
import type { Evaluation } from '../../../domain/evaluation/evaluation';
import type { Framework } from '../../../domain/framework/framework';
import type { RatingStep } from '../../../domain/framework/schema';
import type { Locale, Translate } from '../../../i18n';
import { formatDate } from '../../../i18n/formatDate';
import { noticeCard } from '../../notices';
import { VERBS } from '../../verbs';
import { stepLabel, tierName, viewpointOf } from './describe';

/** In a city whose framework has no multi-rater evaluation, every evaluation word and button answers this. */
export function notUsedCard(framework: Framework, t: Translate): AdaptiveCard {
  return noticeCard(t, t('evaluation.title'), t('evaluation.notUsed', { city: framework.document.city }), 'default');
}

/** "Certify …?" or "Close without certifying …?": either is final, so it takes a second, deliberate click. */
export function closeQuestionCard(framework: Framework, evaluation: Evaluation, decision: 'certify' | 'notCertify', t: Translate): AdaptiveCard {
  const names = { name: evaluation.candidate.name, tier: tierName(framework, evaluation.tier) };
  const certify = decision === 'certify';
  return noticeCard(t, t('evaluation.title'), t(certify ? 'evaluation.certify.confirm' : 'evaluation.close.confirm', names), 'warning', {
    title: t(certify ? 'evaluation.certify.yes' : 'evaluation.close.yes'),
    verb: certify ? VERBS.hrEvaluationCertify : VERBS.hrEvaluationClose,
    data: { evaluationId: evaluation.id, confirmed: true },
  });
}

/** The thanks after a rating, with the way to change it while the evaluation is open. */
export function ratedCard(framework: Framework, evaluation: Evaluation, viewpoint: string, step: RatingStep, t: Translate, locale: Locale): AdaptiveCard {
  const body = t('evaluation.rated.body', {
    name: evaluation.candidate.name,
    viewpoint: viewpointOf(framework, viewpoint).name,
    label: stepLabel(step, locale),
  });
  return noticeCard(t, t('evaluation.rated.title'), body, 'good', {
    title: t('evaluation.rated.change'),
    verb: VERBS.evaluationOpen,
    data: { evaluationId: evaluation.id, viewpoint },
  });
}

/** The candidate's news: certified for the tier. */
export function certifiedCard(framework: Framework, evaluation: Evaluation, t: Translate, locale: Locale): AdaptiveCard {
  const at = formatDate(evaluation.closedAt ?? evaluation.updatedAt, locale);
  return noticeCard(t, t('evaluation.notify.title'), t('evaluation.notify.certified', { tier: tierName(framework, evaluation.tier), at }), 'good');
}
