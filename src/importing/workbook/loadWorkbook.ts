import ExcelJS from 'exceljs';
import type { Validated } from '../../domain/validation';
import type { Translate } from '../../i18n';

/** Opens an .xlsx file's bytes, or says in the reader's language that they are not a workbook. */
export async function loadWorkbook(bytes: Uint8Array, t: Translate): Promise<Validated<ExcelJS.Workbook>> {
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy in a plain ArrayBuffer: exceljs' types predate Node's generic Buffer.
    await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ where: t('workbook.at.file'), message: t('workbook.notAWorkbook', { reason }) }] };
  }
  return { ok: true, value: workbook };
}
