import type { Program } from '../framework/schema';
import type { Employee } from '../roster/employee';
import { isTaken } from './requiredTrainings';
import { recordKey, statusOf, STATUS_WORDS, type TrainingRecord } from './trainingRecord';
import { plain, programIdsByName, readTable, type Cell, type RowCells, type TableProblem, type TableProblemCode, type TrainingTable } from './trainingTable';

/** The columns of an attendance file, and the headings each may have: Japanese first, then English. */
export const TRAINING_COLUMNS = {
  employeeNo: ['職員番号', 'employeeNo'],
  email: ['メールアドレス', 'email'],
  program: ['研修', 'program'],
  date: ['受講日', 'date'],
  status: ['状況', 'status'],
} as const;
export type TrainingColumn = keyof typeof TRAINING_COLUMNS;

/** What can be wrong with an attendance file; each is worded in the reader's language by the importer. */
export type TrainingProblemCode =
  | TableProblemCode
  | 'noEmployeeColumn'
  | 'unknownEmployee'
  | 'unknownEmail'
  | 'notTheSamePerson'
  | 'takenAfterToday'
  | 'unknownStatus';

/** One problem of an attendance file, at a row and a column when it has one. */
export type TrainingProblem = TableProblem<TrainingProblemCode>;

/**
 * Who and what a record may name: the roster's people and the active framework's programs; and today in Japan
 * (YYYY-MM-DD), after which nobody can have attended a session yet.
 */
export interface TrainingLookups {
  readonly employees: readonly Pick<Employee, 'employeeNo' | 'email'>[];
  readonly programs: readonly Pick<Program, 'id' | 'name'>[];
  readonly today: string;
}

export type ValidatedRecords = { ok: true; records: TrainingRecord[] } | { ok: false; problems: TrainingProblem[] };

/**
 * Validates a whole attendance file: its headings, then every cell of every row. A row names the employee by number
 * or e-mail (both must then be the same person on the roster), the program by the framework's id or exact name, a
 * real calendar day and a known status; the same employee, program and date twice is a problem too. Any problem
 * and no record is returned: the import is all or nothing.
 */
export function validateTrainingRecords(table: TrainingTable, lookups: TrainingLookups): ValidatedRecords {
  const rowReader = new RowReader(lookups);
  const layout = { headings: TRAINING_COLUMNS, required: ['program', 'date', 'status'] as TrainingColumn[], headingProblems: needsAnEmployeeColumn };
  const read = readTable(table, layout, (cells, problems) => rowReader.read(cells, problems), recordKey);
  return read.ok ? { ok: true, records: read.values } : read;
}

/** A row names its employee by number or by e-mail: a file needs one of the two columns. */
function needsAnEmployeeColumn(columns: ReadonlyMap<TrainingColumn, unknown>, headerRow: number): TrainingProblem[] {
  if (columns.has('employeeNo') || columns.has('email')) return [];
  const params = { employeeNo: TRAINING_COLUMNS.employeeNo.join(' / '), email: TRAINING_COLUMNS.email.join(' / ') };
  return [{ code: 'noEmployeeColumn', row: headerRow, params }];
}

/** Reads one row into a record, adding each cell's problem; undefined when the row has any. */
class RowReader {
  private readonly byEmployeeNo: Map<string, string>;
  private readonly byEmail: Map<string, string>;
  private readonly programIds: Map<string, string>;
  private readonly today: string;

  constructor(lookups: TrainingLookups) {
    this.today = lookups.today;
    this.byEmployeeNo = new Map(lookups.employees.map((e) => [plain(e.employeeNo), e.employeeNo]));
    this.byEmail = new Map(lookups.employees.map((e) => [plain(e.email).toLowerCase(), e.employeeNo]));
    this.programIds = programIdsByName(lookups.programs);
  }

  read(cells: RowCells<TrainingColumn>, problems: TrainingProblem[]): TrainingRecord | undefined {
    const before = problems.length;
    const employeeNo = this.employeeOf(cells.cell('employeeNo'), cells.cell('email'), cells.row, problems);
    const programId = cells.programId('program', this.programIds);
    const sessionDate = cells.day('date');
    const status = cells.required('status');
    const statusFound = status && statusOf(status.value);
    if (status && !statusFound) {
      const words = Object.values(STATUS_WORDS).map((w) => w[0]).join(' / ');
      problems.push({ ...status.at, code: 'unknownStatus', params: { value: status.value, words } });
    }
    // A session still to come cannot have been attended: such a row is a registration list imported by mistake, and
    // would move a candidate on before they trained. (An absence to come is as wrong, but harms nothing.)
    if (sessionDate && statusFound && isTaken({ status: statusFound }) && sessionDate > this.today) {
      const { at, value } = cells.cell('date')!;
      problems.push({ ...at, code: 'takenAfterToday', params: { value, today: this.today } });
    }
    if (problems.length > before || !employeeNo || !programId || !sessionDate || !statusFound) return undefined;
    return { employeeNo, programId, date: sessionDate, status: statusFound };
  }

  /** The employee a row names, by number, by e-mail, or by both when both agree. */
  private employeeOf(number: Cell | undefined, email: Cell | undefined, row: number, problems: TrainingProblem[]): string | undefined {
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
