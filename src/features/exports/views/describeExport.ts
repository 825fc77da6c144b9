import type { ExportKind } from '../../../exporting/preparedExport';
import type { Translate } from '../../../i18n';

/** What an export holds, in a few words: "応募一覧（2026年度）", "自己診断の結果". */
export function exportLabel(request: { kind: ExportKind; fiscalYear?: number }, t: Translate): string {
  switch (request.kind) {
    case 'applications':
      return t('export.what.applications', { year: request.fiscalYear ?? '' });
    case 'assessmentSummaries':
      return t('export.what.assessmentSummaries');
    case 'broadcasts':
      return t('export.what.broadcasts');
    case 'broadcastReport':
      return t('export.what.broadcastReport');
    case 'trainingRecords':
      return t('export.what.trainingRecords');
  }
}

/** Cells of a text progress bar: fine enough to see it move, short enough for a phone. */
const BAR_CELLS = 20;

/** "■■■■■□□□□□ 50%": how much of the work is done. */
export function progressBar(done: number, total: number, t: Translate): string {
  const percent = total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 0;
  const filled = Math.floor((percent * BAR_CELLS) / 100);
  return t('export.bar', { bar: '■'.repeat(filled) + '□'.repeat(BAR_CELLS - filled), percent });
}
