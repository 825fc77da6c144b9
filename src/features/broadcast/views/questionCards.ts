import type { AdaptiveCard } from '../../../cards/renderCard';
import type { Broadcast } from '../../../domain/broadcast/broadcast';
import type { Translate } from '../../../i18n';
import { noticeCard } from '../../notices';
import { VERBS } from '../../verbs';
import { grouped } from './describe';

/** "Stop sending …?": stopping takes a second, deliberate click. */
export function cancelQuestionCard(broadcast: Broadcast, t: Translate): AdaptiveCard {
  return noticeCard(t, t('broadcast.title'), t('broadcast.cancel.confirm', { title: broadcast.notice.title }), 'warning', {
    title: t('broadcast.cancel.yes'),
    verb: VERBS.hrBroadcastCancel,
    data: { broadcastId: broadcast.id, confirmed: true },
  });
}

/** "Send again to the N people not reached?": a new round takes a second, deliberate click. */
export function retryQuestionCard(broadcast: Broadcast, t: Translate): AdaptiveCard {
  const { failed, unreachable } = broadcast.progress;
  const counts = { count: grouped(failed + unreachable), failed: grouped(failed), unreachable: grouped(unreachable) };
  return noticeCard(t, t('broadcast.title'), t('broadcast.retry.confirm', counts), 'warning', {
    title: t('broadcast.retry.yes'),
    verb: VERBS.hrBroadcastRetry,
    data: { broadcastId: broadcast.id, confirmed: true },
  });
}
