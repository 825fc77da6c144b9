import type {
  Category,
  FrameworkDocument,
  Level,
  Program,
  ProgramPart,
  RecommendedSkillGroup,
  RequiredSkill,
  Role,
  Tier,
  TrainingFocusItem,
} from './schema';

/** A loaded framework with the look-ups the bot needs. Immutable: a new version is a new instance. */
export class Framework {
  private readonly skillsById: ReadonlyMap<string, RequiredSkill>;

  constructor(
    readonly document: FrameworkDocument,
    /** The stored version this came from; changes whenever the framework is re-imported with new content. */
    readonly version: string,
  ) {
    this.skillsById = new Map(document.requiredSkills.map((s) => [s.id, s]));
  }

  get id(): string {
    return this.document.id;
  }

  /** Levels from lowest to highest. */
  get levels(): readonly Level[] {
    return [...this.document.levels].sort((a, b) => a.level - b.level);
  }

  get highestLevel(): number {
    return this.document.levels.length;
  }

  get categories(): readonly Category[] {
    return this.document.categories;
  }

  get recommendedSkillGroups(): readonly RecommendedSkillGroup[] {
    return this.document.recommendedSkillGroups;
  }

  level(level: number): Level | undefined {
    return this.document.levels.find((l) => l.level === level);
  }

  tier(id: string): Tier | undefined {
    return this.document.tiers.find((t) => t.id === id);
  }

  /** How high a tier stands: its highest level (ゴールド above シルバー); -1 for a tier without levels. */
  tierRank(id: string): number {
    return Math.max(-1, ...this.document.levels.filter((l) => l.tier === id).map((l) => l.level));
  }

  category(id: string): Category | undefined {
    return this.document.categories.find((c) => c.id === id);
  }

  role(level: number, category: string): Role | undefined {
    return this.document.roles.find((r) => r.level === level && r.category === category);
  }

  /**
   * Whether the framework names required skills. Without them there is no skill level to speak of (every answer
   * would reach the top) and no skill gap: every view and export leaves the skill level out then.
   */
  get hasRequiredSkills(): boolean {
    return this.document.requiredSkills.length > 0;
  }

  skill(id: string): RequiredSkill | undefined {
    return this.skillsById.get(id);
  }

  /** The required skills of one level, in the framework's order. */
  requiredSkillsAt(level: number): RequiredSkill[] {
    return this.document.requiredSkills.filter((s) => s.level === level);
  }

  /** The training focus items of one level, in the framework's order. */
  focusItemsAt(level: number): TrainingFocusItem[] {
    return this.document.trainingFocusItems.filter((t) => t.level === level);
  }

  /** Focus items that train for a skill: those the framework derived for the same level and category. */
  focusItemsFor(skill: RequiredSkill): TrainingFocusItem[] {
    return this.document.trainingFocusItems.filter((t) => t.level === skill.level && t.category === skill.category);
  }

  /** Programs meant for a level's tier, plus the ones meant for everyone; a program counts when one of its parts is. */
  programsFor(level: number): Program[] {
    const forLevel = this.forTierOf(level);
    return this.document.programs.filter((p) => forLevel(p.tiers) || p.parts.some((part) => part.tiers.length > 0 && forLevel(part.tiers)));
  }

  /** The parts of a program meant for a level's tier, plus the ones meant for everyone. */
  partsFor(program: Program, level: number): ProgramPart[] {
    return program.parts.filter((part) => this.forTierOf(level)(part.tiers));
  }

  /** Whether a list of tiers takes in a level's tier: an empty list is for everyone. */
  private forTierOf(level: number): (tiers: readonly string[]) => boolean {
    const tier = this.level(level)?.tier;
    return (tiers) => tiers.length === 0 || (tier !== undefined && tiers.includes(tier));
  }

  program(id: string): Program | undefined {
    return this.document.programs.find((p) => p.id === id);
  }

  /** Whom employees ask, as a sentence names them: the office, with its phone when there is one; undefined when none. */
  get contactName(): string | undefined {
    const contact = this.document.contact;
    return contact && (contact.phone ? `${contact.office}（${contact.phone}）` : contact.office);
  }

  get rules(): FrameworkDocument['rules'] {
    return this.document.rules;
  }
}
