import { nextWindow, tracksOf, type ApplicationWindow } from '../applications/applicationWindow';
import { fiscalYearOf } from '../applications/fiscalYear';
import type { Framework } from '../framework/framework';
import type { Notice } from './broadcast';

/**
 * How a track's Apply button is answered at a given moment: with the form (its window is open then), "not yet" (HR
 * has set a window that opens later), or "closed" (no window is set for then or later, so the click is refused).
 */
export type TrackWindowAt =
  | { readonly track: string; readonly state: 'open'; readonly window: ApplicationWindow }
  | { readonly track: string; readonly state: 'notYet'; readonly window: ApplicationWindow }
  | { readonly track: string; readonly state: 'closed' };

/** An Apply button that would be refused: its track is not yet open, or closed. */
export type RefusedButton = Exclude<TrackWindowAt, { state: 'open' }>;

/** Where a track's windows (`stored`, as HR set them) leave it at `at`, judged as an application is judged then. */
export function trackWindowAt(framework: Framework, track: string, stored: readonly ApplicationWindow[], at: Date): TrackWindowAt {
  const next = nextWindow(framework, track, stored, at);
  if (next.open) return { track, state: 'open', window: next.window };
  // The rules' dates are only a plan until HR sets them: nobody can apply in a planned window.
  return next.planned ? { track, state: 'closed' } : { track, state: 'notYet', window: next.window };
}

/** Every track one can apply for (see tracksOf), each as its windows leave it at `at`. */
export function trackWindowsAt(framework: Framework, stored: readonly ApplicationWindow[], at: Date): TrackWindowAt[] {
  return tracksOf(framework).map((track) => trackWindowAt(framework, track, stored, at));
}

/** The notice's Apply buttons that would be refused if the notice arrived at `at`, in the notice's order. */
export function refusedApplyButtons(framework: Framework, notice: Notice, stored: readonly ApplicationWindow[], at: Date): RefusedButton[] {
  return notice.apply
    .map(({ track }) => trackWindowAt(framework, track, stored, at))
    .filter((button): button is RefusedButton => button.state !== 'open');
}

/**
 * What a new notice announces: windows of the tracks the rules open each year (Gold and Silver), those open now or,
 * when none is, the next ones (set by HR, else the rules' plan) of the soonest fiscal year, and that fiscal year.
 * Never a window that has closed. No window, and this fiscal year, for a framework without one.
 */
export function toAnnounce(framework: Framework, stored: readonly ApplicationWindow[], now: Date): { windows: ApplicationWindow[]; fiscalYear: number } {
  const next = (framework.rules.applicationWindow?.tiers ?? []).map((track) => nextWindow(framework, track, stored, now));
  if (next.length === 0) return { windows: [], fiscalYear: fiscalYearOf(now) };
  const open = next.filter((n) => n.open);
  const soonest = Math.min(...next.map((n) => n.window.fiscalYear));
  const windows = (open.length > 0 ? open : next.filter((n) => n.window.fiscalYear === soonest)).map((n) => n.window);
  return { windows, fiscalYear: windows[0]!.fiscalYear };
}
