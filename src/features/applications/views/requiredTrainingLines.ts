import type { Framework } from '../../../domain/framework/framework';
import type { RequiredTrainingProgress } from '../../../domain/training/requiredTrainings';
import type { Locale, Translate } from '../../../i18n';
import { formatDate } from '../../../i18n/formatDate';
import { trackName } from '../trackName';

/** A card's section on an application's required trainings: a heading and a line per program ('' and none: no section). */
export interface RequiredTrainingSection {
  readonly trainingsHeading: string;
  readonly trainings: readonly { readonly text: string; readonly color: 'Good' | 'Warning' | 'Default' }[];
}

/** No section at all. */
export const NO_TRAINING_SECTION: RequiredTrainingSection = { trainingsHeading: '', trainings: [] };

/**
 * The required trainings of an application's tier, each 受講済み with its day or 未受講; a tier without any says so.
 * The professional track is a career path, not a tier the framework certifies after trainings: it gets no section,
 * on the applicant's card and on HR's alike.
 */
export function requiredTrainingSection(
  framework: Framework,
  track: string,
  progress: readonly RequiredTrainingProgress[],
  t: Translate,
  locale: Locale,
): RequiredTrainingSection {
  if (!framework.document.tiers.some((tier) => tier.id === track)) return NO_TRAINING_SECTION;
  const trainings =
    progress.length === 0
      ? [{ text: t('applications.required.noneForTier', { tier: trackName(framework, track, t) }), color: 'Default' as const }]
      : progress.map(({ program, takenOn }) =>
          takenOn
            ? { text: t('applications.required.taken', { program: program.name, date: formatDate(takenOn, locale) }), color: 'Good' as const }
            : { text: t('applications.required.notTaken', { program: program.name }), color: 'Warning' as const },
        );
  return { trainingsHeading: t('applications.required.heading'), trainings };
}
