import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Broadcast } from '../../../domain/broadcast/broadcast';
import type { Locale, Translate } from '../../../i18n';
import { formatDateTime } from '../../../i18n/formatDate';
import { describeAudience, people } from './describe';

/** How many people the audience names now, and how many of them the bot cannot reach (the app is not installed). */
export interface RecipientCount {
  readonly total: number;
  readonly unreachable: number;
}

/**
 * The last look before sending: the title, who and how many, how many cannot be reached, and when. "Send" carries
 * the ETag of the draft shown, so only what HR saw here can be sent; with nobody to send to there is no "send".
 */
export function reviewCard(draft: Broadcast, count: RecipientCount, t: Translate, locale: Locale): AdaptiveCard {
  const canSend = count.total > 0;
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
    closing: canSend ? t('broadcast.review.warning') : t('broadcast.review.nobody'),
    closingStyle: canSend ? 'emphasis' : 'attention',
    labels: {
      title: t('broadcast.review.title'),
      subject: t('broadcast.review.subject'),
      send: t('broadcast.review.send'),
      back: t('broadcast.audience.back'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
