import type { Framework } from '../framework/framework';
import { isMastered } from './ratingScale';

/** A required skill the employee does not have yet, with what trains it. */
export interface SkillGap {
  readonly skillId: string;
  readonly level: number;
  readonly category: string;
  /** The rating given, or undefined when the skill's level was above what was asked. */
  readonly rating?: number;
  /** Training focus items of the same level and category. */
  readonly focusItemIds: readonly string[];
}

/** What an assessment says: where the employee stands, and what to learn next, in order. */
export interface AssessmentResult {
  readonly rolePositions: Readonly<Record<string, number>>;
  /** The level that at least half of the categories reach; see overallRoleLevel(). */
  readonly overallRoleLevel: number;
  /**
   * The highest level L whose required skills, and all below, are mastered; 0 when Lv.1 is not complete. Meaningless
   * when the framework names no required skills (see Framework.hasRequiredSkills): views leave it out then.
   */
  readonly skillLevel: number;
  readonly target: number;
  /** Required skills up to the target not yet mastered: lower levels first, then the framework's order. */
  readonly gaps: readonly SkillGap[];
  /** Program ids that fit the target level's tier. */
  readonly programIds: readonly string[];
  /**
   * Focus items of the categories that have no required skills (使命感: the mindset of a tier), at the levels of the
   * target's tier. No skill gap points at them, yet they are what the tier's training starts with.
   */
  readonly mindsetFocusItemIds: readonly string[];
}

/** Scores an assessment. Pure: the same answers always give the same result. */
export function scoreAssessment(
  framework: Framework,
  rolePositions: Readonly<Record<string, number>>,
  ratings: Readonly<Record<string, number>>,
  target: number,
): AssessmentResult {
  return {
    rolePositions: { ...rolePositions },
    overallRoleLevel: overallRoleLevel(Object.values(rolePositions)),
    skillLevel: skillLevel(framework, ratings),
    target,
    gaps: skillGaps(framework, ratings, target),
    programIds: framework.programsFor(target).map((p) => p.id),
    mindsetFocusItemIds: mindsetFocusItems(framework, target),
  };
}

function mindsetFocusItems(framework: Framework, target: number): string[] {
  const tier = framework.level(target)?.tier;
  const tierLevels = new Set(framework.levels.filter((l) => l.tier === tier).map((l) => l.level));
  const skillCategories = new Set(framework.document.requiredSkills.map((s) => s.category));
  return framework.document.trainingFocusItems
    .filter((f) => tierLevels.has(f.level) && !skillCategories.has(f.category))
    .map((f) => f.id);
}

/**
 * One level for the role as a whole: the highest level that at least half of the categories reach.
 * A single strong or weak category does not move it, which matches how the strategy asks people to read the table.
 */
export function overallRoleLevel(positions: readonly number[]): number {
  if (positions.length === 0) return 1;
  const sorted = [...positions].sort((a, b) => b - a);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * The highest level L such that every required skill of Lv.1..L is mastered (skills accumulate from Lv.1). Without
 * required skills every level is trivially complete: callers ask Framework.hasRequiredSkills before showing it.
 */
export function skillLevel(framework: Framework, ratings: Readonly<Record<string, number>>): number {
  let reached = 0;
  for (const { level } of framework.levels) {
    const complete = framework.requiredSkillsAt(level).every((s) => isMastered(ratings[s.id], framework));
    if (!complete) break;
    reached = level;
  }
  return reached;
}

/** Skills up to the target not yet mastered, lower levels first: the strategy says to fill lower gaps first. */
export function skillGaps(framework: Framework, ratings: Readonly<Record<string, number>>, target: number): SkillGap[] {
  return framework.levels
    .filter((l) => l.level <= target)
    .flatMap((l) => framework.requiredSkillsAt(l.level))
    .filter((skill) => !isMastered(ratings[skill.id], framework))
    .map((skill) => ({
      skillId: skill.id,
      level: skill.level,
      category: skill.category,
      rating: ratings[skill.id],
      focusItemIds: framework.focusItemsFor(skill).map((f) => f.id),
    }));
}
