import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Broadcast } from '../../../domain/broadcast/broadcast';
import type { RefusedButton } from '../../../domain/broadcast/noticeWindows';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, Translate } from '../../../i18n';
import { formatDateTime } from '../../../i18n/formatDate';
import { describeAudience, people } from './describe';
import { refusedButtonLines } from './trackWindows';

/** How many people the audience names now, and how many of them the bot cannot reach (the app is not installed). */
export interface RecipientCount {
  readonly total: number;
  readonly unreachable: number;
}

/**
 * The last look before sending: the title, who and how many, how many cannot be reached, and when. "Send" carries
 * the ETag of the draft shown, so only what HR saw here can be sent. There is no "send" with nobody to send to, nor
 * while an Apply button would be refused when the notice arrives (`refused`): the card says which, and offers to edit.
 */
export function reviewCard(
  framework: Framework,
  draft: Broadcast,
  count: RecipientCount,
  refused: readonly RefusedButton[],
  t: Translate,
  locale: Locale,
): AdaptiveCard {
  const canSend = count.total > 0 && refused.length === 0;
  return renderCard('broadcastReview', {
    broadcastId: draft.id,
    reviewed: draft.etag ?? '',
    canSend,
    // HR's own words are shown as typed, outside the FactSet (whose values Teams renders as markdown).
    noticeTitle: draft.notice.title,
    facts: [
      { title: t('broadcast.review.audience'), value: describeAudience(draft.audience, t) },
      { title: t('broadcast.review.count'), value: people(count.total, t) },
      { title: t('broadcast.review.unreachable'), value: t('broadcast.review.unreachableValue', { count: people(count.unreachable, t) }) },
      { title: t('broadcast.review.when'), value: draft.startAt ? formatDateTime(draft.startAt, locale) : t('broadcast.review.now') },
    ],
    installHint: count.unreachable > 0 ? t('broadcast.review.installHint') : '',
    refusedLines: refusedButtonLines(framework, refused, t, locale).map((line) => ({ line })),
    closing: closingOf(count, refused, t),
    closingStyle: canSend ? 'emphasis' : 'attention',
    labels: {
      title: t('broadcast.review.title'),
      subject: t('broadcast.review.subject'),
      send: t('broadcast.review.send'),
      refused: t('broadcast.refusedButtons.heading'),
      edit: t('broadcast.preview.edit'),
      back: t('broadcast.audience.back'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** The closing line: what "send" does, or why there is none. */
function closingOf(count: RecipientCount, refused: readonly RefusedButton[], t: Translate): string {
  if (refused.length > 0) return t('broadcast.review.refused');
  return count.total > 0 ? t('broadcast.review.warning') : t('broadcast.review.nobody');
}
