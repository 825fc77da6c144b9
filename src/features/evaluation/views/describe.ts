import type { Distribution } from '../../../domain/evaluation/aggregate';
import type { Evaluation } from '../../../domain/evaluation/evaluation';
import type { Framework } from '../../../domain/framework/framework';
import type { EvaluationViewpoint, RatingStep } from '../../../domain/framework/schema';
import type { Locale, MessageKey, Translate } from '../../../i18n';

/** A tier as people call it (DXエキスパート). */
export function tierName(framework: Framework, tier: string): string {
  return framework.tier(tier)?.name ?? tier;
}

/** A viewpoint of the framework's evaluation; its id stands in for one a later import removed. */
export function viewpointOf(framework: Framework, id: string): EvaluationViewpoint {
  return framework.rules.evaluation?.viewpoints.find((v) => v.id === id) ?? { id, name: id, raters: '', tiers: [] };
}

/** "政策的観点（幹部職員）": the viewpoint with who rates from it. */
export function viewpointHeading(framework: Framework, id: string, t: Translate): string {
  const viewpoint = viewpointOf(framework, id);
  return t('evaluation.viewpointHeading', { name: viewpoint.name, raters: viewpoint.raters || '—' });
}

/** A step of the scale in the user's language. */
export function stepLabel(step: RatingStep, locale: Locale): string {
  return locale === 'en' ? (step.labelEn ?? step.label) : step.label;
}

/** A mean to one decimal ("3.3"), or a dash while there is none. */
export function formatMean(mean: number | undefined): string {
  return mean === undefined ? '—' : mean.toFixed(1);
}

/** An evaluation's state in plain words (評価中, 認定, 認定せず終了). */
export function stateLabel(evaluation: Pick<Evaluation, 'state'>, t: Translate): string {
  return t(`evaluation.state.${evaluation.state}` as MessageKey);
}

/** "期待を上回る 1・期待どおり 2", highest step first, steps nobody chose left out; "" with no rating. */
export function distributionLine(distribution: Distribution, t: Translate, locale: Locale): string {
  return [...distribution]
    .reverse()
    .filter((d) => d.count > 0)
    .map((d) => t('evaluation.distributionItem', { label: stepLabel(d.step, locale), count: d.count }))
    .join(t('evaluation.listSeparator'));
}
