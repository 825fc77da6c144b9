import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Assessment } from '../../../domain/assessment/assessment';
import { formatDate } from '../../../i18n/formatDate';
import type { Locale, Translate } from '../../../i18n';

/** The way in: what the assessment is, and either "start" or "continue / start over" for one in progress. */
export function startCard(
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
      intro: t('assessment.intro'),
      savedNote: t('assessment.savedNote'),
      start: t('assessment.start'),
      continue: t('assessment.continue'),
      restart: t('assessment.restart'),
      history: t('assessment.history'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
