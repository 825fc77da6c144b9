import type { Framework } from '../framework/framework';

/**
 * The targets a KPI is measured against, and the baseline added to what the bot counts. HR sets them per fiscal
 * year; until HR does, the framework's own plan applies (its yearly targets, and the figure it says was reached).
 */

/** The largest figure HR may enter: far above any city's staff, low enough to catch a slip of the keyboard. */
export const KPI_COUNT_MAX = 100_000;

/** A number of people to certify in one fiscal year: for one tier, or (no tier) for every certified tier together. */
export interface KpiTarget {
  readonly fiscalYear: number;
  readonly tier?: string;
  readonly count: number;
}

/** What HR has set for a framework's KPI. */
export interface KpiSettings {
  readonly targets: readonly KpiTarget[];
  /** People certified before the bot counted anyone (e.g. the 2,228 trained in R5–R7), added to the cumulative figure. */
  readonly baseline?: number;
}

/** A figure and who set it: HR, or the framework's plan (a default HR may override). */
export interface SourcedCount {
  readonly count: number;
  readonly source: 'hr' | 'framework';
}

/** A target over several fiscal years, from the framework's plan (e.g. 2,400 in FY2023–2025). */
export interface RangeTarget {
  readonly fromFiscalYear: number;
  readonly toFiscalYear: number;
  readonly count: number;
}

/**
 * The target of one fiscal year for one tier or (no tier) all together: HR's, else the framework's; for all
 * tiers together, failing both, the sum of the tiers' targets when any tier has one.
 */
export function targetOf(framework: Framework, settings: KpiSettings, fiscalYear: number, tier?: string): SourcedCount | undefined {
  const matches = (t: { fiscalYear: number; tier?: string }): boolean => t.fiscalYear === fiscalYear && t.tier === tier;
  const set = settings.targets.find(matches);
  if (set) return { count: set.count, source: 'hr' };
  const planned = framework.rules.targets.find(matches);
  if (planned) return { count: planned.count, source: 'framework' };
  if (tier !== undefined) return undefined;
  const perTier = certifiedTiers(framework).flatMap((id) => targetOf(framework, settings, fiscalYear, id) ?? []);
  if (perTier.length === 0) return undefined;
  return {
    count: perTier.reduce((sum, t) => sum + t.count, 0),
    source: perTier.some((t) => t.source === 'hr') ? 'hr' : 'framework',
  };
}

/** The baseline: HR's, else the figure the framework says was already reached, else none. */
export function baselineOf(framework: Framework, settings: KpiSettings): SourcedCount | undefined {
  if (settings.baseline !== undefined) return { count: settings.baseline, source: 'hr' };
  const achieved = framework.rules.kpi?.achieved;
  return achieved === undefined ? undefined : { count: achieved, source: 'framework' };
}

/** The framework's target over several years, if it has one. */
export function rangeTargetOf(framework: Framework): RangeTarget | undefined {
  const kpi = framework.rules.kpi;
  return kpi && { fromFiscalYear: kpi.fromFiscalYear, toFiscalYear: kpi.toFiscalYear, count: kpi.target };
}

/**
 * The tiers people are certified or appointed to, in the framework's order: those one applies for, is evaluated
 * for, is appointed to or has a yearly target. A tier for all staff (a Bronze tier, say) is none of these.
 * Every tier when the framework names none of them.
 */
export function certifiedTiers(framework: Framework): string[] {
  const { rules } = framework;
  const named = new Set([
    ...(rules.applicationWindow?.tiers ?? []),
    ...(rules.evaluation?.tiers ?? []),
    ...(rules.appointment?.tiers ?? []),
    ...rules.targets.flatMap((t) => (t.tier ? [t.tier] : [])),
  ]);
  const tiers = framework.document.tiers.map((t) => t.id);
  return named.size === 0 ? tiers : tiers.filter((id) => named.has(id));
}

/** What HR typed into a count field: empty (leave it as it is), a whole number in range, or something else. */
export type CountInput = { ok: true; value?: number } | { ok: false };

/**
 * Reads a count as HR may type it: full-width digits and thousands separators are fine ("２，４００", "2,228");
 * decimals, signs, words and anything above KPI_COUNT_MAX are not.
 */
export function parseCountInput(text: string): CountInput {
  const typed = text.normalize('NFKC').trim();
  if (typed === '') return { ok: true };
  if (!/^(?:\d{1,6}|\d{1,3}(?:,\d{3})+)$/.test(typed)) return { ok: false };
  const value = Number(typed.replace(/,/g, ''));
  return value <= KPI_COUNT_MAX ? { ok: true, value } : { ok: false };
}
