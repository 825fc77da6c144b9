import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { SearchHit } from '../../../domain/framework/search';
import type { Translate } from '../../../i18n';
import { actionFor } from './searchTargets';

/** How many results one card lists; more would make a wall nobody reads. */
export const RESULTS_SHOWN = 8;

/** Ranked search results, the best few listed, each opening its item; the count covers all of `hits`. */
export function searchResultsCard(query: string, hits: readonly SearchHit[], t: Translate): AdaptiveCard {
  const shown = hits.slice(0, RESULTS_SHOWN);
  return renderCard('searchResults', {
    hits: shown.map((hit) => ({
      title: hit.title,
      snippet: hit.snippet,
      kind: t(`search.kind.${hit.target.kind}`),
      ...actionFor(hit.target, query),
    })),
    labels: {
      title: t('search.title', { query }),
      count:
        hits.length > RESULTS_SHOWN
          ? t('search.countLimited', { count: hits.length, shown: RESULTS_SHOWN })
          : t('search.count', { count: hits.length }),
      backToMenu: t('common.backToMenu'),
    },
  });
}
