/** What became of one employee at one session of a program. */
export const TRAINING_STATUSES = ['attended', 'absent', 'completed'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/** The words a training system's file writes for each status: the city's, then English. */
export const STATUS_WORDS: Readonly<Record<TrainingStatus, readonly string[]>> = {
  attended: ['受講済み', '受講済', 'attended'],
  absent: ['欠席', 'absent'],
  completed: ['修了', 'completed'],
};

/** One employee's attendance at one session of a program of the framework. */
export interface TrainingRecord {
  readonly employeeNo: string;
  readonly programId: string;
  /** The session's date, YYYY-MM-DD (a calendar day in Japan, no time). */
  readonly date: string;
  readonly status: TrainingStatus;
}

/** The status a file's word names, or undefined for a word that names none. */
export function statusOf(word: string): TrainingStatus | undefined {
  const plain = word.normalize('NFKC').trim().toLowerCase();
  return TRAINING_STATUSES.find((status) => STATUS_WORDS[status].includes(plain));
}

/** 2026-06-01, 2026/6/1, 2026.6.1 or 2026年6月1日, in full-width digits too (what a Japanese input method types). */
const DATE_FORMS = [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日$/];

/** A session date as YYYY-MM-DD, or undefined for text that is not a day of the calendar (2026-02-30 is not). */
export function sessionDateOf(text: string): string | undefined {
  const plain = text.normalize('NFKC').trim();
  const parts = DATE_FORMS.map((form) => form.exec(plain)).find((match) => match !== null);
  if (!parts) return undefined;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The one key of a record: the same employee, program and date is the same record, whatever its status. */
export function recordKey(record: Pick<TrainingRecord, 'employeeNo' | 'programId' | 'date'>): string {
  return JSON.stringify([record.employeeNo, record.programId, record.date]);
}

/** An employee's records as they read them: the newest session first, and by program within a day. */
export function newestFirst(records: readonly TrainingRecord[]): TrainingRecord[] {
  return [...records].sort((a, b) => b.date.localeCompare(a.date) || a.programId.localeCompare(b.programId));
}
