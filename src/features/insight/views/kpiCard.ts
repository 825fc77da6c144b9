import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { KpiFigures } from '../../../domain/insight/kpiFigures';
import type { Translate } from '../../../i18n';
import { coverageSection, departmentSection, funnelSection, levelSection, participationSection } from './kpiSections';
import { progressSection } from './progressSection';
import { yearLabel } from './describe';

/** A line above the figures: what just happened (saved) or what did not (a year that cannot be set). */
export interface KpiBanner {
  readonly text: string;
  readonly style: 'good' | 'warning';
}

/**
 * HR's KPI for one fiscal year: certified people against the baseline, the plan and each year's targets (charts, with
 * rows of text for clients without charts), the funnel from self-assessment to certification, the departments, the
 * self-assessed levels, the coverage of sections when the framework's KPI is one holder per section, and the
 * year's participants per program against the plan's targets. A year selector and the way to the targets form.
 */
export function kpiCard(
  framework: Framework,
  figures: KpiFigures,
  years: readonly number[],
  t: Translate,
  banner?: KpiBanner,
): AdaptiveCard {
  const { fiscalYear } = figures;
  return renderCard('kpi', {
    fiscalYear,
    frameworkName: framework.document.name,
    banner: banner ?? '',
    yearChoices: years.map((fy) => ({ title: yearLabel(fy, t), value: String(fy) })),
    selectedYear: String(fiscalYear),
    progress: progressSection(framework, figures, t),
    funnel: funnelSection(figures, t),
    departments: departmentSection(figures, t),
    levels: levelSection(figures, t),
    coverage: figures.coverage ? coverageSection(framework, figures.coverage, t) : '',
    participation: participationSection(figures, t),
    labels: {
      title: t('kpi.title', { fy: fiscalYear }),
      yearLabel: t('kpi.yearLabel'),
      show: t('kpi.show'),
      setTargets: t('kpi.setTargets'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
