/** The yearly period in which employees can apply to become Gold or Silver candidates. */
export interface ApplicationWindow {
  readonly frameworkId: string;
  /** The Japanese fiscal year (April–March) it belongs to, e.g. 2026 for 令和8年度. */
  readonly fiscalYear: number;
  /** ISO instants; the window is open from `opensAt` (inclusive) to `closesAt` (exclusive). */
  readonly opensAt: string;
  readonly closesAt: string;
  /** Tier ids one can apply for. */
  readonly tiers: readonly string[];
}

/** True while `now` falls inside the window. */
export function isWindowOpen(window: ApplicationWindow, now: Date): boolean {
  const t = now.getTime();
  return Date.parse(window.opensAt) <= t && t < Date.parse(window.closesAt);
}
