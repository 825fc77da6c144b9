/** How exported files write moments and name themselves, so that Excel and Windows read them as intended. */

// Swedish writes date and time the ISO way ("2026-06-01 09:00:12"), which Excel recognises as a date and time.
const JST_DATE_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'medium' });
const DAY_LENGTH = 'yyyy-mm-dd'.length;

/** Characters Windows does not allow in file names, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** A moment in Japan time as Excel reads a date and time: "2026-06-01 09:00:12"; undefined stays an empty cell. */
export function excelDateTime(iso: string | undefined): string | undefined {
  return iso && JST_DATE_TIME.format(new Date(iso));
}

/** The day of a moment in Japan time as Excel reads a date: "2026-06-01". */
export function excelDate(iso: string): string {
  return JST_DATE_TIME.format(new Date(iso)).slice(0, DAY_LENGTH);
}

/** Text made safe for a Windows file name (unsafe characters become "_"), at most `maxChars` characters. */
export function fileNamePart(text: string, maxChars: number): string {
  return Array.from(text.replace(UNSAFE_IN_FILE_NAME, '_').trim()).slice(0, maxChars).join('').trim();
}
