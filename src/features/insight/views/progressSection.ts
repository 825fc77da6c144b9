import type { Framework } from '../../../domain/framework/framework';
import type { KpiFigures } from '../../../domain/insight/kpiFigures';
import type { Translate } from '../../../i18n';
import { tierName } from '../../appointment/views/describe';
import { grouped } from '../../broadcast/views/describe';
import { holdingWords, peopleAxisTop, percentOf, sourceLabel, textBar, yearLabel, type HoldingWords } from './describe';

/** The colours of the people certified through the bot, and of those certified before it. */
const REACHED = 'categoricalMarigold';
const BEFORE_THE_BOT = 'categoricalLightBlue';

/**
 * Certified (or appointed) people against targets, for the KPI card (cards/kpi.json): a line per fact; a gauge of
 * the cumulative figure against the plan; and a chart of the fiscal years. Each chart comes with
 * rows of text for clients that do not draw charts, and gives way to a sentence when it would draw nothing.
 */
export function progressSection(framework: Framework, figures: KpiFigures, t: Translate): object {
  const words = holdingWords(figures.holding, t);
  return {
    lines: progressLines(framework, figures, words, t).map((text) => ({ text })),
    plan: planGauge(figures, words, t),
    yearly: yearlyChart(figures, words, t),
    labels: { heading: t('kpi.progress.heading', words) },
  };
}

function progressLines(framework: Framework, figures: KpiFigures, words: HoldingWords, t: Translate): string[] {
  const current = figures.years[figures.years.length - 1]!;
  const { cumulative } = figures;
  const lines: string[] = [yearLine(current, words, t)];
  for (const tier of current.tiers) {
    const name = tierName(framework, tier.tier);
    lines.push(
      tier.target
        ? t('kpi.progress.tier', { tier: name, certified: grouped(tier.certified), target: grouped(tier.target.count) }) + sourceLabel(tier.target, t)
        : t('kpi.progress.tierNoTarget', { tier: name, certified: grouped(tier.certified) }),
    );
  }
  lines.push(
    cumulative.baseline
      ? t('kpi.progress.cumulative', {
          ...words,
          total: grouped(cumulative.total),
          baseline: grouped(cumulative.baseline.count),
          certified: grouped(cumulative.certified),
        }) + sourceLabel(cumulative.baseline, t)
      : t('kpi.progress.cumulativeNoBaseline', { ...words, total: grouped(cumulative.total) }),
  );
  if (cumulative.range) {
    const { fromFiscalYear, toFiscalYear, count } = cumulative.range;
    const percent = percentOf(cumulative.total, count) ?? 0;
    lines.push(t('kpi.progress.range', { from: fromFiscalYear, to: toFiscalYear, target: grouped(count), percent }));
  }
  for (const { tier, holders, target } of figures.plan) {
    const percent = percentOf(holders, target) ?? 0;
    lines.push(t('kpi.progress.plan', { tier: tierName(framework, tier), target: grouped(target), holders: grouped(holders), percent }));
  }
  return lines;
}

function yearLine(year: KpiFigures['years'][number], words: HoldingWords, t: Translate): string {
  const { fiscalYear, certified, target } = year;
  if (!target) return t('kpi.progress.yearNoTarget', { ...words, fy: fiscalYear, certified: grouped(certified) });
  const percent = percentOf(certified, target.count);
  const params = { ...words, fy: fiscalYear, certified: grouped(certified), target: grouped(target.count) };
  const line = percent === undefined ? t('kpi.progress.yearNoPercent', params) : t('kpi.progress.year', { ...params, percent });
  return line + sourceLabel(target, t);
}

/**
 * The cumulative figure against the plan's target over its years, as a gauge from 0 to the target: the people
 * certified before the bot (the baseline, so the years before it are not drawn as if nobody had been) and those
 * certified since, each a segment of their own. '' without a plan over several years to measure against.
 */
function planGauge(figures: KpiFigures, words: HoldingWords, t: Translate): object | '' {
  const { baseline, certified, total, range } = figures.cumulative;
  if (!range) return '';
  // Each part's legend carries its number: a segment of a few people next to thousands is too thin to see.
  const part = (key: 'kpi.plan.baseline' | 'kpi.plan.certified', count: number, color: string): { legend: string; size: number; color: string } => ({
    legend: t(key, { ...words, count: grouped(count) }),
    size: count,
    color,
  });
  const segments = [...(baseline ? [part('kpi.plan.baseline', baseline.count, BEFORE_THE_BOT)] : []), part('kpi.plan.certified', certified, REACHED)];
  const max = Math.max(total, range.count);
  const row = (label: string, count: number): object => ({ label, bar: textBar(count, max), figures: t('kpi.chart.people', { count: grouped(count) }) });
  return {
    total,
    target: range.count,
    segments,
    // The gauge shows the total in its middle; the line under it says what it is out of.
    subLabel: t('kpi.plan.subLabel', { total: grouped(total), target: grouped(range.count), from: range.fromFiscalYear, to: range.toFiscalYear }),
    rows: [
      row(t('kpi.plan.total'), total),
      row(t('kpi.plan.target', { from: range.fromFiscalYear, to: range.toFiscalYear }), range.count),
    ],
    labels: { title: t('kpi.plan.title', words) },
  };
}

/**
 * Each fiscal year's people against its target, on a line chart whose axis counts whole people. The years before
 * anyone was counted or given a target are left out (before the bot, nobody was counted here: the baseline stands
 * for them); with fewer than two years left, a sentence says why there is no chart.
 */
function yearlyChart(figures: KpiFigures, words: HoldingWords, t: Translate): object {
  const first = figures.years.findIndex((y) => y.certified > 0 || y.target !== undefined);
  const title = t('kpi.chart.title', words);
  const { fiscalYear } = figures;
  if (first < 0) return { empty: t('kpi.chart.nothingYet', { ...words, from: figures.years[0]!.fiscalYear, to: fiscalYear }), labels: { title } };
  const years = figures.years.slice(first);
  // One year is a lone dot: the line above says the same in words.
  if (years.length === 1) return { empty: t('kpi.chart.oneYear', { ...words, fy: fiscalYear }), labels: { title } };
  const max = Math.max(...years.map((y) => Math.max(y.certified, y.target?.count ?? 0)));
  return {
    empty: '',
    axisTop: peopleAxisTop(max),
    points: years.map((y) => ({
      label: yearLabel(y.fiscalYear, t),
      certified: y.certified,
      bar: textBar(y.certified, max),
      figures: y.target
        ? t('kpi.chart.yearRow', { certified: grouped(y.certified), target: grouped(y.target.count) })
        : t('kpi.chart.yearRowNoTarget', { certified: grouped(y.certified) }),
    })),
    // A year without a target has no point on the target line; its row says so.
    targets: years.flatMap((y) => (y.target ? [{ label: yearLabel(y.fiscalYear, t), count: y.target.count }] : [])),
    labels: { title, certified: t('kpi.chart.certified', words), target: t('kpi.chart.target') },
  };
}
