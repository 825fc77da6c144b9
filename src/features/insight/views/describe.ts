import type { TierHolding } from '../../../domain/insight/holding';
import type { SourcedCount } from '../../../domain/insight/targets';
import type { Translate } from '../../../i18n';

/** The width of a text bar: wide enough to compare, narrow enough for a phone. */
const BAR_WIDTH = 10;
/** Teams draws a chart's value axis in four equal steps from 0 to its top. */
const AXIS_STEPS = 4;
/** Steps between gridlines that read as round numbers (times a power of ten). */
const ROUND_STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8];

/** "2026年度" / "FY2026". */
export function yearLabel(fiscalYear: number, t: Translate): string {
  return t('kpi.year', { fy: fiscalYear });
}

/** A whole percentage of `whole`, or undefined when there is no whole to measure against. */
export function percentOf(part: number, whole: number): number | undefined {
  return whole > 0 ? Math.round((part / whole) * 100) : undefined;
}

/**
 * A bar of ■ and □ for clients that do not draw charts: `value` against `max`. Anything above zero gets at least
 * one ■, so a small figure is not mistaken for none.
 */
export function textBar(value: number, max: number): string {
  const filled = max > 0 ? Math.min(BAR_WIDTH, Math.max(value > 0 ? 1 : 0, Math.round((value / max) * BAR_WIDTH))) : 0;
  return '■'.repeat(filled) + '□'.repeat(BAR_WIDTH - filled);
}

/**
 * The top of a people axis (a chart's yMax) at or above `max`: four equal steps of a round, whole number of people.
 * Left to itself, Teams puts the top at the largest value and labels the steps in fractions of a person (0.25, and
 * 2.50e-5 when every value is 0).
 */
export function peopleAxisTop(max: number): number {
  for (let scale = 1; ; scale *= 10) {
    for (const round of ROUND_STEPS) {
      const step = round * scale;
      if (Number.isInteger(step) && step * AXIS_STEPS >= max) return step * AXIS_STEPS;
    }
  }
}

/** Where a figure comes from, as a short suffix: set by HR, or the plan's. */
export function sourceLabel(figure: SourcedCount, t: Translate): string {
  return t(figure.source === 'hr' ? 'kpi.source.hr' : 'kpi.source.framework');
}

/** The words for how people hold the tiers (認定, 任命), as message parameters: {held} in a sentence, {Held} to start one. */
export type HoldingWords = { readonly held: string; readonly Held: string };

/** The framework's words for holding a tier: 認定 where people are certified, 任命 where HR appoints them. */
export function holdingWords(holding: TierHolding, t: Translate): HoldingWords {
  return { held: t(`kpi.holding.${holding}`), Held: t(`kpi.holding.${holding}Title`) };
}
