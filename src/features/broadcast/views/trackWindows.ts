import { lastMomentOf } from '../../../domain/applications/applicationWindow';
import type { RefusedButton, TrackWindowAt } from '../../../domain/broadcast/noticeWindows';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, Translate } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../i18n/formatDate';
import { trackName } from '../../applications/trackName';

/** A track's Apply button as the compose form offers it, saying whether one can apply now: "シルバー（受付中：2026年12月25日まで）". */
export function trackChoiceTitle(framework: Framework, at: TrackWindowAt, t: Translate, locale: Locale): string {
  const track = trackName(framework, at.track, t);
  switch (at.state) {
    case 'open':
      return t('broadcast.compose.trackOpen', { track, closes: formatDate(lastMomentOf(at.window), locale) });
    case 'notYet':
      return t('broadcast.compose.trackNotYet', { track, opens: formatDateTime(at.window.opensAt, locale) });
    case 'closed':
      return t('broadcast.compose.trackClosed', { track });
  }
}

/** Why each of these Apply buttons would be refused when the notice arrives, a line each. */
export function refusedButtonLines(framework: Framework, refused: readonly RefusedButton[], t: Translate, locale: Locale): string[] {
  return refused.map((at) => {
    const track = trackName(framework, at.track, t);
    return at.state === 'notYet'
      ? t('broadcast.refusedButtons.notYet', { track, opens: formatDateTime(at.window.opensAt, locale) })
      : t('broadcast.refusedButtons.closed', { track });
  });
}
