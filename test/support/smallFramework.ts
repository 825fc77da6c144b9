/** A level of a small test framework: its number, its title, and the tier it belongs to. */
export interface SmallLevel {
  readonly level: number;
  readonly title: string;
  readonly tier: string;
}

/**
 * A small framework document for tests, shaped like a city's: its own header, tiers, levels and rules, one category
 * with a role per level (the level's title), and no skills, training or programs.
 */
export function smallFrameworkDocument(parts: {
  readonly header: { id: string; name: string; city: string; published: string; source: string };
  readonly tiers: readonly Record<string, unknown>[];
  readonly levels: readonly SmallLevel[];
  readonly category: { id: string; name: string };
  readonly rules: Record<string, unknown>;
}): Record<string, unknown> {
  const { header, tiers, levels, category, rules } = parts;
  return {
    ...header,
    tiers,
    levels,
    categories: [category],
    roles: levels.map((l) => ({ level: l.level, category: category.id, text: l.title })),
    requiredSkills: [],
    recommendedSkillGroups: [],
    trainingFocusItems: [],
    programs: [],
    rules,
  };
}
