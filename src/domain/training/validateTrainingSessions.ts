import type { Program } from '../framework/schema';
import { ONLINE_WORDS, sessionKey, type TrainingSession } from './trainingSession';
import { columnNamed, programIdsByName, readTable, type RowCells, type TableProblem, type TableProblemCode, type TrainingTable } from './trainingTable';

/** The columns of a sessions file, and the headings each may have: Japanese first, then English. */
export const SESSION_COLUMNS = {
  program: ['研修', 'program'],
  date: ['開催日', 'sessionDate'],
  startTime: ['開始時刻', 'startTime'],
  place: ['会場', 'place'],
  capacity: ['定員', 'capacity'],
  enrol: ['申込方法', 'howToEnrol'],
} as const;
export type SessionColumn = keyof typeof SESSION_COLUMNS;

/** Longest place and way to enrol a card shows in full: a sentence or a link, not a document. */
const MAX_SESSION_TEXT = 200;

/** What can be wrong with a sessions file; each is worded in the reader's language by the importer. */
export type SessionProblemCode = TableProblemCode | 'notATime' | 'notACapacity' | 'notHttps' | 'tooLong';
export type SessionProblem = TableProblem<SessionProblemCode>;

export type ValidatedSessions = { ok: true; sessions: TrainingSession[] } | { ok: false; problems: SessionProblem[] };

/** Headings only a sessions file has: a file (or a sheet) with any of them is read as sessions, not attendance. */
const SESSION_ONLY: readonly SessionColumn[] = ['date', 'startTime', 'place', 'capacity', 'enrol'];

/** Whether a table's headings are those of a sessions file (開催日, 会場, 申込方法 …) rather than of attendance. */
export function isSessionsTable(table: TrainingTable): boolean {
  return table.headers.some(({ text }) => {
    const column = columnNamed(SESSION_COLUMNS, text);
    return column !== undefined && SESSION_ONLY.includes(column);
  });
}

/**
 * Validates a whole sessions file: its headings, then every cell of every row. A row names the program by the
 * framework's id or exact name, a real calendar day, optionally a start time (9:30, 10時), the place or オンライン,
 * optionally a capacity (30, 30名), and how to enrol: an https link or the office's words. The same program, day,
 * start and place twice is a problem. Any problem and no session is returned: the import is all or nothing.
 */
export function validateTrainingSessions(table: TrainingTable, programs: readonly Pick<Program, 'id' | 'name'>[]): ValidatedSessions {
  const programIds = programIdsByName(programs);
  const layout = { headings: SESSION_COLUMNS, required: ['program', 'date', 'place', 'enrol'] as SessionColumn[] };
  const read = readTable(table, layout, (cells, problems: SessionProblem[]) => readSession(cells, programIds, problems), sessionKey);
  return read.ok ? { ok: true, sessions: read.values } : read;
}

function readSession(cells: RowCells<SessionColumn>, programIds: ReadonlyMap<string, string>, problems: SessionProblem[]): TrainingSession | undefined {
  const before = problems.length;
  const programId = cells.programId('program', programIds);
  const day = cells.day('date');
  const start = cells.cell('startTime');
  const startTime = start?.value ? timeOf(start.value) : undefined;
  if (start?.value && !startTime) problems.push({ ...start.at, code: 'notATime', params: { value: start.value } });
  const capacityCell = cells.cell('capacity');
  const capacity = capacityCell?.value ? capacityOf(capacityCell.value) : undefined;
  if (capacityCell?.value && !capacity) problems.push({ ...capacityCell.at, code: 'notACapacity', params: { value: capacityCell.value } });
  const place = cells.required('place');
  const enrol = cells.required('enrol');
  for (const text of [place, enrol]) {
    if (text && text.written.length > MAX_SESSION_TEXT) problems.push({ ...text.at, code: 'tooLong', params: { max: MAX_SESSION_TEXT } });
  }
  // A link people are sent to must be https: Teams opens it, and a plain http page may not be the city's own.
  if (enrol && /^https?:/i.test(enrol.written) && !isHttpsUrl(enrol.written)) problems.push({ ...enrol.at, code: 'notHttps', params: { value: enrol.written } });
  if (problems.length > before || !programId || !day || !place || !enrol) return undefined;
  const online = ONLINE_WORDS.includes(place.value.toLowerCase());
  return {
    programId,
    date: day,
    ...(startTime ? { startTime } : {}),
    ...(online ? {} : { place: place.written }),
    ...(capacity ? { capacity } : {}),
    enrol: enrol.written,
  };
}

/** 9:30, 09:30, ９：３０, 10時, 10時30分 as HH:MM; undefined for anything else, or a time not on the clock. */
function timeOf(text: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text) ?? /^(\d{1,2})時(?:(\d{1,2})分)?$/.exec(text);
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2] ?? 0)];
  return hour < 24 && minute < 60 ? `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` : undefined;
}

/** 30, 30名 or 30人: a whole number of people, at least one. */
function capacityOf(text: string): number | undefined {
  const match = /^(\d{1,5})(?:名|人)?$/.exec(text);
  const count = match ? Number(match[1]) : 0;
  return count > 0 ? count : undefined;
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:' && text.startsWith('https://');
  } catch {
    return false;
  }
}
