import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { SearchHit } from '../../../domain/framework/search';
import type { Translate } from '../../../i18n';
import { actionFor } from './searchTargets';

/** How much of the user's text the card repeats back. */
const ECHO_CHARS = 40;

/** The answer to anything the bot did not understand: what might have been meant, and what to try. */
export function unknownInputCard(text: string, suggestions: readonly SearchHit[], t: Translate): AdaptiveCard {
  const echo = text.length > ECHO_CHARS ? `${text.slice(0, ECHO_CHARS)}…` : text;
  return renderCard('unknownInput', {
    suggestions: suggestions.map((hit) => ({ title: hit.title, ...actionFor(hit.target) })),
    examples: [
      t('unknown.example.menu'),
      t('unknown.example.level'),
      t('unknown.example.training'),
      t('unknown.example.search'),
    ],
    labels: {
      title: t('unknown.title', { text: echo }),
      didYouMean: t('unknown.didYouMean'),
      tryThese: t('unknown.tryThese'),
      ladder: t('common.ladder'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
