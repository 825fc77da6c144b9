import type { Program } from '../framework/schema';
import type { Employee } from '../roster/employee';
import { recordKey, sessionDateOf, statusOf, STATUS_WORDS, type TrainingRecord } from './trainingRecord';

/** The columns of an attendance file, and the headings each may have: Japanese first, then English. */
export const TRAINING_COLUMNS = {
  employeeNo: ['職員番号', 'employeeNo'],
  email: ['メールアドレス', 'email'],
  program: ['研修', 'program'],
  date: ['受講日', 'date'],
  status: ['状況', 'status'],
} as const;
export type TrainingColumn = keyof typeof TRAINING_COLUMNS;

/** Far above a year of any city's attendance; a guard against importing the wrong file. */
export const MAX_TRAINING_ROWS = 200_000;

/** An attendance file as a table of text, whether it came as CSV or as a workbook's one sheet. */
export interface TrainingTable {
  /** The row the headings are on (1-based, as the file's reader counts rows). */
  readonly headerRow: number;
  /** Each column's heading and its letter (A, B, …), in the file's order. */
  readonly headers: readonly { readonly column: string; readonly text: string }[];
  /** Each row with anything in it: its number and its cells, in the order of `headers`. */
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
}

/** What can be wrong with an attendance file; each is worded in the reader's language by the importer. */
export type TrainingProblemCode =
  | 'empty'
  | 'unknownHeader'
  | 'headerTwice'
  | 'missingColumn'
  | 'noEmployeeColumn'
  | 'tooManyRows'
  | 'required'
  | 'unknownEmployee'
  | 'unknownEmail'
  | 'notTheSamePerson'
  | 'unknownProgram'
  | 'notADate'
  | 'unknownStatus'
  | 'twice';

