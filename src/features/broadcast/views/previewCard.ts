import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Broadcast } from '../../../domain/broadcast/broadcast';
import type { RefusedButton } from '../../../domain/broadcast/noticeWindows';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, Translate } from '../../../i18n';
import { formatDateTime } from '../../../i18n/formatDate';
import { refusedButtonLines } from './trackWindows';

/**
 * The card that comes below the preview: the draft is saved, and HR goes on to choose the recipients, edits the
 * notice again, or leaves it for later. `refused` are the Apply buttons that would be refused if the notice arrived
 * now (or at the time already chosen): the card says so first, before anything can be confirmed.
 */
export function previewControlsCard(
  framework: Framework,
  draft: Broadcast,
  savedAt: string,
  refused: readonly RefusedButton[],
  t: Translate,
  locale: Locale,
): AdaptiveCard {
  return renderCard('broadcastPreview', {
    broadcastId: draft.id,
    noticeTitle: draft.notice.title,
    saved: t('broadcast.preview.saved', { at: formatDateTime(savedAt, locale) }),
    refusedLines: refusedButtonLines(framework, refused, t, locale).map((line) => ({ line })),
    labels: {
      title: t('broadcast.preview.title'),
      body: t('broadcast.preview.body'),
      refused: t('broadcast.refusedButtons.heading'),
      refusedAdvice: t('broadcast.preview.refusedAdvice'),
      audience: t('broadcast.preview.audience'),
      edit: t('broadcast.preview.edit'),
      backToList: t('broadcast.backToList'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
