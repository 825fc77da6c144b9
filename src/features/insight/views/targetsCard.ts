import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import { tierHolding } from '../../../domain/insight/holding';
import type { KpiSettings } from '../../../domain/insight/targets';
import type { Translate } from '../../../i18n';
import { tierName } from '../../appointment/views/describe';
import { grouped } from '../../broadcast/views/describe';
import { currentValue, type TargetField } from '../targetForm';
import { holdingWords } from './describe';
import type { KpiBanner } from './kpiCard';

/** What the form shows besides the stored values: what HR typed (shown again after a refusal) and why it is back. */
export interface TargetsFormState {
  readonly typed?: Readonly<Record<string, string>>;
  readonly banner?: KpiBanner;
}

/** A field's label: "2026年度の目標：ゴールド", "基準値：…". */
export function fieldLabel(framework: Framework, field: TargetField, fiscalYear: number, t: Translate): string {
  if (field.sets.kind === 'baseline') return t('kpi.targets.baseline', holdingWords(tierHolding(framework), t));
  const tier = field.sets.tier;
  return tier === undefined ? t('kpi.targets.all', { fy: fiscalYear }) : t('kpi.targets.tier', { fy: fiscalYear, tier: tierName(framework, tier) });
}

/**
 * HR's form for a fiscal year's targets and the baseline: one field each, empty unless HR typed something, with
 * the value in force under it. `version` goes back with the save, so a form older than the stored values is refused.
 */
export function targetsCard(
  framework: Framework,
  fiscalYear: number,
  stored: { readonly settings: KpiSettings; readonly version: string },
  fields: readonly TargetField[],
  t: Translate,
  state: TargetsFormState = {},
): AdaptiveCard {
  return renderCard('kpiTargets', {
    fiscalYear,
    seen: stored.version,
    banner: state.banner ?? '',
    fields: fields.map((field) => {
      const now = currentValue(framework, stored.settings, fiscalYear, field);
      const value = now ? grouped(now.count) : t('kpi.targets.unset');
      return {
        id: field.id,
        label: fieldLabel(framework, field, fiscalYear, t),
        value: state.typed?.[field.id] ?? '',
        current: now?.source === 'framework' ? t('kpi.targets.currentFromPlan', { value }) : t('kpi.targets.current', { value }),
      };
    }),
    labels: {
      title: t('kpi.targets.title', { fy: fiscalYear }),
      intro: t('kpi.targets.intro'),
      save: t('kpi.targets.save'),
      back: t('kpi.targets.back'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
