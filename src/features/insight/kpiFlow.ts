import type { AdaptiveCard } from '../../cards/renderCard';
import { fiscalYearOf } from '../../domain/applications/fiscalYear';
import type { Locale } from '../../i18n';
import type { Who } from '../applications/who';
import { collectFigures } from './collectFigures';
import type { KpiDeps } from './deps';
import { changedValues, readTargetForm, targetFields } from './targetForm';
import { kpiCard, type KpiBanner } from './views/kpiCard';
import { fieldLabel, targetsCard } from './views/targetsCard';

/** How many past fiscal years HR can look at and set targets for; the next one can be prepared too. */
const YEARS_BACK = 5;

/**
 * HR's KPI: the figures of a fiscal year, and the form for its targets and the baseline. The caller has checked
 * that `who` is HR on the roster.
 */
export class KpiFlow {
  constructor(private readonly deps: KpiDeps) {}

  /** The KPI card of a fiscal year (the current one unless asked; a year outside the selector's shows the current). */
  async show(who: Who, asked?: number, banner?: KpiBanner): Promise<AdaptiveCard> {
    const years = this.selectableYears();
    const fiscalYear = asked !== undefined && years.includes(asked) ? asked : fiscalYearOf(this.deps.now());
    const { settings } = await this.deps.kpiSettings.read(who.framework.id);
    const figures = await collectFigures(this.deps, who.framework, settings, fiscalYear);
    return kpiCard(who.framework, figures, years, who.t, banner);
  }

  /** The targets form of a fiscal year. */
  async targets(who: Who, fiscalYear: number): Promise<AdaptiveCard> {
    if (!this.selectableYears().includes(fiscalYear)) return this.yearNotAllowed(who, fiscalYear);
    const stored = await this.deps.kpiSettings.read(who.framework.id);
    return targetsCard(who.framework, fiscalYear, stored, targetFields(who.framework), who.t);
  }

  /**
   * Saves what HR filled in, all or nothing: refused, with the form back as typed, when a field is not a whole number
   * from 0 to 100,000, or when the stored values changed since the form was shown (`seen`).
   */
  async save(who: Who, fiscalYear: number, seen: string, inputs: Readonly<Record<string, unknown>>): Promise<AdaptiveCard> {
    const { framework, t } = who;
    if (!this.selectableYears().includes(fiscalYear)) return this.yearNotAllowed(who, fiscalYear);
    const fields = targetFields(framework);
    const form = readTargetForm(fields, inputs);
    const stored = await this.deps.kpiSettings.read(framework.id);
    if (form.invalid.length > 0) {
      const names = quotedList(form.invalid.map((field) => fieldLabel(framework, field, fiscalYear, t)), who.locale);
      const banner: KpiBanner = { text: t('kpi.targets.invalid', { fields: names }), style: 'warning' };
      return targetsCard(framework, fiscalYear, stored, fields, t, { typed: form.typed, banner });
    }
    // The form comes back with what was typed, over the values as they are now, so HR can check them and save again.
    const changedMeanwhile = async (): Promise<AdaptiveCard> =>
      targetsCard(framework, fiscalYear, await this.deps.kpiSettings.read(framework.id), fields, t, {
        typed: form.typed,
        banner: { text: t('kpi.targets.changedMeanwhile'), style: 'warning' },
      });
    if (stored.version !== seen) return changedMeanwhile();
    const values = changedValues(fields, form.counts, stored.settings, fiscalYear);
    if (values.length === 0) return this.show(who, fiscalYear, { text: t('kpi.targets.unchanged'), style: 'good' });
    const change = { by: who.aadObjectId, at: this.deps.now().toISOString() };
    if (!(await this.deps.kpiSettings.write(framework.id, values, stored, change))) return changedMeanwhile();
    this.deps.logger.info('KPI settings saved', { frameworkId: framework.id, fiscalYear, by: who.aadObjectId, values });
    return this.show(who, fiscalYear, { text: t('kpi.targets.saved'), style: 'good' });
  }

  /** The years the selector offers: the past few, this one and the next, oldest first. */
  private selectableYears(): number[] {
    const current = fiscalYearOf(this.deps.now());
    return Array.from({ length: YEARS_BACK + 2 }, (_, i) => current - YEARS_BACK + i);
  }

  private yearNotAllowed(who: Who, fiscalYear: number): Promise<AdaptiveCard> {
    const years = this.selectableYears();
    const text = who.t('kpi.targets.yearNotAllowed', { fy: fiscalYear, from: years[0]!, to: years[years.length - 1]! });
    return this.show(who, undefined, { text, style: 'warning' });
  }
}

/** Field names as a sentence quotes them: 「a」「b」, or "a", "b". */
function quotedList(names: readonly string[], locale: Locale): string {
  return locale === 'en' ? names.map((n) => `"${n}"`).join(', ') : names.map((n) => `「${n}」`).join('');
}
