import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Broadcast } from '../../../domain/broadcast/broadcast';
import type { Locale, Translate } from '../../../i18n';
import { formatDateTime } from '../../../i18n/formatDate';
import { stateLabel } from './describe';

/** HR's broadcasts, newest first, each with how far it came and a button to open it; and "write a new notice". */
export function broadcastListCard(broadcasts: readonly Broadcast[], t: Translate, locale: Locale): AdaptiveCard {
  return renderCard('broadcastList', {
    rows: broadcasts.map((b) => ({
      broadcastId: b.id,
      title: b.notice.title,
      line: t('broadcast.list.row', {
        state: stateLabel(b.state, t),
        sent: b.progress.sent,
        total: b.progress.total,
        // The moment that matters most in each state: when it finished, started, will start, or was written.
        at: formatDateTime(b.finishedAt ?? b.startedAt ?? b.startAt ?? b.createdAt, locale),
      }),
      openLabel: t('broadcast.list.open'),
    })),
    labels: {
      title: t('broadcast.title'),
      hint: t('broadcast.list.hint'),
      new: t('broadcast.list.new'),
      empty: t('broadcast.list.empty'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