/** One problem, at a row and a column (its letter and heading) when it has one. */
export interface TrainingProblem {
  readonly code: TrainingProblemCode;
  readonly row?: number;
  readonly column?: string;
  readonly header?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Who and what a record may name: the roster's people and the active framework's programs. */
export interface TrainingLookups {
  readonly employees: readonly Pick<Employee, 'employeeNo' | 'email'>[];
  readonly programs: readonly Pick<Program, 'id' | 'name'>[];
}

export type ValidatedRecords = { ok: true; records: TrainingRecord[] } | { ok: false; problems: TrainingProblem[] };

/** Where a column was found: its index in the row and how the file names it. */
interface Placed {
  readonly index: number;
  readonly column: string;
  readonly header: string;
}

const plain = (text: string): string => text.normalize('NFKC').trim();

/**
 * Validates a whole attendance file: its headings, then every cell of every row. A row names the employee by number
 * or e-mail (both must then be the same person on the roster), the program by the framework's id or exact name, a
 * real calendar day and a known status; the same employee, program and date twice is a problem too. Any problem
 * and no record is returned: the import is all or nothing.
 */
export function validateTrainingRecords(table: TrainingTable, lookups: TrainingLookups): ValidatedRecords {
  const placed = placeColumns(table);
  if (!placed.ok) return placed;
  if (table.rows.length === 0) return { ok: false, problems: [{ code: 'empty', row: table.headerRow + 1 }] };
  if (table.rows.length > MAX_TRAINING_ROWS) return { ok: false, problems: [{ code: 'tooManyRows', params: { max: MAX_TRAINING_ROWS } }] };

  const rowReader = new RowReader(placed.columns, lookups);
  const problems: TrainingProblem[] = [];
  const records: TrainingRecord[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const record = rowReader.read(row, cells, problems);
    if (!record) continue;
    const earlier = firstRowOf.get(recordKey(record));
    if (earlier !== undefined) problems.push({ code: 'twice', row, params: { row: earlier } });
    else firstRowOf.set(recordKey(record), row);
    records.push(record);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, records };
}

function placeColumns(table: TrainingTable): { ok: true; columns: Map<TrainingColumn, Placed> } | { ok: false; problems: TrainingProblem[] } {
  const problems: TrainingProblem[] = [];
  const columns = new Map<TrainingColumn, Placed>();
  const at = (column: string, header: string): Pick<TrainingProblem, 'row' | 'column' | 'header'> => ({ row: table.headerRow, column, header });
  table.headers.forEach(({ column, text }, index) => {
    const header = plain(text);
    if (header === '') return;
    const name = columnNamed(header);
    if (!name) problems.push({ code: 'unknownHeader', ...at(column, header), params: { headers: allHeadings() } });
    else if (columns.has(name)) problems.push({ code: 'headerTwice', ...at(column, header) });
    else columns.set(name, { index, column, header });
  });
  for (const name of ['program', 'date', 'status'] as const) {
    if (!columns.has(name)) problems.push({ code: 'missingColumn', row: table.headerRow, params: { header: TRAINING_COLUMNS[name].join(' / ') } });
  }
  if (!columns.has('employeeNo') && !columns.has('email')) {
    problems.push({
      code: 'noEmployeeColumn',
      row: table.headerRow,
      params: { employeeNo: TRAINING_COLUMNS.employeeNo.join(' / '), email: TRAINING_COLUMNS.email.join(' / ') },
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns };
}

function columnNamed(header: string): TrainingColumn | undefined {
  const wanted = header.toLowerCase();
  return (Object.keys(TRAINING_COLUMNS) as TrainingColumn[]).find((name) =>
    TRAINING_COLUMNS[name].some((heading) => heading.toLowerCase() === wanted),
  );
}

function allHeadings(): string {
  return Object.values(TRAINING_COLUMNS)
    .map((headings) => headings.join(' / '))
    .join('、');
}

/** Reads one row into a record, adding each cell's problem; undefined when the row has any. */
class RowReader {
  private readonly byEmployeeNo: Map<string, string>;
  private readonly byEmail: Map<string, string>;
  private readonly programIds: Map<string, string>;

  constructor(
    private readonly columns: ReadonlyMap<TrainingColumn, Placed>,
    lookups: TrainingLookups,
  ) {
    this.byEmployeeNo = new Map(lookups.employees.map((e) => [plain(e.employeeNo), e.employeeNo]));
    this.byEmail = new Map(lookups.employees.map((e) => [plain(e.email).toLowerCase(), e.employeeNo]));
    // A program is named by its id or its exact name; an id wins should a name ever equal another program's id.
    this.programIds = new Map([...lookups.programs.map((p) => [plain(p.name), p.id] as const), ...lookups.programs.map((p) => [p.id, p.id] as const)]);
  }

  read(row: number, cells: readonly string[], problems: TrainingProblem[]): TrainingRecord | undefined {
    const before = problems.length;
    const cell = (name: TrainingColumn): { value: string; at: TrainingProblem } | undefined => {
      const placed = this.columns.get(name);
      return placed && { value: plain(cells[placed.index] ?? ''), at: { code: 'required', row, column: placed.column, header: placed.header } };
    };
    const required = (name: TrainingColumn): { value: string; at: TrainingProblem } | undefined => {
      const found = cell(name);
      if (found && found.value === '') problems.push(found.at);
      return found?.value ? found : undefined;
    };

    const employeeNo = this.employeeOf(cell('employeeNo'), cell('email'), row, problems);
    const program = required('program');
    const programId = program && this.programIds.get(program.value);
    if (program && !programId) problems.push({ ...program.at, code: 'unknownProgram', params: { value: program.value } });
    const date = required('date');
    const sessionDate = date && sessionDateOf(date.value);
    if (date && !sessionDate) problems.push({ ...date.at, code: 'notADate', params: { value: date.value } });
    const status = required('status');
    const statusFound = status && statusOf(status.value);
    if (status && !statusFound) {
      const words = Object.values(STATUS_WORDS).map((w) => w[0]).join(' / ');
      problems.push({ ...status.at, code: 'unknownStatus', params: { value: status.value, words } });
    }
    if (problems.length > before || !employeeNo || !programId || !sessionDate || !statusFound) return undefined;
    return { employeeNo, programId, date: sessionDate, status: statusFound };
  }

  /** The employee a row names, by number, by e-mail, or by both when both agree. */
  private employeeOf(
    number: { value: string; at: TrainingProblem } | undefined,
    email: { value: string; at: TrainingProblem } | undefined,
    row: number,
    problems: TrainingProblem[],
  ): string | undefined {
    if (!number?.value && !email?.value) {
      problems.push((number ?? email)!.at);
      return undefined;
    }
    const byNumber = number?.value ? this.byEmployeeNo.get(number.value) : undefined;
    if (number?.value && !byNumber) problems.push({ ...number.at, code: 'unknownEmployee', params: { value: number.value } });
    const byEmail = email?.value ? this.byEmail.get(email.value.toLowerCase()) : undefined;
    if (email?.value && !byEmail) problems.push({ ...email.at, code: 'unknownEmail', params: { value: email.value } });
    if (byNumber && byEmail && byNumber !== byEmail) {
      problems.push({ code: 'notTheSamePerson', row, params: { employeeNo: number!.value, email: email!.value } });
      return undefined;
    }
    return byNumber ?? byEmail;
  }
}
