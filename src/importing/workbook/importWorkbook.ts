import ExcelJS from 'exceljs';
import { translator, type Locale } from '../../i18n';
import type { FrameworkRepository } from '../../storage/frameworkRepository';
import { importFrameworkContent } from '../importFramework';
import type { ImportOptions, ImportOutcome } from '../importOutcome';
import { locate, problemIssue, workbookIssue } from './locateIssues';
import { readWorkbook } from './readWorkbook';

/**
 * Imports a framework workbook (.xlsx) as the JSON file would be imported: every problem is named by sheet, row
 * and column, in `locale`, and a workbook with any problem changes nothing.
 */
export async function importFrameworkWorkbook(
  bytes: Uint8Array,
  repository: FrameworkRepository,
  options: ImportOptions & { readonly locale: Locale },
): Promise<ImportOutcome> {
  const t = translator(options.locale);
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy in a plain ArrayBuffer: exceljs' types predate Node's generic Buffer.
    await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'invalid', issues: [{ where: t('workbook.at.file'), message: t('workbook.notAWorkbook', { reason }) }] };
  }
  const reading = readWorkbook(workbook);
  if (!reading.ok) return { status: 'invalid', issues: reading.problems.map((p) => problemIssue(p, t)) };
  return importFrameworkContent(reading.document, repository, options, (issues) =>
    issues.map((issue) => workbookIssue(issue, locate(reading.locations, issue.where), t)),
  );
}
