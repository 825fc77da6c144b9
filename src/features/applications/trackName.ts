import { PROFESSIONAL_TRACK } from '../../domain/applications/applicationWindow';
import type { Framework } from '../../domain/framework/framework';
import type { Translate } from '../../i18n';

/** A track as people call it: the tier's name (ゴールド), or the professional track. */
export function trackName(framework: Framework, track: string, t: Translate): string {
  if (track === PROFESSIONAL_TRACK) return t('applications.track.professional');
  return framework.tier(track)?.name ?? track;
}

/** Several tracks in one phrase, as a title names them: "ゴールド・シルバー". */
export function tierNames(framework: Framework, tracks: readonly string[], t: Translate): string {
  return tracks.map((track) => trackName(framework, track, t)).join(t('applications.tierJoin'));
}
