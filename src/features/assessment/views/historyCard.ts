import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { HistoryEntry } from '../../../domain/assessment/history';
import { formatDate } from '../../../i18n/formatDate';
import type { Locale, Translate } from '../../../i18n';

/** Past results with dates, newest first, and how each moved from the one before. */
export function historyCard(entries: readonly HistoryEntry[], t: Translate, locale: Locale): AdaptiveCard {
  const arrow = (delta: number): string => (delta > 0 ? `↑${delta}` : delta < 0 ? `↓${-delta}` : '→');
  return renderCard('assessmentHistory', {
    entries: entries.map((e) => ({
      assessmentId: e.assessmentId,
      date: formatDate(e.completedAt, locale),
      summary: t('assessment.history.row', {
        role: e.result.overallRoleLevel,
        skill: e.result.skillLevel > 0 ? `Lv.${e.result.skillLevel}` : t('assessment.history.skillNone'),
        target: e.result.target,
      }),
      moved: e.moved
        ? t('assessment.history.moved', { role: arrow(e.moved.role), skill: arrow(e.moved.skill) })
        : t('assessment.history.first'),
    })),
    labels: {
      title: t('assessment.history.title'),
      empty: t('assessment.history.empty'),
      start: t('assessment.start'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
