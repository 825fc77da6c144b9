import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { Employee } from '../../../domain/roster/employee';
import type { Locale, Translate } from '../../../i18n';
import { formatDate } from '../../../i18n/formatDate';
import { skillLevelText } from '../../assessment/views/skillLevelText';
import type { TeamMember, TeamSummary } from '../teamSummary';

/** Rows a card lists: a large team is summed up in full, and its first rows shown (a card must stay small). */
const MAX_ROWS = 60;

/**
 * A manager's team at a glance: how many assessed themselves, the skills most of them lack, and one compact row per
 * report (role level, skill level, target, number of gaps; "not yet" for those who never assessed). Levels only,
 * never the answers; no skills part when the framework names no required skills. Applications waiting for the
 * viewer's approval are pointed out, with the way to them. HR also gets a field to open another manager's team.
 */
export function teamCard(
  manager: Employee,
  team: TeamSummary,
  framework: Framework,
  viewer: { t: Translate; locale: Locale; isHr: boolean; pendingApprovals?: number },
): AdaptiveCard {
  const { t, locale, pendingApprovals = 0 } = viewer;
  const total = team.members.length;
  const shown = team.members.slice(0, MAX_ROWS);
  return renderCard('teamSummary', {
    heading: t('team.heading', { name: manager.name, department: manager.department }),
    assessedLine: total > 0 ? t('team.assessed', { assessed: team.assessed, total }) : t('team.noReportsOf', { name: manager.name }),
    assessed: team.assessed,
    commonGaps: team.commonGaps.map((gap) => ({
      line: t('team.commonGapLine', { skill: framework.skill(gap.skillId)?.name ?? gap.skillId, count: gap.count }),
    })),
    // A framework without required skills has no skill level and no gap to show: those columns are left out.
    hasSkills: framework.hasRequiredSkills,
    members: shown.map((m) => memberRow(m, framework, t, locale)),
    more: total > shown.length ? t('team.more', { count: total - shown.length }) : '',
    canOpenOthers: viewer.isHr,
    pendingLine: pendingApprovals > 0 ? t('team.pendingApprovals', { count: pendingApprovals }) : '',
    labels: {
      title: t('team.title'),
      commonGaps: t('team.commonGaps'),
      noGaps: t('team.noGaps'),
      name: t('team.column.name'),
      role: t('team.column.role'),
      skill: t('team.column.skill'),
      target: t('team.column.target'),
      gaps: t('team.column.gaps'),
      privacy: t('team.privacy'),
      otherManager: t('team.otherManager'),
      otherManagerPlaceholder: t('team.otherManagerPlaceholder'),
      show: t('team.show'),
      inbox: t('approvals.inbox.back'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

function memberRow({ employee, summary }: TeamMember, framework: Framework, t: Translate, locale: Locale): Record<string, string> {
  const name = t('team.member', { name: employee.name, grade: employee.grade });
  if (!summary) return { name, role: t('team.notAssessed'), skill: '－', target: '－', gaps: '－' };
  return {
    name: `${name}\n${t('team.assessedOn', { date: formatDate(summary.completedAt, locale) })}`,
    role: t('team.level', { level: summary.overallRoleLevel }),
    skill: skillLevelText(framework, summary.skillLevel, t) ?? '',
    target: t('team.level', { level: summary.target }),
    gaps: String(summary.gapSkillIds.length),
  };
}
