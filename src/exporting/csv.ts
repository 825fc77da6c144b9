/**
 * Writing CSV that Excel on Japanese Windows opens correctly. Without the byte order mark Excel reads the file as
 * Shift_JIS and garbles every Japanese character. Lines are written one at a time, so a large export can be
 * streamed page by page instead of being built in memory.
 */

/** The UTF-8 byte order mark; write it once, before the first line. */
export const CSV_BOM = '\uFEFF';

/** A CSV field as given: undefined is an empty field. */
export type CsvField = string | number | undefined;

/**
 * Text starting with one of these is read by Excel as a formula (=, +, - and @ start one, and so do their full-width
 * forms ＝ ＋ － ＠, which a Japanese IME types; a leading tab or CR is dropped on import, so the next character
 * would). The names and free text we export are typed by people, so a value like `=HYPERLINK(...)` must stay text:
 * OWASP's advice is a leading apostrophe, which Excel shows as nothing.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV record, ending in CRLF: fields quoted where needed (quotes doubled), formulas neutralised. */
export function csvLine(fields: readonly CsvField[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvField(field: CsvField): string {
  // Numbers are ours (counts), never people's text: a negative one stays a number.
  if (typeof field === 'number') return String(field);
  if (field === undefined) return '';
  const text = FORMULA_START.test(field) ? `'${field}` : field;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
