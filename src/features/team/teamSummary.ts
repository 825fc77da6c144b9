import type { Employee } from '../../domain/roster/employee';
import type { AssessmentSummary } from '../../storage/assessmentSummaryRepository';

/** One direct report, with their latest self-assessment if they ever finished one. */
export interface TeamMember {
  readonly employee: Employee;
  readonly summary?: AssessmentSummary;
}

/** A skill several reports lack, and how many. */
export interface CommonGap {
  readonly skillId: string;
  readonly count: number;
}

/** A manager's team in figures: who assessed themselves, and the skills most of them lack. */
export interface TeamSummary {
  /** Those who assessed themselves first, then those who never did; each group by employee number. */
  readonly members: readonly TeamMember[];
  readonly assessed: number;
  /** The skills lacked by most reports, most first; of equal counts, the lower level's first. */
  readonly commonGaps: readonly CommonGap[];
}

/**
 * Sums up a team from its members' summaries: levels stay per person, gaps are counted across the team. `skillRank`
 * orders skills as the framework does (lower levels first), for gaps lacked by equally many.
 */
export function summarizeTeam(members: readonly TeamMember[], skillRank: (skillId: string) => number, topGaps: number): TeamSummary {
  const byNumber = (a: TeamMember, b: TeamMember): number => a.employee.employeeNo.localeCompare(b.employee.employeeNo);
  const assessed = members.filter((m) => m.summary).sort(byNumber);
  const never = members.filter((m) => !m.summary).sort(byNumber);
  const counts = new Map<string, number>();
  for (const m of assessed) for (const id of new Set(m.summary?.gapSkillIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const commonGaps = [...counts]
    .map(([skillId, count]) => ({ skillId, count }))
    .sort((a, b) => b.count - a.count || skillRank(a.skillId) - skillRank(b.skillId))
    .slice(0, topGaps);
  return { members: [...assessed, ...never], assessed: assessed.length, commonGaps };
}
