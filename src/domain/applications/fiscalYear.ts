/** Japan's offset from UTC; the city's dates and windows are in Japan time, which has no daylight saving. */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The Japanese fiscal year (April to March) a moment falls in, in Japan time: 2026-06-01 → 2026, 2027-03-31 → 2026. */
export function fiscalYearOf(now: Date): number {
  const jst = new Date(now.getTime() + JST_OFFSET_MS);
  return jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
}

/** Midnight at the start of a day in Japan time, as an instant: jstMidnight(2026, 6, 1) = 2026-05-31T15:00:00Z. */
export function jstMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - JST_OFFSET_MS);
}

/** Parses "2026-06-01" or "2026-06-01 09:30" as Japan time; undefined if it is not a real date. */
export function parseJstDateTime(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute) - JST_OFFSET_MS);
  const back = new Date(date.getTime() + JST_OFFSET_MS);
  const real = back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
  return real && hour < 24 && minute < 60 ? date : undefined;
}

/** An instant as Japan-time date and time strings, the way date and time inputs show them ("2026-06-01", "09:30"). */
export function jstDateAndTime(iso: string): { date: string; time: string } {
  const jst = new Date(Date.parse(iso) + JST_OFFSET_MS).toISOString();
  return { date: jst.slice(0, 10), time: jst.slice(11, 16) };
}

/**
 * The fiscal years whose applications can still be moving: an application of June goes through selection, trainings
 * and certification, which may run past 31 March into the next fiscal year.
 */
export function liveFiscalYears(fiscalYear: number): number[] {
  return [fiscalYear - 1, fiscalYear];
}

/** The fiscal year a day (YYYY-MM-DD, a day in Japan, as sessions are dated) falls in: 2026-04-01 → 2026, 2027-03-31 → 2026. */
export function fiscalYearOfDay(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

/** The days of a fiscal year as sessions are dated (YYYY-MM-DD): 1 April to 31 March. */
export function daysOfFiscalYear(fiscalYear: number): { readonly from: string; readonly to: string } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` };
}
