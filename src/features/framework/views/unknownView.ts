import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { SearchHit } from '../../../domain/framework/search';
import type { Translate } from '../../../i18n';
import type { NoticeAction } from '../../notices';
import { actionFor } from './searchTargets';

/** How much of the user's text the card repeats back. */
const ECHO_CHARS = 40;

/**
 * The answer to anything the bot did not understand: what in the framework might have been meant, the likeliest
 * actions as buttons (`offers`), and what to try.
 */
export function unknownInputCard(text: string, suggestions: readonly SearchHit[], offers: readonly NoticeAction[], t: Translate): AdaptiveCard {
  const echo = text.length > ECHO_CHARS ? `${text.slice(0, ECHO_CHARS)}…` : text;
  return renderCard('unknownInput', {
    suggestions: suggestions.map((hit) => ({ title: hit.title, ...actionFor(hit.target) })),
    offers,
    examples: [
      t('unknown.example.assessment'),
      t('unknown.example.apply'),
      t('unknown.example.approvals'),
      t('unknown.example.question'),
    ],
    labels: {
      title: t('unknown.title', { text: echo }),
      didYouMean: t('unknown.didYouMean'),
      tryThese: t('unknown.tryThese'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
