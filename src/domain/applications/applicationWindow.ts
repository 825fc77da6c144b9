import type { Framework } from '../framework/framework';
import { fiscalYearOf, jstMidnight } from './fiscalYear';

/** The period of one fiscal year in which employees can apply for one track. */
export interface ApplicationWindow {
  readonly frameworkId: string;
  /** The Japanese fiscal year (April–March) it belongs to, e.g. 2026 for 令和8年度. */
  readonly fiscalYear: number;
  /** A tier id (gold, silver) or "professional". */
  readonly track: string;
  /** ISO instants; open from `opensAt` (inclusive) to `closesAt` (exclusive). */
  readonly opensAt: string;
  readonly closesAt: string;
  readonly updatedBy?: string;
  readonly updatedAt?: string;
}

/** The track id of the professional track (its rules are in the framework's rules.professionalTrack). */
export const PROFESSIONAL_TRACK = 'professional';

/** True while `now` falls inside the window. */
export function isWindowOpen(window: ApplicationWindow, now: Date): boolean {
  const t = now.getTime();
  return Date.parse(window.opensAt) <= t && t < Date.parse(window.closesAt);
}

/** The last moment one can apply: `closesAt` is exclusive (00:00 of the day after), people read the day before. */
export function lastMomentOf(window: Pick<ApplicationWindow, 'closesAt'>): string {
  return new Date(Date.parse(window.closesAt) - 1).toISOString();
}

/**
 * The tracks one can apply for: the tiers the framework's window names, and the professional track if it has one.
 * None without a window: the professional track is applied for in the same window.
 */
export function tracksOf(framework: Framework): string[] {
  const rules = framework.rules.applicationWindow;
  if (!rules) return [];
  return framework.rules.professionalTrack ? [...rules.tiers, PROFESSIONAL_TRACK] : [...rules.tiers];
}

/**
 * The window the framework's rules give by default: the whole month they name (June: June 1 to June 30), Japan time.
 * Only asked for a track of tracksOf(), which has none when the framework has no window.
 */
export function defaultWindow(framework: Framework, fiscalYear: number, track: string): ApplicationWindow {
  const rules = framework.rules.applicationWindow;
  if (!rules) throw new Error(`framework "${framework.id}" has no application window, so track "${track}" has none`);
  const month = rules.month;
  // Months January to March belong to the next calendar year of the fiscal year.
  const year = month >= 4 ? fiscalYear : fiscalYear + 1;
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    frameworkId: framework.id,
    fiscalYear,
    track,
    opensAt: jstMidnight(year, month, 1).toISOString(),
    closesAt: jstMidnight(next.year, next.month, 1).toISOString(),
  };
}

/**
 * When one can next apply for a track: the window open now, else the next one HR has set, else the one the rules
 * give for this fiscal year (if still ahead) or the next. `planned` says the dates are the rules' defaults, not HR's.
 */
export function nextWindow(
  framework: Framework,
  track: string,
  stored: readonly ApplicationWindow[],
  now: Date,
): { window: ApplicationWindow; open: boolean; planned: boolean } {
  const mine = stored.filter((w) => w.track === track);
  const open = mine.find((w) => isWindowOpen(w, now));
  if (open) return { window: open, open: true, planned: false };
  const upcoming = mine
    .filter((w) => Date.parse(w.opensAt) > now.getTime())
    .sort((a, b) => a.opensAt.localeCompare(b.opensAt))[0];
  if (upcoming) return { window: upcoming, open: false, planned: false };
  const fiscalYear = fiscalYearOf(now);
  const decided = new Set(mine.map((w) => w.fiscalYear));
  const candidates = [fiscalYear, fiscalYear + 1]
    .filter((fy) => !decided.has(fy))
    .map((fy) => defaultWindow(framework, fy, track))
    .filter((w) => Date.parse(w.opensAt) > now.getTime());
  const planned = candidates[0] ?? defaultWindow(framework, fiscalYear + 1, track);
  return { window: planned, open: false, planned: true };
}
