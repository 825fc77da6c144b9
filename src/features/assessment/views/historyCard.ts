import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { HistoryEntry } from '../../../domain/assessment/history';
import type { Framework } from '../../../domain/framework/framework';
import { formatDate } from '../../../i18n/formatDate';
import type { Locale, Translate } from '../../../i18n';
import { skillLevelText } from './skillLevelText';

/**
 * Past results with dates, newest first, and how each moved from the one before. A framework that names no
 * required skills has no skill level to show.
 */
export function historyCard(framework: Framework, entries: readonly HistoryEntry[], t: Translate, locale: Locale): AdaptiveCard {
  const arrow = (delta: number): string => (delta > 0 ? `↑${delta}` : delta < 0 ? `↓${-delta}` : '→');
  const summary = (e: HistoryEntry): string => {
    const params = { role: e.result.overallRoleLevel, target: e.result.target };
    const skill = skillLevelText(framework, e.result.skillLevel, t);
    return skill === undefined ? t('assessment.history.rowNoSkills', params) : t('assessment.history.row', { ...params, skill });
  };
  const moved = (m: NonNullable<HistoryEntry['moved']>): string =>
    framework.hasRequiredSkills
      ? t('assessment.history.moved', { role: arrow(m.role), skill: arrow(m.skill) })
      : t('assessment.history.movedNoSkills', { role: arrow(m.role) });
  return renderCard('assessmentHistory', {
    entries: entries.map((e) => ({
      assessmentId: e.assessmentId,
      date: formatDate(e.completedAt, locale),
      summary: summary(e),
      moved: e.moved ? moved(e.moved) : t('assessment.history.first'),
    })),
    labels: {
      title: t('assessment.history.title'),
      empty: t('assessment.history.empty'),
      start: t('assessment.start'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
