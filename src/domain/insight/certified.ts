import { baselineOf, certifiedTiers, rangeTargetOf, targetOf, type KpiSettings, type RangeTarget, type SourcedCount } from './targets';
import type { Framework } from '../framework/framework';

/**
 * What the figures need of a certification (or an appointment): who, which tier, in which fiscal year, when, and
 * what led to it (an application's id, or the mark of an appointment).
 */
export interface CertificationFacts {
  readonly aadObjectId: string;
  readonly tier: string;
  readonly fiscalYear: number;
  readonly certifiedAt: string;
  readonly applicationId: string;
}

/**
 * The people certified, collected a page at a time: one entry per person, the latest certification winning.
 * Someone certified Silver, then Gold, is one DX talent, counted in the year of their latest certification.
 */
export class CertifiedPeople {
  private readonly latest = new Map<string, CertificationFacts>();

  add(page: Iterable<CertificationFacts>): void {
    for (const c of page) {
      const key = c.aadObjectId.toLowerCase();
      const known = this.latest.get(key);
      if (!known || known.certifiedAt < c.certifiedAt) this.latest.set(key, c);
    }
  }

  /** Each person's latest certification. */
  get people(): IterableIterator<CertificationFacts> {
    return this.latest.values();
  }

  /** How many were certified in a fiscal year, in one tier or (no tier) in any. */
  countIn(fiscalYear: number, tier?: string): number {
    let count = 0;
    for (const c of this.latest.values()) if (c.fiscalYear === fiscalYear && (tier === undefined || c.tier === tier)) count++;
    return count;
  }

  /** How many hold a tier now: their latest certification (or appointment) is to it. */
  holdersOf(tier: string): number {
    let count = 0;
    for (const c of this.latest.values()) if (c.tier === tier) count++;
    return count;
  }

  /** How many were certified up to and including a fiscal year. */
  countUpTo(fiscalYear: number): number {
    let count = 0;
    for (const c of this.latest.values()) if (c.fiscalYear <= fiscalYear) count++;
    return count;
  }
}

/** One fiscal year's certified people against its target, in all and per tier. */
export interface YearProgress {
  readonly fiscalYear: number;
  readonly certified: number;
  readonly target?: SourcedCount;
  readonly tiers: readonly { readonly tier: string; readonly certified: number; readonly target?: SourcedCount }[];
}

/** Certified people over the years: the baseline plus everyone the bot counted up to a fiscal year. */
export interface CumulativeProgress {
  readonly baseline?: SourcedCount;
  readonly certified: number;
  readonly total: number;
  readonly range?: RangeTarget;
}

/** A tier's head count in the framework's plan (目標人数) against the people who hold the tier now. */
export interface TierPlanProgress {
  readonly tier: string;
  readonly holders: number;
  readonly target: number;
}

/**
 * Each tier the plan gives a head count (its `targetCount`) against the people holding it now. The count is the
 * plan's whole, not a year's, so it stays on the KPI after the plan's yearly targets have run out. The per-section
 * tier is left out: its head count is one per section, which the coverage measures.
 */
export function planProgress(framework: Framework, people: CertifiedPeople): TierPlanProgress[] {
  const perSection = framework.rules.appointment?.perSection;
  return framework.document.tiers.flatMap((tier) =>
    tier.targetCount !== undefined && tier.id !== perSection
      ? [{ tier: tier.id, holders: people.holdersOf(tier.id), target: tier.targetCount }]
      : [],
  );
}

/** Each of `years` against its targets. */
export function yearlyProgress(
  framework: Framework,
  settings: KpiSettings,
  people: CertifiedPeople,
  years: readonly number[],
): YearProgress[] {
  return years.map((fiscalYear) => ({
    fiscalYear,
    certified: people.countIn(fiscalYear),
    target: targetOf(framework, settings, fiscalYear),
    tiers: certifiedTiers(framework).map((tier) => ({
      tier,
      certified: people.countIn(fiscalYear, tier),
      target: targetOf(framework, settings, fiscalYear, tier),
    })),
  }));
}

/** The cumulative figure up to a fiscal year: the baseline and the people certified since. */
export function cumulativeProgress(framework: Framework, settings: KpiSettings, people: CertifiedPeople, upTo: number): CumulativeProgress {
  const baseline = baselineOf(framework, settings);
  const certified = people.countUpTo(upTo);
  return { baseline, certified, total: (baseline?.count ?? 0) + certified, range: rangeTargetOf(framework) };
}
