import { z } from 'zod/v4';
import { frameworkDocumentSchema } from '../../src/domain/framework/schema';
import type { CellValue } from 'exceljs';
import type { MessageKey } from '../../src/i18n';
import { fromCell, type FieldValue } from '../../src/importing/workbook/cellValues';
import { SHEETS, type CellType } from '../../src/importing/workbook/sheets';

interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
}

/** Every field of the format, lists of items written `tiers[].name`; a list of plain values is one field. */
function fieldsOf(node: JsonSchemaNode, path = ''): string[] {
  if (node.type === 'object' && node.properties) {
    return Object.entries(node.properties).flatMap(([key, child]) => fieldsOf(child, path ? `${path}.${key}` : key));
  }
  if (node.type === 'array' && node.items?.type === 'object') return fieldsOf(node.items, `${path}[]`);
  return [path];
}

/** Every field a column of the workbook holds, written the same way. */
function fieldsInWorkbook(): string[] {
  return SHEETS.flatMap((sheet) =>
    sheet.columns
      .filter((column) => sheet.kind === 'fields' || column.key !== sheet.within?.parentKey)
      .map((column) => {
        if (sheet.kind === 'fields') return column.key;
        return column.key === '' ? sheet.path : `${sheet.path}[].${column.key}`;
      }),
  );
}

describe('the workbook and the format', () => {
  it('has a column for every field of the format, and none for a field it does not have', () => {
    // A new field of the format fails here until its column is added to src/importing/workbook/sheets.ts.
    const format = fieldsOf(z.toJSONSchema(frameworkDocumentSchema, { io: 'input' }) as JsonSchemaNode).filter((f) => f !== '$schema');
    expect([...fieldsInWorkbook()].sort()).toEqual([...format].sort());
  });

  it('names every column once within its sheet, and every sheet once', () => {
    expect(new Set(SHEETS.map((s) => s.name)).size).toBe(SHEETS.length);
    for (const sheet of SHEETS) expect(new Set(sheet.columns.map((c) => c.header)).size).toBe(sheet.columns.length);
  });
});

describe('a cell read as its column says', () => {
  it.each([
    ['full-width digits', 'integer', '３', 3],
    ['a number', 'integer', 12, 12],
    ['a number in a text column, as its digits', 'text', 2023, '2023'],
    ['rich text, as its text', 'text', { richText: [{ text: 'DX' }, { text: 'アカデミー' }] }, 'DXアカデミー'],
    ['a formula, as its result', 'integer', { formula: '1+2', result: 3 }, 3],
    ['a link, as its text', 'text', { text: 'dx@example.city.jp', hyperlink: 'mailto:dx@example.city.jp' }, 'dx@example.city.jp'],
    ['lines, blank ones dropped', 'lines', 'AI\r\n\n 人工知能 \n', ['AI', '人工知能']],
    ['はい', 'boolean', 'はい', true],
    ["Excel's FALSE", 'boolean', false, false],
  ] as [string, CellType, CellValue, FieldValue][])('%s', (_what, type, cell, value) => {
    expect(fromCell(type, cell)).toEqual({ kind: 'value', value });
  });

  it.each([
    ['a blank text', 'text', '   '],
    ['nothing', 'integer', null],
  ] as [string, CellType, CellValue][])('%s is empty', (_what, type, cell) => {
    expect(fromCell(type, cell)).toEqual({ kind: 'empty' });
  });

  it.each([
    ['text in a number column', 'integer', '3人', 'workbook.notANumber'],
    ['a date Excel made of what was typed', 'text', new Date('2026-06-01'), 'workbook.dateCell'],
    ['a formula error', 'text', { error: '#REF!' }, 'workbook.errorCell'],
    ['a yes/no in other words', 'boolean', 'yes', 'workbook.notYesNo'],
  ] as [string, CellType, CellValue, MessageKey][])('%s is a problem', (_what, type, cell, key) => {
    expect(fromCell(type, cell)).toMatchObject({ kind: 'problem', key });
  });
});
