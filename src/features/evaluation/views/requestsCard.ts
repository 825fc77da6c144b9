import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Evaluation } from '../../../domain/evaluation/evaluation';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, Translate } from '../../../i18n';
import { formatDate } from '../../../i18n/formatDate';
import { tierName, viewpointOf } from './describe';

/** One thing a rater is asked to rate: an evaluation, from one viewpoint. */
export interface RatingRequest {
  readonly evaluation: Evaluation;
  readonly viewpoint: string;
  readonly rated: boolean;
}

/** The open evaluations someone is asked to rate, rated or not yet, each opening its rating card. */
export function requestsCard(framework: Framework, requests: readonly RatingRequest[], t: Translate, locale: Locale): AdaptiveCard {
  return renderCard('evaluationRequests', {
    rows: requests.map(({ evaluation: e, viewpoint, rated }) => ({
      evaluationId: e.id,
      viewpoint,
      title: t('evaluation.list.rowTitle', { name: e.candidate.name, tier: tierName(framework, e.tier) }),
      line: t('evaluation.requests.line', {
        viewpoint: viewpointOf(framework, viewpoint).name,
        state: t(rated ? 'evaluation.requests.rated' : 'evaluation.requests.notRated'),
        date: formatDate(e.createdAt, locale),
      }),
      openLabel: t(rated ? 'evaluation.requests.change' : 'evaluation.requests.rate'),
    })),
    labels: {
      title: t('evaluation.requests.title'),
      hint: t('evaluation.requests.hint'),
      empty: t('evaluation.requests.empty'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
