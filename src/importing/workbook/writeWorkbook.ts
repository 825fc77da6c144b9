import ExcelJS from 'exceljs';
import type { FrameworkDocument } from '../../domain/framework/schema';
import { toCell } from './cellValues';
import { addGuideSheet } from './guideSheet';
import { getAt } from './paths';
import { FIELD_HEADERS, listedSheet, SHEETS, type Column, type DropDown, type FieldsSheet, type TableSheet } from './sheets';

/** Rows below the last item that still offer the drop-downs, so a city can add items without losing them. */
const SPARE_ROWS = 300;
/** How far down a drop-down looks for the ids it offers. */
const LISTED_ROWS = 1000;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/**
 * The framework workbook: a guide sheet, then one sheet per part of the format. Without a document it is the empty
 * template; with one, the same workbook filled in (what `framework:template --from` and `framework:export` write).
 */
export function frameworkWorkbook(document?: FrameworkDocument): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'DX Navi';
  addGuideSheet(workbook);
  for (const sheet of SHEETS) {
    if (sheet.kind === 'fields') addFieldsSheet(workbook, sheet, document);
    else addTableSheet(workbook, sheet, document);
  }
  return workbook;
}

/** The items a table sheet lists; a child item carries its parent's id in the parent column. */
function sheetItems(document: FrameworkDocument | undefined, sheet: TableSheet): unknown[] {
  const within = sheet.within;
  if (!within) return (getAt(document, sheet.path) as unknown[] | undefined) ?? [];
  const parents = (getAt(document, within.path) as Record<string, unknown>[] | undefined) ?? [];
  return parents.flatMap((parent) =>
    ((parent[within.into] as Record<string, unknown>[] | undefined) ?? []).map((child) => ({ ...child, [within.parentKey]: parent.id })),
  );
}

function addTableSheet(workbook: ExcelJS.Workbook, sheet: TableSheet, document: FrameworkDocument | undefined): void {
  const worksheet = newSheet(workbook, sheet.name);
  worksheet.columns = sheet.columns.map((column) => ({ header: column.header, width: widthOf(column), style: styleOf(column) }));
  sheet.columns.forEach((column, i) => (worksheet.getCell(1, i + 1).note = column.note));
  const items = sheetItems(document, sheet);
  for (const item of items) worksheet.addRow(sheet.columns.map((column) => toCell(column.type, getAt(item, column.key))));
  const lastRow = items.length + 1 + SPARE_ROWS;
  sheet.columns.forEach((column, i) => {
    const validation = validationOf(column);
    if (!validation) return;
    for (let row = 2; row <= lastRow; row++) worksheet.getCell(row, i + 1).dataValidation = validation;
  });
  styleHeader(worksheet);
}

function addFieldsSheet(workbook: ExcelJS.Workbook, sheet: FieldsSheet, document: FrameworkDocument | undefined): void {
  const worksheet = newSheet(workbook, sheet.name);
  worksheet.columns = [
    { header: FIELD_HEADERS.label, width: 36 },
    { header: FIELD_HEADERS.value, width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { header: FIELD_HEADERS.about, width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  for (const field of sheet.columns) {
    const row = worksheet.addRow([field.header, toCell(field.type, getAt(document, field.key)), field.note]);
    row.getCell(1).note = field.note;
    const value = row.getCell(2);
    if (field.type !== 'integer' && field.type !== 'boolean') value.numFmt = '@';
    const validation = validationOf(field);
    if (validation) value.dataValidation = validation;
  }
  styleHeader(worksheet);
}

function newSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
}

function styleHeader(worksheet: ExcelJS.Worksheet): void {
  worksheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
}

/** Ids and numbers are short; texts get room to wrap. Japanese characters are about two widths each. */
function widthOf(column: Column): number {
  const byType = column.key === 'id' || column.dropDown ? 18 : { text: 48, lines: 28, integer: 12, boolean: 12 }[column.type];
  return Math.max(byType, column.header.length * 2 + 4);
}

/** Text columns are formatted as text, so Excel keeps "001" and "093-582-3020" as written. */
function styleOf(column: Column): Partial<ExcelJS.Style> {
  if (column.type === 'integer' || column.type === 'boolean') return { alignment: { vertical: 'top' } };
  return { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } };
}

function validationOf(column: Column): ExcelJS.DataValidation | undefined {
  if (column.dropDown) return dropDownOf(column.dropDown);
  if (column.type === 'integer') {
    return {
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: '数値',
      error: '半角の整数を入力してください。',
    };
  }
  return undefined;
}

function dropDownOf(dropDown: DropDown): ExcelJS.DataValidation {
  const source =
    'values' in dropDown
      ? `"${dropDown.values.join(',')}"`
      : `'${listedSheet(dropDown.sheet).name}'!$A$2:$A$${LISTED_ROWS}`;
  const from = 'values' in dropDown ? '一覧' : `「${listedSheet(dropDown.sheet).name}」シート`;
  return {
    type: 'list',
    formulae: [source],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: '一覧にない値',
    error: `${from}の値から選んでください。`,
  };
}
