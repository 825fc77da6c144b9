import { formatDate } from '../../../i18n/formatDate';
import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { ACTIVE_STATES, type Application, type GradeCheck } from '../../../domain/applications/application';
import { lastMomentOf, type ApplicationWindow } from '../../../domain/applications/applicationWindow';
import type { Ineligibility } from '../../../domain/applications/eligibility';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, MessageKey, Translate } from '../../../i18n';
import { tierNames, trackName } from '../trackName';
import { keepLineBreaks } from '../../framework/views/lineBreaks';
import type { RequiredTrainingProgress } from '../../../domain/training/requiredTrainings';
import { hasRequiredTrainings } from '../../../domain/training/trainingCandidates';
import { certificationWays } from './certificationWays';
import { NO_TRAINING_SECTION, requiredTrainingSection } from './requiredTrainingLines';
import { gradeCheckText, stateLabel } from './describe';

/** What the home card knows about one track for the asking employee. */
export interface TrackSituation {
  readonly track: string;
  readonly next: { window: ApplicationWindow; open: boolean; planned: boolean };
  readonly mine?: Application;
  readonly ineligible?: Ineligibility;
  /** For the professional track: what the roster's grade says of its requirement, when it does not show it met. */
  readonly gradeCheck?: GradeCheck;
  readonly grade?: string;
  /** The required trainings of their active application's tier, as their records show them. */
  readonly trainings?: readonly RequiredTrainingProgress[];
}

/**
 * The employee's view of applying: each track's window, their own application, and what they can do now.
 * A framework without a window gets the card that says so and how one becomes certified there.
 */
export function applicationsHomeCard(framework: Framework, tracks: readonly TrackSituation[], t: Translate, locale: Locale): AdaptiveCard {
  const rules = framework.rules.applicationWindow;
  if (!rules) return noWindowCard(framework, t);
  return renderCard('applicationsHome', {
    rulesText: rules.text,
    ways: [],
    tracks: tracks.map((s) => {
      // The same rule the server applies on submission: only an active application blocks a new one.
      const active = s.mine !== undefined && ACTIVE_STATES.includes(s.mine.state);
      return {
        track: s.track,
        name: trackName(framework, s.track, t),
        windowLine: windowLine(s.next, t, locale),
        mine: s.mine ? t('applications.mine', { state: stateLabel(s.mine, t), date: formatDate(s.mine.updatedAt, locale) }) : '',
        note: s.ineligible ? ineligibleText(s.ineligible, t) : s.gradeCheck ? gradeCheckText(framework, s.gradeCheck, s.grade ?? '', 'employee', t) : '',
        canApply: s.next.open && !s.ineligible && !active,
        canWithdraw: s.mine?.state === 'submitted',
        applicationId: s.mine?.id ?? '',
        ...(s.trainings ? requiredTrainingSection(framework, s.track, s.trainings, t, locale) : NO_TRAINING_SECTION),
        applyLabel: t('applications.apply'),
        withdrawLabel: t('applications.withdraw'),
      };
    }),
    labels: {
      title: t('applications.home.title', { tracks: tierNames(framework, rules.tiers, t) }),
      notGated: framework.rules.requiredSkillsAtApplication === false ? t('applications.notGated') : '',
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** "This city has no application window", and how one becomes certified or appointed there instead. */
function noWindowCard(framework: Framework, t: Translate): AdaptiveCard {
  // Trainings still count (participation, the employee's record); no tier is certified after particular ones.
  const noneRequired = hasRequiredTrainings(framework)
    ? []
    : [{ heading: t('applications.required.heading'), text: t('applications.required.noneInFramework') }];
  const certifying = certificationWays(framework, t);
  const ways = [...certifying, ...noneRequired];
  const intro = certifying.length > 0 ? 'applications.noWindow.intro' : 'applications.noWindow.none';
  return renderCard('applicationsHome', {
    rulesText: t(intro, { city: framework.document.city }),
    ways: ways.map((way) => ({ ...way, text: keepLineBreaks(way.text) })),
    tracks: [],
    labels: { title: t('applications.noWindow.title'), notGated: '', backToMenu: t('common.backToMenu') },
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
export function ineligibleText(reason: Ineligibility, t: Translate): string {
  return t(`applications.ineligible.${reason}` as MessageKey);
}
