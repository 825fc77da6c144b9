import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Assessment } from '../../../domain/assessment/assessment';
import { ratingSettings } from '../../../domain/assessment/ratingScale';
import type { Framework } from '../../../domain/framework/framework';
import { formatDate } from '../../../i18n/formatDate';
import type { Locale, Translate } from '../../../i18n';

/**
 * The way in: what the assessment is (as many categories and rating steps as the framework has, and no skills
 * part when it names no required skills), and either "start" or "continue / start over" for one in progress.
 */
export function startCard(
  framework: Framework,
  inProgress: { assessment: Assessment; answered: number; total: number } | undefined,
  hasHistory: boolean,
  t: Translate,
  locale: Locale,
): AdaptiveCard {
  return renderCard('assessmentStart', {
    assessmentId: inProgress?.assessment.id ?? '',
    inProgress: inProgress
      ? t('assessment.inProgress', {
          done: inProgress.answered,
          total: inProgress.total,
          date: formatDate(inProgress.assessment.startedAt, locale),
        })
      : '',
    hasHistory,
    labels: {
      title: t('assessment.title'),
      intro: framework.hasRequiredSkills
        ? t('assessment.intro', { categories: framework.categories.length, steps: ratingSettings(framework).scale.length })
        : t('assessment.introNoSkills', { categories: framework.categories.length, framework: framework.document.name }),
      savedNote: t('assessment.savedNote'),
      start: t('assessment.start'),
      continue: t('assessment.continue'),
      restart: t('assessment.restart'),
      history: t('assessment.history'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
