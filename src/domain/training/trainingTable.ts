import type { Program } from '../framework/schema';
import { sessionDateOf } from './trainingRecord';

/** A training file (attendance or sessions) as a table of text, whether it came as CSV or as a workbook's sheet. */
export interface TrainingTable {
  /** The row the headings are on (1-based, as the file's reader counts rows). */
  readonly headerRow: number;
  /** Each column's heading and its letter (A, B, …), in the file's order. */
  readonly headers: readonly { readonly column: string; readonly text: string }[];
  /** Each row with anything in it: its number and its cells, in the order of `headers`. */
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
}

/** The columns of a kind of file, and the headings each may have: Japanese first, then English. */
export type Headings<C extends string> = Readonly<Record<C, readonly string[]>>;

/** Far above a year of any city's attendance; a guard against importing the wrong file. */
const MAX_TRAINING_ROWS = 200_000;

/** One problem, at a row and a column (its letter and heading) when it has one; worded by the importer. */
export interface TableProblem<Code extends string> {
  readonly code: Code;
  readonly row?: number;
  readonly column?: string;
  readonly header?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The problems any training file can have: in its headings, its size, and the program and day every row names. */
export type TableProblemCode =
  | 'empty'
  | 'unknownHeader'
  | 'headerTwice'
  | 'missingColumn'
  | 'tooManyRows'
  | 'required'
  | 'twice'
  | 'unknownProgram'
  | 'notADate';

/** Where a column was found: its index in the row and how the file names it. */
export interface Placed {
  readonly index: number;
  readonly column: string;
  readonly header: string;
}

/** A cell's text, and the problem to report against it (its code to be replaced by what is wrong). */
export interface Cell {
  /** Normalized (full-width digits and letters as ASCII), for reading numbers, days and names. */
  readonly value: string;
  /** As written, trimmed: free text such as a place is shown to people the way HR wrote it. */
  readonly written: string;
  readonly at: TableProblem<'required'>;
}

export const plain = (text: string): string => text.normalize('NFKC').trim();

/** The column a heading names, in any letter case; undefined for a heading of no column. */
export function columnNamed<C extends string>(headings: Headings<C>, header: string): C | undefined {
  const wanted = plain(header).toLowerCase();
  return (Object.keys(headings) as C[]).find((name) => headings[name].some((heading) => heading.toLowerCase() === wanted));
}

/** Whether any heading of a table names one of the columns. */
export function namesAnyColumn<C extends string>(headings: Headings<C>, table: TrainingTable): boolean {
  return table.headers.some(({ text }) => columnNamed(headings, text) !== undefined);
}

/**
 * Finds each column by its heading, in any order: a heading of no column, a heading twice or a required column
 * missing is a problem; an empty heading is a column left out.
 */
function placeColumns<C extends string>(
  table: TrainingTable,
  headings: Headings<C>,
  required: readonly C[],
): { columns: Map<C, Placed>; problems: TableProblem<TableProblemCode>[] } {
  const problems: TableProblem<TableProblemCode>[] = [];
  const columns = new Map<C, Placed>();
  const all = Object.values<readonly string[]>(headings)
    .map((names) => names.join(' / '))
    .join('、');
  table.headers.forEach(({ column, text }, index) => {
    const header = plain(text);
    if (header === '') return;
    const name = columnNamed(headings, header);
    const at = { row: table.headerRow, column, header };
    if (!name) problems.push({ code: 'unknownHeader', ...at, params: { headers: all } });
    else if (columns.has(name)) problems.push({ code: 'headerTwice', ...at });
    else columns.set(name, { index, column, header });
  });
  for (const name of required) {
    if (!columns.has(name)) problems.push({ code: 'missingColumn', row: table.headerRow, params: { header: headings[name].join(' / ') } });
  }
  return { columns, problems };
}

/** A table with no row, or with more than any real file has: nothing to read row by row. */
function sizeProblem(table: TrainingTable): TableProblem<TableProblemCode> | undefined {
  if (table.rows.length === 0) return { code: 'empty', row: table.headerRow + 1 };
  if (table.rows.length > MAX_TRAINING_ROWS) return { code: 'tooManyRows', params: { max: MAX_TRAINING_ROWS } };
  return undefined;
}

/** One row's cells by column, adding a problem for each required cell left empty. */
export class RowCells<C extends string> {
  constructor(
    private readonly columns: ReadonlyMap<C, Placed>,
    readonly row: number,
    private readonly cells: readonly string[],
    private readonly problems: TableProblem<string>[],
  ) {}

