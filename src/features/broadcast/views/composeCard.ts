import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { TrackWindowAt } from '../../../domain/broadcast/noticeWindows';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, MessageKey, Translate } from '../../../i18n';
import { BODY_MAX, BODY_MAX_LINES, TITLE_MAX, type NoticeForm, type NoticeProblem } from '../noticeInput';
import { trackChoiceTitle } from './trackWindows';

const PROBLEMS: Record<NoticeProblem, MessageKey> = {
  title: 'broadcast.invalid.title',
  body: 'broadcast.invalid.body',
  tracks: 'broadcast.invalid.tracks',
};

/**
 * The form to write a notice: title, body and which Apply buttons it carries, each track saying whether one can
 * apply now (`tracks`, every track of the framework). Shown pre-filled for a new notice, with the draft for an edit,
 * and with what HR typed and what is wrong after a refused preview.
 */
export function composeCard(
  framework: Framework,
  broadcastId: string,
  form: NoticeForm,
  tracks: readonly TrackWindowAt[],
  t: Translate,
  locale: Locale,
  problem?: NoticeProblem,
): AdaptiveCard {
  return renderCard('broadcastCompose', {
    broadcastId,
    title: form.title,
    body: form.body,
    applyTracks: form.applyTracks,
    // A framework without an application window has no Apply buttons to offer: the card leaves the choice out.
    tracks: tracks.map((at) => ({ title: trackChoiceTitle(framework, at, t, locale), value: at.track })),
    titleMax: TITLE_MAX,
    bodyMax: BODY_MAX,
    problem: problem ? t(PROBLEMS[problem], { max: problem === 'title' ? TITLE_MAX : BODY_MAX, lines: BODY_MAX_LINES }) : '',
    labels: {
      title: t('broadcast.compose.title'),
      hint: tracks.length > 0 ? t('broadcast.compose.hint') : t('broadcast.compose.hintNoWindow'),
      titleLabel: t('broadcast.compose.titleLabel', { max: TITLE_MAX }),
      bodyLabel: t('broadcast.compose.bodyLabel', { max: BODY_MAX, lines: BODY_MAX_LINES }),
      titleRequired: t('broadcast.compose.titleRequired'),
      bodyRequired: t('broadcast.compose.bodyRequired'),
      apply: t('broadcast.compose.applyLabel'),
      preview: t('broadcast.compose.preview'),
      backToList: t('broadcast.backToList'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
