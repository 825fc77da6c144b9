import type { TierHolding } from '../../../domain/insight/holding';
import type { SourcedCount } from '../../../domain/insight/targets';
import type { Translate } from '../../../i18n';

/** The width of a text bar: wide enough to compare, narrow enough for a phone. */
const BAR_WIDTH = 10;

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
