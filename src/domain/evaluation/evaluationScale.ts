import type { EvaluationRules, RatingStep } from '../framework/schema';

/** Used when a framework's evaluation does not define its own scale: four steps against what the tier expects. */
export const DEFAULT_EVALUATION_SCALE: readonly RatingStep[] = [
  { value: 1, label: '期待を下回る', labelEn: 'Below expectations' },
  { value: 2, label: 'やや下回る', labelEn: 'Slightly below expectations' },
  { value: 3, label: '期待どおり', labelEn: 'Meets expectations' },
  { value: 4, label: '期待を上回る', labelEn: 'Exceeds expectations' },
];

/** The steps raters choose from, lowest first: the framework's own, or the default. */
export function evaluationScale(rules: EvaluationRules): readonly RatingStep[] {
  return rules.scale ?? DEFAULT_EVALUATION_SCALE;
}
