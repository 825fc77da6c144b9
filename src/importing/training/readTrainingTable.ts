import type ExcelJS from 'exceljs';
import type { TrainingTable } from '../../domain/training/validateTrainingRecords';
import type { Validated, ValidationIssue } from '../../domain/validation';
import type { Translate } from '../../i18n';
import { CsvSyntaxError, parseCsv } from '../csv';
import { decodeUtf8Text } from '../decodeText';
import { plainValue } from '../workbook/cellValues';
import { loadWorkbook } from '../workbook/loadWorkbook';

/** The headings' row in either kind of file. */
const HEADER_ROW = 1;

/** A CSV attendance file (UTF-8) as a table: rows are numbered by the line they start on. */
export function readCsvTable(bytes: Uint8Array, t: Translate): Validated<TrainingTable> {
  const text = decodeUtf8Text(bytes);
  if (!text.ok) return text;
  let records;
  try {
    records = parseCsv(text.value);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { ok: false, issues: [{ where: t('training.at.row', { row: err.line }), message: err.message }] };
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, issues: [{ where: t('training.at.file'), message: t('training.problem.noHeader') }] };
  return {
    ok: true,
    value: {
      headerRow: header.line,
      headers: header.fields.map((text, index) => ({ column: columnLetter(index), text })),
      rows: rows.filter((r) => r.fields.some((f) => f.trim() !== '')).map((r) => ({ row: r.line, cells: r.fields })),
    },
  };
}

/** The first sheet of an attendance workbook as a table; a cell typed as a date reads as that day. */
export async function readWorkbookTable(bytes: Uint8Array, t: Translate): Promise<Validated<TrainingTable>> {
  const loaded = await loadWorkbook(bytes, t);
  if (!loaded.ok) return loaded;
  const sheet = loaded.value.worksheets[0];
  if (!sheet) return { ok: false, issues: [{ where: t('training.at.file'), message: t('training.problem.noHeader') }] };
  const headings: string[] = [];
  const issues: ValidationIssue[] = [];
  const textAt = (row: number, index: number): string => {
    const read = cellText(sheet.getCell(row, index + 1));
    if (typeof read === 'string') return read;
    const where = t('training.at.cell', { row, column: columnLetter(index), header: headings[index] ?? '' });
    issues.push({ where, message: t('workbook.errorCell', { value: read.error }) });
    return '';
  };
  for (let index = 0; index < sheet.columnCount; index++) headings.push(textAt(HEADER_ROW, index));
  const headers = headings.map((text, index) => ({ column: columnLetter(index), text }));
  const rows = [];
  for (let row = HEADER_ROW + 1; row <= sheet.rowCount; row++) {
    const cells = headings.map((_, index) => textAt(row, index));
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ row, cells });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { headerRow: HEADER_ROW, headers, rows } };
}

/** What a person sees in the cell, as text: a date as YYYY-MM-DD (exceljs gives a day as its midnight in UTC). */
function cellText(cell: ExcelJS.Cell): string | { error: string } {
  const value = plainValue(cell.value);
  if (value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'object' ? value : String(value);
}

/** A column's letters as a spreadsheet names it: 0 → A, 25 → Z, 26 → AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
