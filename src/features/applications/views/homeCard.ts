import { formatDate } from '../../../i18n/formatDate';
import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { ACTIVE_STATES, type Application } from '../../../domain/applications/application';
import { lastMomentOf, type ApplicationWindow } from '../../../domain/applications/applicationWindow';
import type { Ineligibility } from '../../../domain/applications/eligibility';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, MessageKey, Translate } from '../../../i18n';
import { trackName } from '../trackName';
import { stateLabel } from './describe';

/** What the home card knows about one track for the asking employee. */
export interface TrackSituation {
  readonly track: string;
  readonly next: { window: ApplicationWindow; open: boolean; planned: boolean };
  readonly mine?: Application;
  readonly ineligible?: Ineligibility;
  readonly grade?: string;
}

/** The employee's view of applying: each track's window, their own application, and what they can do now. */
export function applicationsHomeCard(framework: Framework, tracks: readonly TrackSituation[], t: Translate, locale: Locale): AdaptiveCard {
  return renderCard('applicationsHome', {
    rulesText: framework.rules.applicationWindow.text,
    tracks: tracks.map((s) => {
      // The same rule the server applies on submission: only an active application blocks a new one.
      const active = s.mine !== undefined && ACTIVE_STATES.includes(s.mine.state);
      return {
        track: s.track,
        name: trackName(framework, s.track, t),
        windowLine: windowLine(s.next, t, locale),
        mine: s.mine ? t('applications.mine', { state: stateLabel(s.mine, t), date: formatDate(s.mine.updatedAt, locale) }) : '',
        note: s.ineligible ? ineligibleText(framework, s.ineligible, s.grade ?? '', t) : '',
        canApply: s.next.open && !s.ineligible && !active,
        canWithdraw: s.mine?.state === 'submitted',
        applicationId: s.mine?.id ?? '',
        applyLabel: t('applications.apply'),
        withdrawLabel: t('applications.withdraw'),
      };
    }),
    labels: {
      title: t('applications.title'),
      notGated: framework.rules.requiredSkillsAtApplication ? '' : t('applications.notGated'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** "受付中：6月30日まで" or "次の募集：…〜…" (with "予定" when the dates are the rules' defaults). */
export function windowLine(next: TrackSituation['next'], t: Translate, locale: Locale): string {
  // closesAt is exclusive: the last day to apply is the day before.
  const closes = formatDate(lastMomentOf(next.window), locale);
  if (next.open) return t('applications.window.open', { closes });
  const opens = formatDate(next.window.opensAt, locale);
  return t(next.planned ? 'applications.window.planned' : 'applications.window.next', { opens, closes });
}

/** Why the employee cannot apply for a track, in words. */
export function ineligibleText(framework: Framework, reason: Ineligibility, grade: string, t: Translate): string {
  const grades = framework.rules.professionalTrack?.eligibleGrades ?? '';
  return t(`applications.ineligible.${reason}` as MessageKey, { grades, grade });
}
