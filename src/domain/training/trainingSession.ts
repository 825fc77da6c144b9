import { jstDateAndTime } from '../applications/fiscalYear';

/** One session of a program HR has scheduled: when, where, how many can come, and how to enrol. */
export interface TrainingSession {
  readonly programId: string;
  /** The day it is held, YYYY-MM-DD (a calendar day in Japan). */
  readonly date: string;
  /** When it starts, HH:MM in Japan time; none when the file did not say. */
  readonly startTime?: string;
  /** Where it is held; none for a session held online. */
  readonly place?: string;
  /** How many people it takes; none when there is no limit or the file did not say. */
  readonly capacity?: number;
  /** How to enrol: an https link to the application page, or the office's words (「人事課へ電話」). */
  readonly enrol: string;
}

/** The words a sessions file writes in its place column for a session held online. */
export const ONLINE_WORDS: readonly string[] = ['オンライン', 'online', 'web', 'ウェブ'];

/** The one key of a session: the same program, day, start and place is the same session, whatever else changed. */
export function sessionKey(session: Pick<TrainingSession, 'programId' | 'date' | 'startTime' | 'place'>): string {
  return JSON.stringify([session.programId, session.date, session.startTime ?? '', session.place ?? '']);
}

/** The link to enrol at, when the way to enrol is one; undefined for an office's words. */
export function enrolLinkOf(session: Pick<TrainingSession, 'enrol'>): string | undefined {
  return session.enrol.startsWith('https://') ? session.enrol : undefined;
}

/** Today as a day in Japan (YYYY-MM-DD): what "upcoming" is counted from, wherever the server runs. */
export function todayInJapan(now: Date): string {
  return jstDateAndTime(now.toISOString()).date;
}

/** Sessions in the order they are held: by day, then start (a session without a start time first), then place. */
export function inDateOrder(sessions: readonly TrainingSession[]): TrainingSession[] {
  return [...sessions].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? '') || (a.place ?? '').localeCompare(b.place ?? ''),
  );
}
