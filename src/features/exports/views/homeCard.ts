import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { HOME_EXPORT_KINDS } from '../../../exporting/preparedExport';
import type { Translate } from '../../../i18n';

type HomeExportKind = (typeof HOME_EXPORT_KINDS)[number];

/** How many fiscal years back HR can export applications from. */
const YEARS_OFFERED = 5;

/**
 * HR's exports: applications of a fiscal year (this year first), the latest self-assessments, the broadcasts, and
 * the training records, each with its button. `started` says which export was just asked for (its progress comes as a card below).
 */
export function exportHomeCard(currentFiscalYear: number, t: Translate, started = ''): AdaptiveCard {
  const label = (kind: HomeExportKind): string => t(`export.kind.${kind}`);
  const years = Array.from({ length: YEARS_OFFERED }, (_, i) => currentFiscalYear - i);
  return renderCard('exportHome', {
    started,
    fiscalYear: String(currentFiscalYear),
    years: years.map((year) => ({ title: t('export.fiscalYearChoice', { year }), value: String(year) })),
    labels: {
      title: t('export.title'),
      intro: t('export.intro'),
      applications: label('applications'),
      applicationsHelp: t('export.kind.applications.help'),
      fiscalYear: t('export.fiscalYear'),
      createApplications: t('export.create', { what: label('applications') }),
      assessmentSummaries: label('assessmentSummaries'),
      assessmentSummariesHelp: t('export.kind.assessmentSummaries.help'),
      createAssessmentSummaries: t('export.create', { what: label('assessmentSummaries') }),
      broadcasts: label('broadcasts'),
      broadcastsHelp: t('export.kind.broadcasts.help'),
      createBroadcasts: t('export.create', { what: label('broadcasts') }),
      trainingRecords: label('trainingRecords'),
      trainingRecordsHelp: t('export.kind.trainingRecords.help'),
      createTrainingRecords: t('export.create', { what: label('trainingRecords') }),
      backToMenu: t('common.backToMenu'),
    },
  });
}
