import type { Framework } from '../../domain/framework/framework';
import { baselineOf, certifiedTiers, parseCountInput, targetOf, type KpiSettings, type SourcedCount } from '../../domain/insight/targets';
import type { KpiSettingValue } from '../../storage/kpiSettingsRepository';

/** One field of HR's targets form: its input id and what it sets (a target of all tiers or of one, or the baseline). */
export interface TargetField {
  readonly id: string;
  readonly sets: { readonly kind: 'target'; readonly tier?: string } | { readonly kind: 'baseline' };
}

/** The form's fields: the year's target for all tiers, one per certified tier, and the baseline. */
export function targetFields(framework: Framework): TargetField[] {
  return [
    { id: 'targetAll', sets: { kind: 'target' } },
    ...certifiedTiers(framework).map((tier): TargetField => ({ id: `tierTarget_${tier}`, sets: { kind: 'target', tier } })),
    { id: 'baseline', sets: { kind: 'baseline' } },
  ];
}

/** The value a field stands at now, HR's or the plan's; undefined when neither sets it. */
export function currentValue(framework: Framework, settings: KpiSettings, fiscalYear: number, field: TargetField): SourcedCount | undefined {
  return field.sets.kind === 'baseline' ? baselineOf(framework, settings) : targetOf(framework, settings, fiscalYear, field.sets.tier);
}

/** The form as submitted: what was typed in each field, the fields that are not a whole number in range, the counts. */
export interface SubmittedForm {
  readonly typed: Readonly<Record<string, string>>;
  readonly invalid: readonly TargetField[];
  readonly counts: ReadonlyMap<string, number>;
}

/** Reads the submitted inputs; a field missing from the payload (an old card) is as good as empty. */
export function readTargetForm(fields: readonly TargetField[], inputs: Readonly<Record<string, unknown>>): SubmittedForm {
  const typed: Record<string, string> = {};
  const invalid: TargetField[] = [];
  const counts = new Map<string, number>();
  for (const field of fields) {
    const text = typeof inputs[field.id] === 'string' ? (inputs[field.id] as string) : '';
    typed[field.id] = text;
    const parsed = parseCountInput(text);
    if (!parsed.ok) invalid.push(field);
    else if (parsed.value !== undefined) counts.set(field.id, parsed.value);
  }
  return { typed, invalid, counts };
}

/** The values to write: the fields filled in with a count other than what HR has set (the plan's becomes HR's). */
export function changedValues(
  fields: readonly TargetField[],
  counts: ReadonlyMap<string, number>,
  settings: KpiSettings,
  fiscalYear: number,
): KpiSettingValue[] {
  return fields.flatMap((field): KpiSettingValue[] => {
    const count = counts.get(field.id);
    if (count === undefined) return [];
    if (field.sets.kind === 'baseline') return settings.baseline === count ? [] : [{ kind: 'baseline', count }];
    const tier = field.sets.tier;
    const set = settings.targets.find((t) => t.fiscalYear === fiscalYear && t.tier === tier);
    if (set?.count === count) return [];
    return [{ kind: 'target', target: tier === undefined ? { fiscalYear, count } : { fiscalYear, tier, count } }];
  });
}
