import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Broadcast } from '../../../domain/broadcast/broadcast';
import type { Locale, Translate } from '../../../i18n';
import { formatDateTime } from '../../../i18n/formatDate';

/** A link to download a broadcast's results as CSV, and until when it works. */
export function exportCard(
  broadcast: Broadcast,
  link: { url: string; expiresAt: string; minutes: number },
  t: Translate,
  locale: Locale,
): AdaptiveCard {
  return renderCard('broadcastExport', {
    broadcastId: broadcast.id,
    noticeTitle: broadcast.notice.title,
    url: link.url,
    body: t('broadcast.export.body', { at: formatDateTime(link.expiresAt, locale), minutes: link.minutes }),
    labels: {
      title: t('broadcast.export.title'),
      download: t('broadcast.export.download'),
      backToStatus: t('broadcast.backToStatus'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
