import type ExcelJS from 'exceljs';
import type { MessageKey, MessageParams } from '../../i18n';
import { fromCell, type FieldValue } from './cellValues';
import { FIELD_HEADERS, type Column, type Sheet } from './sheets';

/** A place in the workbook: a sheet, a row of it, or one cell (with the column's header, to name it). */
export interface Location {
  readonly sheet: string;
  readonly row?: number;
  readonly column?: string;
  readonly header?: string;
}

/** Something wrong with the workbook itself, before its content can be checked. */
export interface WorkbookProblem {
  readonly at: Location;
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** One item as a sheet holds it: its row, each column's value (by column key) and each column's cell. */
export interface SheetRecord {
  readonly at: Location;
  readonly values: Map<string, FieldValue>;
  readonly cells: Map<string, Location>;
}

const HEADER_ROW = 1;

/**
 * Reads a sheet's items, reporting every cell that cannot be read as its column's type. A fields sheet (one field
 * per row) reads as a single record; a table sheet gives one record per row that has anything in it. Undefined: no such sheet.
 */
export function readSheet(workbook: ExcelJS.Workbook, sheet: Sheet, problems: WorkbookProblem[]): SheetRecord[] | undefined {
  const worksheet = workbook.getWorksheet(sheet.name);
  if (!worksheet) {
    problems.push({ at: { sheet: sheet.name }, key: 'workbook.missingSheet' });
    return undefined;
  }
  return sheet.kind === 'fields' ? [readFields(worksheet, sheet.columns, problems)] : readTable(worksheet, sheet.columns, problems);
}

function readTable(worksheet: ExcelJS.Worksheet, columns: readonly Column[], problems: WorkbookProblem[]): SheetRecord[] {
  const placed = new Map<number, Column>();
  const headerRow = worksheet.getRow(HEADER_ROW);
  headerRow.eachCell((cell, number) => {
    const header = textOf(cell);
    if (header === undefined) return;
    const at = { sheet: worksheet.name, row: HEADER_ROW, column: worksheet.getColumn(number).letter, header };
    const column = columns.find((c) => c.header === header);
    if (!column) {
      problems.push({ at, key: 'workbook.unknownColumn', params: { header, headers: columns.map((c) => c.header).join('、') } });
    } else if ([...placed.values()].includes(column)) {
      problems.push({ at, key: 'workbook.columnTwice', params: { header } });
    } else {
      placed.set(number, column);
    }
  });
  reportMissing(worksheet.name, columns, [...placed.values()], 'workbook.missingColumn', problems);

  const records: SheetRecord[] = [];
  for (let row = HEADER_ROW + 1; row <= worksheet.rowCount; row++) {
    const record: SheetRecord = { at: { sheet: worksheet.name, row }, values: new Map(), cells: new Map() };
    for (const [number, column] of placed) {
      const at = { sheet: worksheet.name, row, column: worksheet.getColumn(number).letter, header: column.header };
      readCell(worksheet.getCell(row, number), column, at, record, problems);
    }
    if (record.values.size > 0 || rowHasProblems(problems, worksheet.name, row)) records.push(record);
  }
  return records;
}

function readFields(worksheet: ExcelJS.Worksheet, fields: readonly Column[], problems: WorkbookProblem[]): SheetRecord {
  const record: SheetRecord = { at: { sheet: worksheet.name }, values: new Map(), cells: new Map() };
  const seen: Column[] = [];
  for (let row = HEADER_ROW + 1; row <= worksheet.rowCount; row++) {
    const label = textOf(worksheet.getCell(row, 1));
    if (label === undefined) continue;
    const at = { sheet: worksheet.name, row, column: 'B', header: label };
    const field = fields.find((f) => f.header === label);
    if (!field) {
      problems.push({ at: { ...at, column: 'A', header: FIELD_HEADERS.label }, key: 'workbook.unknownField', params: { header: label } });
    } else if (seen.includes(field)) {
      problems.push({ at: { ...at, column: 'A', header: FIELD_HEADERS.label }, key: 'workbook.columnTwice', params: { header: label } });
    } else {
      seen.push(field);
      readCell(worksheet.getCell(row, 2), field, at, record, problems);
    }
  }
  reportMissing(worksheet.name, fields, seen, 'workbook.missingField', problems);
  return record;
}

function readCell(cell: ExcelJS.Cell, column: Column, at: Location, record: SheetRecord, problems: WorkbookProblem[]): void {
  record.cells.set(column.key, at);
  const read = fromCell(column.type, cell.value);
  if (read.kind === 'value') record.values.set(column.key, read.value);
  else if (read.kind === 'problem') problems.push({ at, key: read.key, params: read.params });
}

function reportMissing(
  sheet: string,
  columns: readonly Column[],
  found: readonly Column[],
  key: 'workbook.missingColumn' | 'workbook.missingField',
  problems: WorkbookProblem[],
): void {
  for (const column of columns) {
    if (column.required && !found.includes(column)) problems.push({ at: { sheet }, key, params: { header: column.header } });
  }
}

/** A row whose only content could not be read is still a row to fix, not an empty one. */
function rowHasProblems(problems: readonly WorkbookProblem[], sheet: string, row: number): boolean {
  return problems.some((p) => p.at.sheet === sheet && p.at.row === row);
}

function textOf(cell: ExcelJS.Cell): string | undefined {
  const read = fromCell('text', cell.value);
  return read.kind === 'value' ? String(read.value).trim() : undefined;
}
