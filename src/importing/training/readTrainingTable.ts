import type ExcelJS from 'exceljs';
import { namesAnyColumn, type TrainingTable } from '../../domain/training/trainingTable';
import { TRAINING_COLUMNS } from '../../domain/training/validateTrainingRecords';
import { isSessionsTable } from '../../domain/training/validateTrainingSessions';
import type { Validated, ValidationIssue } from '../../domain/validation';
import type { Translate } from '../../i18n';
import { CsvSyntaxError, parseCsv } from '../csv';
import { decodeUtf8Text } from '../decodeText';
import { plainValue } from '../workbook/cellValues';
import { loadWorkbook } from '../workbook/loadWorkbook';
import type { SheetTable, TrainingTables } from './importTrainingFile';

/** The headings' row in either kind of file. */
const HEADER_ROW = 1;

/** A CSV training file (UTF-8) as attendance or sessions, as its headings say. */
export function readCsvTables(bytes: Uint8Array, t: Translate): Validated<TrainingTables> {
  const read = readCsvTable(bytes, t);
  if (!read.ok) return read;
  return { ok: true, value: isSessionsTable(read.value) ? { sessions: { table: read.value } } : { records: { table: read.value } } };
}

/** A CSV file (UTF-8) as a table: rows are numbered by the line they start on. */
function readCsvTable(bytes: Uint8Array, t: Translate): Validated<TrainingTable> {
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

/**
 * The tables of a training workbook: a sheet of sessions (its headings say so: 開催日, 会場 …) wherever it stands, and
 * the attendance sheet: the first sheet, as before sessions existed, or with a sessions sheet first, the first other
 * sheet with attendance headings. Other sheets (notes, lists) are not read.
 */
export async function readWorkbookTables(bytes: Uint8Array, t: Translate): Promise<Validated<TrainingTables>> {
  const loaded = await loadWorkbook(bytes, t);
  if (!loaded.ok) return loaded;
  const sheets = loaded.value.worksheets.map((sheet) => ({ sheet, headings: headingsOf(sheet) }));
  const sessions = sheets.find((s) => isSessionsTable(s.headings));
  const records = sessions ? sheets.find((s) => s !== sessions && namesAnyColumn(TRAINING_COLUMNS, s.headings)) : sheets[0];
  if (!sessions && !records) return { ok: false, issues: [{ where: t('training.at.file'), message: t('training.problem.noHeader') }] };
  const issues: ValidationIssue[] = [];
  const read = ({ sheet }: { sheet: ExcelJS.Worksheet }): SheetTable => ({ table: readSheet(sheet, t, issues), sheet: sheet.name });
  const tables: TrainingTables = { ...(records ? { records: read(records) } : {}), ...(sessions ? { sessions: read(sessions) } : {}) };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: tables };
}

/** A sheet's headings only, to tell what it holds before reading it (an error cell there is found when it is read). */
function headingsOf(sheet: ExcelJS.Worksheet): TrainingTable {
  const headers = [];
  for (let index = 0; index < sheet.columnCount; index++) {
    const text = cellText(sheet.getCell(HEADER_ROW, index + 1));
    headers.push({ column: sheet.getColumn(index + 1).letter, text: typeof text === 'string' ? text : '' });
  }
  return { headerRow: HEADER_ROW, headers, rows: [] };
}

/** A whole sheet as a table, adding a problem for each cell holding an error (#REF! …); a cell typed as a date reads as that day. */
function readSheet(sheet: ExcelJS.Worksheet, t: Translate, issues: ValidationIssue[]): TrainingTable {
  const headings: string[] = [];
  const textAt = (row: number, index: number): string => {
    const read = cellText(sheet.getCell(row, index + 1));
    if (typeof read === 'string') return read;
    const where = t('training.at.cell', { row, column: sheet.getColumn(index + 1).letter, header: headings[index] ?? '' });
    issues.push({ where, message: t('workbook.errorCell', { value: read.error }) });
    return '';
  };
  for (let index = 0; index < sheet.columnCount; index++) headings.push(textAt(HEADER_ROW, index));
  const headers = headings.map((text, index) => ({ column: sheet.getColumn(index + 1).letter, text }));
  const rows = [];
  for (let row = HEADER_ROW + 1; row <= sheet.rowCount; row++) {
    const cells = headings.map((_, index) => textAt(row, index));
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ row, cells });
  }
  return { headerRow: HEADER_ROW, headers, rows };
}

/**
 * What a person sees in the cell, as text: a date as YYYY-MM-DD (exceljs gives a day as its midnight in UTC), and a
 * time of day alone (a start time) as HH:MM: Excel keeps it as a moment of its day zero, 1899-12-30.
 */
function cellText(cell: ExcelJS.Cell): string | { error: string } {
  const value = plainValue(cell.value);
  if (value === undefined) return '';
  if (value instanceof Date) return value.getUTCFullYear() < 1900 ? value.toISOString().slice(11, 16) : value.toISOString().slice(0, 10);
  return typeof value === 'object' ? value : String(value);
}

/** A CSV column's letters as a spreadsheet opening the file names it: 0 → A, 25 → Z, 26 → AA (a sheet knows its own). */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
