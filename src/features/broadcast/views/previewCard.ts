import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Broadcast } from '../../../domain/broadcast/broadcast';
import type { Locale, Translate } from '../../../i18n';
import { formatDateTime } from '../../../i18n/formatDate';

/**
 * What a draft's card becomes once its preview is in the chat: the draft is saved, and HR goes on to choose the
 * recipients, edits the notice again, or leaves it for later.
 */
export function previewControlsCard(draft: Broadcast, savedAt: string, t: Translate, locale: Locale): AdaptiveCard {
  return renderCard('broadcastPreview', {
    broadcastId: draft.id,
    noticeTitle: draft.notice.title,
    saved: t('broadcast.preview.saved', { at: formatDateTime(savedAt, locale) }),
    labels: {
      title: t('broadcast.preview.title'),
      body: t('broadcast.preview.body'),
      audience: t('broadcast.preview.audience'),
      edit: t('broadcast.preview.edit'),
      backToList: t('broadcast.backToList'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
