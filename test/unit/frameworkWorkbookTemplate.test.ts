import ExcelJS from 'exceljs';
import { GUIDE_SHEET } from '../../src/importing/workbook/guideSheet';
import { FIELD_HEADERS, listedSheet, SHEETS, type Column } from '../../src/importing/workbook/sheets';
import { frameworkWorkbook } from '../../src/importing/workbook/writeWorkbook';

// The empty template as Excel would open it: written to bytes and read back.
let template: ExcelJS.Workbook;
beforeAll(async () => {
  template = new ExcelJS.Workbook();
  await template.xlsx.load(await frameworkWorkbook().xlsx.writeBuffer());
});

/** Excel's own limits: a sheet name of at most 31 characters without []:*?/\, a list of choices of at most 255. */
const EXCEL_SHEET_NAME = /^[^[\]:*?/\\]{1,31}$/;
const EXCEL_LIST_CHARS = 255;

function expectedValidation(column: Column): string | undefined {
  if (!column.dropDown) return undefined;
  return 'values' in column.dropDown ? `"${column.dropDown.values.join(',')}"` : `'${listedSheet(column.dropDown.sheet).name}'!$A$2:$A$1000`;
}

describe('the framework template', () => {
  it('opens on the guide, then has one sheet per part of the format, each named within Excel\'s limits', () => {
    expect(template.worksheets.map((s) => s.name)).toEqual([GUIDE_SHEET, ...SHEETS.map((s) => s.name)]);
    for (const sheet of SHEETS) expect(sheet.name).toMatch(EXCEL_SHEET_NAME);
  });

  it('explains every sheet on the guide, in Japanese', () => {
    const guide = template.getWorksheet(GUIDE_SHEET)!;
    const rows = guide.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1).map(String)] : []));
    for (const sheet of SHEETS) expect(rows).toContainEqual([sheet.name, sheet.about]);
    expect(rows.flat().join('\n')).toContain('npm run framework:import -- --file このファイル.xlsx --dry-run');
  });

  it.each(SHEETS.filter((s) => s.kind === 'table').map((s) => [s.name, s] as const))(
    '%s: Japanese headers, each with its note, a sensible width, and its drop-down under it',
    (name, sheet) => {
      const worksheet = template.getWorksheet(name)!;
      sheet.columns.forEach((column, i) => {
        const header = worksheet.getCell(1, i + 1);
        expect({ header: header.value, note: header.note }).toEqual({ header: column.header, note: column.note });
        expect(worksheet.getColumn(i + 1).width).toBeGreaterThanOrEqual(Math.max(12, column.header.length * 2));
        const validation = worksheet.getCell(2, i + 1).dataValidation as ExcelJS.DataValidation | undefined;
        const list = expectedValidation(column);
        if (list) {
          expect(validation).toMatchObject({ type: 'list', formulae: [list] });
          expect(list.length).toBeLessThanOrEqual(EXCEL_LIST_CHARS);
        } else if (column.type === 'integer') {
          expect(validation).toMatchObject({ type: 'whole' });
        } else {
          expect(validation).toBeUndefined();
        }
      });
      expect(worksheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(worksheet.actualRowCount).toBe(1);
    },
  );

  it.each(SHEETS.filter((s) => s.kind === 'fields').map((s) => [s.name, s] as const))(
    '%s: one row per field, named in column A with its note, the value empty, the explanation beside it',
    (name, sheet) => {
      const worksheet = template.getWorksheet(name)!;
      expect(worksheet.getRow(1).values).toEqual([undefined, FIELD_HEADERS.label, FIELD_HEADERS.value, FIELD_HEADERS.about]);
      sheet.columns.forEach((field, i) => {
        const row = worksheet.getRow(i + 2);
        expect({ label: row.getCell(1).value, note: row.getCell(1).note, value: row.getCell(2).value, about: row.getCell(3).value }).toEqual({
          label: field.header,
          note: field.note,
          value: null,
          about: field.note,
        });
        const list = expectedValidation(field);
        if (list) expect(row.getCell(2).dataValidation).toMatchObject({ type: 'list', formulae: [list] });
      });
    },
  );
});
