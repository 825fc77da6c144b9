import { departmentOf, type Placements } from './placements';

/** What the figures need of a latest self-assessment: whose it is and the levels it found. */
export interface AssessmentFacts {
  readonly aadObjectId: string;
  readonly overallRoleLevel: number;
  readonly skillLevel: number;
}

/** How many people stand at one level. */
export interface LevelCount {
  readonly level: number;
  readonly count: number;
}

/** Where the assessed people stand: by the role they fit (1…top) and by the skills they have (0…top; none without required skills). */
export interface LevelDistribution {
  readonly roleLevels: readonly LevelCount[];
  readonly skillLevels: readonly LevelCount[];
}

/**
 * The employees with a completed self-assessment, counted a page at a time (one summary per employee), so that
 * ten thousand summaries never need to be held at once: how many, per department, and per level.
 */
export class AssessedPeople {
  private count = 0;
  private readonly departments = new Map<string, number>();
  private readonly roleLevels = new Map<number, number>();
  private readonly skillLevels = new Map<number, number>();

  constructor(private readonly placements: Placements) {}

  /** Counts the page's people who are on the roster: no one else's assessment is counted anywhere. */
  add(page: Iterable<AssessmentFacts>): void {
    for (const summary of page) {
      if (!this.placements.has(summary.aadObjectId.toLowerCase())) continue;
      this.count++;
      increment(this.departments, departmentOf(this.placements, summary.aadObjectId));
      increment(this.roleLevels, summary.overallRoleLevel);
      increment(this.skillLevels, summary.skillLevel);
    }
  }

  get total(): number {
    return this.count;
  }

  /** How many were assessed in each department (the roster's). */
  get byDepartment(): ReadonlyMap<string, number> {
    return this.departments;
  }

  /**
   * Every level from the lowest to the framework's top, those with nobody included, so the chart keeps its shape.
   * A level above the top (from before the framework changed) extends the range rather than disappearing.
   * A framework without required skills has no skill level to count (every summary would sit at the top): its
   * `skillLevels` stay empty.
   */
  distribution(highestLevel: number, options: { skills: boolean } = { skills: true }): LevelDistribution {
    const spread = (counts: ReadonlyMap<number, number>, lowest: number): LevelCount[] => {
      const top = Math.max(highestLevel, ...counts.keys());
      return Array.from({ length: top - lowest + 1 }, (_, i) => ({ level: lowest + i, count: counts.get(lowest + i) ?? 0 }));
    };
    return { roleLevels: spread(this.roleLevels, 1), skillLevels: options.skills ? spread(this.skillLevels, 0) : [] };
  }
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