  /** The cell of a column, empty or not; undefined when the file has no such column. */
  cell(name: C): Cell | undefined {
    const placed = this.columns.get(name);
    if (!placed) return undefined;
    const written = (this.cells[placed.index] ?? '').trim();
    return { value: plain(written), written, at: { code: 'required', row: this.row, column: placed.column, header: placed.header } };
  }

  /** The cell of a column that must be filled in; an empty one is a problem, and undefined. */
  required(name: C): Cell | undefined {
    const found = this.cell(name);
    if (found && found.value === '') this.problems.push(found.at);
    return found?.value ? found : undefined;
  }

  /** The program a required cell names, by the framework's id or exact name (see `programIdsByName`); else a problem. */
  programId(name: C, programIds: ReadonlyMap<string, string>): string | undefined {
    const program = this.required(name);
    const id = program && programIds.get(program.value);
    if (program && !id) this.problems.push({ ...program.at, code: 'unknownProgram', params: { value: program.value } });
    return id;
  }

  /** The calendar day of a required cell, as YYYY-MM-DD (2026/7/1, 2026年7月1日, a sheet's date …); else a problem. */
  day(name: C): string | undefined {
    const date = this.required(name);
    const day = date && sessionDateOf(date.value);
    if (date && !day) this.problems.push({ ...date.at, code: 'notADate', params: { value: date.value } });
    return day;
  }
}

/** A program as a file names it, by its id or its exact name; an id wins should a name ever equal another's id. */
export function programIdsByName(programs: readonly Pick<Program, 'id' | 'name'>[]): Map<string, string> {
  return new Map([...programs.map((p) => [plain(p.name), p.id] as const), ...programs.map((p) => [p.id, p.id] as const)]);
}

/** What a kind of training file is made of: its columns' headings, those it must have, and what else its headings need. */
export interface TableLayout<C extends string, Code extends string> {
  readonly headings: Headings<C>;
  readonly required: readonly C[];
  readonly headingProblems?: (columns: ReadonlyMap<C, Placed>, headerRow: number) => TableProblem<Code>[];
}

export type ReadTable<T, Code extends string> = { ok: true; values: T[] } | { ok: false; problems: TableProblem<Code | TableProblemCode>[] };

/**
 * Reads a whole training file: its headings, its size, then every row with `read`, which adds each cell's problem and
 * gives undefined for a row with any. A second row of the same key is a problem too (a file says each thing once).
 * Any problem and no value is returned: an import is all or nothing.
 */
export function readTable<C extends string, T, Code extends string>(
  table: TrainingTable,
  layout: TableLayout<C, Code>,
  read: (cells: RowCells<C>, problems: TableProblem<Code | TableProblemCode>[]) => T | undefined,
  keyOf: (value: T) => string,
): ReadTable<T, Code> {
  const placed = placeColumns(table, layout.headings, layout.required);
  const headingProblems: TableProblem<Code | TableProblemCode>[] = [...placed.problems, ...(layout.headingProblems?.(placed.columns, table.headerRow) ?? [])];
  if (headingProblems.length > 0) return { ok: false, problems: headingProblems };
  const size = sizeProblem(table);
  if (size) return { ok: false, problems: [size] };

  const problems: TableProblem<Code | TableProblemCode>[] = [];
  const values: T[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const value = read(new RowCells(placed.columns, row, cells, problems), problems);
    if (value === undefined) continue;
    const earlier = firstRowOf.get(keyOf(value));
    if (earlier !== undefined) problems.push({ code: 'twice', row, params: { row: earlier } });
    else firstRowOf.set(keyOf(value), row);
    values.push(value);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
