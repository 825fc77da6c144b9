import type { CellValue } from 'exceljs';
import type { MessageKey, MessageParams } from '../../i18n';
import { YES_NO, type CellType } from './sheets';

/** A field's value as the document holds it. */
export type FieldValue = string | number | boolean | string[];

/** What a cell means for a field of its type: nothing, a value, or a problem worded by a catalog key. */
export type ReadCell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'value'; readonly value: FieldValue }
  | { readonly kind: 'problem'; readonly key: MessageKey; readonly params?: MessageParams };

const EMPTY: ReadCell = { kind: 'empty' };
const LINE_BREAK = /\r?\n/;

/** A document value as a cell writes it: lists one item per line, yes/no in Japanese. */
export function toCell(type: CellType, value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'boolean':
      return asWritten(type, value as boolean);
    case 'lines':
      return Array.isArray(value) && value.length > 0 ? value.join('\n') : null;
    default:
      return value as string | number;
  }
}

/** A single value as the cell shows it, to compare with a drop-down's choices: yes/no in Japanese. */
export function asWritten(type: CellType, value: FieldValue): string {
  if (type === 'boolean') return value ? YES_NO.yes : YES_NO.no;
  return Array.isArray(value) ? value.join('\n') : String(value);
}

/** A cell's value read as a field of `type`. Blank text is empty: the format has no use for it. */
export function fromCell(type: CellType, cell: CellValue): ReadCell {
  const plain = plainValue(cell);
  if (plain === undefined || (typeof plain === 'string' && plain.trim() === '')) return EMPTY;
  if (plain instanceof Date) return { kind: 'problem', key: 'workbook.dateCell' };
  if (typeof plain === 'object') return { kind: 'problem', key: 'workbook.errorCell', params: { value: plain.error } };
  switch (type) {
    case 'integer':
      return integerOf(plain);
    case 'boolean':
      return booleanOf(plain);
    case 'lines': {
      const items = String(plain)
        .split(LINE_BREAK)
        .map((line) => line.trim())
        .filter((line) => line !== '');
      return { kind: 'value', value: items };
    }
    case 'text':
      // A number typed into a text column (a phone number, a year) is meant as its digits.
      return { kind: 'value', value: typeof plain === 'string' ? plain : String(plain) };
  }
}

function integerOf(plain: string | number | boolean): ReadCell {
  if (typeof plain === 'number') return { kind: 'value', value: plain };
  // Full-width digits (３) are what a Japanese input method types by default.
  const text = String(plain).normalize('NFKC').trim();
  return /^-?\d+$/.test(text)
    ? { kind: 'value', value: Number(text) }
    : { kind: 'problem', key: 'workbook.notANumber', params: { value: String(plain) } };
}

function booleanOf(plain: string | number | boolean): ReadCell {
  if (typeof plain === 'boolean') return { kind: 'value', value: plain };
  const text = String(plain).trim();
  if (text === YES_NO.yes) return { kind: 'value', value: true };
  if (text === YES_NO.no) return { kind: 'value', value: false };
  return { kind: 'problem', key: 'workbook.notYesNo', params: { value: text } };
}

/** The value a person sees in the cell: rich text as its text, a formula as its result, a link as its text. */
export function plainValue(cell: CellValue): string | number | boolean | Date | { error: string } | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell !== 'object' || cell instanceof Date) return cell;
  if ('richText' in cell) return cell.richText.map((run) => run.text).join('');
  if ('error' in cell) return { error: String(cell.error) };
  if ('result' in cell) return plainValue(cell.result);
  if ('text' in cell) return plainValue(cell.text);
  return undefined;
}
