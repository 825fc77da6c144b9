import { placementsOf, type Placements } from '../domain/insight/placements';
import { samePerson, type Employee } from '../domain/roster/employee';
import type { DatasetRow, DatasetStore, ProgressListener } from './datasetStore';
import { escapeKey, MAX_STRING_CHARS } from './tables';

/** The roster is one data set; a city has one roster. */
const ROSTER_ID = 'roster';

/** The staff roster, looked up by the keys the bot meets: the Entra object id of a Teams user, or an e-mail. */
export class RosterRepository {
  /** What was last read of each kind of packed rows, under the ETag of the head it was read from (an import changes it). */
  private readonly packed = new Map<string, { readonly etag: string; readonly value: unknown }>();

  constructor(private readonly store: DatasetStore) {}

  /** The employee behind a Teams user, or undefined if they are not on the roster. */
  async findByAadObjectId(aadObjectId: string): Promise<Employee | undefined> {
    return this.find(`aad:${escapeKey(aadObjectId.toLowerCase())}`);
  }

  /** The employee with this e-mail (case-insensitive), e.g. someone's manager. */
  async findByEmail(email: string): Promise<Employee | undefined> {
    return this.find(`mail:${escapeKey(email.toLowerCase())}`);
  }

  /** How many employees the active roster has (0 before the first import). */
  async count(): Promise<number> {
    const head = await this.store.findHead(ROSTER_ID);
    return head ? head.itemCount : 0;
  }

  /** The manager's direct reports (never the manager themselves), reading their rows and no one else's. */
  async reportsOf(manager: Employee): Promise<Employee[]> {
    const head = await this.store.findHead(ROSTER_ID);
    if (!head) return [];
    const rows = await this.store.listRows<Employee>(ROSTER_ID, head.version, reportsPrefix(manager.email));
    return rows.map((row) => row.data).filter((report) => !samePerson(report.aadObjectId, manager.aadObjectId));
  }

  /** Whether anyone reports to `employee`: what makes a manager, read from two rows at most whatever the roster's size. */
  async hasReports(employee: Employee): Promise<boolean> {
    const head = await this.store.findHead(ROSTER_ID);
    if (!head) return false;
    // Two, because someone may be named their own manager; they alone do not make a team.
    const rows = await this.store.listRows<Employee>(ROSTER_ID, head.version, reportsPrefix(employee.email), 2);
    return rows.some((row) => !samePerson(row.data.aadObjectId, employee.aadObjectId));
  }

  /**
   * Every employee of the active roster, once each, by employee number as text (none before the first import), read
   * from the packed rows: a hundred employees or so to a row.
   */
  async listEmployees(): Promise<Employee[]> {
    return [...((await this.readPacked<Employee[], readonly Employee[]>(PACKED_ROWS, (rows) => rows.flat())) ?? [])];
  }

  /**
   * Where everyone on the active roster sits, by lower-case Entra id: what HR's figures count people by, read from a
   * few rows (several hundred people to a row) rather than the whole roster.
   */
  async listPlacements(): Promise<Placements> {
    return (await this.readPacked<PackedPlacements, Placements>(PLACEMENT_ROWS, unpackPlacements)) ?? new Map();
  }

  /**
   * The rows of the active roster whose keys start with `prefix`, decoded. What was decoded last is kept while the
   * head is unchanged, so views that need everyone on every click cost one point read.
   */
  private async readPacked<R, T>(prefix: string, decode: (rows: R[]) => T): Promise<T | undefined> {
    for (;;) {
      const head = await this.store.findHead(ROSTER_ID);
      if (!head) return undefined;
      const kept = this.packed.get(prefix);
      if (kept?.etag === head.etag) return kept.value as T;
      const rows = await this.store.listRows<R>(ROSTER_ID, head.version, prefix);
      // An import that switched the roster meanwhile deletes the version just read, maybe half way: read the new one.
      if ((await this.store.findHead(ROSTER_ID))?.etag === head.etag) {
        const value = decode(rows.map((row) => row.data));
        this.packed.set(prefix, { etag: head.etag, value });
        return value;
      }
    }
  }

  /** Replaces the whole roster, all or nothing; false when `version` is already the active roster. */
  async replace(employees: readonly Employee[], version: string, onProgress?: ProgressListener): Promise<boolean> {
    const sorted = [...employees].sort((a, b) => (a.employeeNo < b.employeeNo ? -1 : a.employeeNo > b.employeeNo ? 1 : 0));
    const rows = [...sorted.flatMap(lookupRows), ...packedEmployees(sorted), ...packedPlacements(sorted)];
    return this.store.replace(ROSTER_ID, `${version}${LAYOUT}`, rows, onProgress, employees.length);
  }

  private async find(rowKey: string): Promise<Employee | undefined> {
    const head = await this.store.findHead(ROSTER_ID);
    return head ? this.store.findRow<Employee>(ROSTER_ID, head.version, rowKey) : undefined;
  }
}

/**
 * Marks the versions stored in this row layout, so that the first import after an upgrade writes the roster again
 * even from the same file (whose content version is unchanged).
 */
const LAYOUT = '.2';
/** The prefix of the rows that hold everyone, packed in employee-number order: listing these lists everyone once. */
const PACKED_ROWS = 'all:';
/** The prefix of the rows that hold where everyone sits (department and section), packed the same way. */
const PLACEMENT_ROWS = 'place:';
/** What the items of a packed row may add up to: Azure's limit on a string, less room for the JSON around them. */
const PACKED_CHARS = MAX_STRING_CHARS - 1024;

/** Each employee is stored once per lookup key (a point read each), and once more under their manager, if any. */
function lookupRows(employee: Employee): DatasetRow[] {
  const columns = { employeeNo: employee.employeeNo, name: employee.name };
  const rows: DatasetRow[] = [
    { rowKey: `aad:${escapeKey(employee.aadObjectId)}`, data: employee, columns },
    { rowKey: `mail:${escapeKey(employee.email)}`, data: employee, columns },
  ];
  if (employee.managerEmail) rows.push({ rowKey: `${reportsPrefix(employee.managerEmail)}${escapeKey(employee.employeeNo)}`, data: employee, columns });
  return rows;
}

/** A manager's reports sort together under their e-mail (in lower case, as the roster compares e-mails). */
function reportsPrefix(managerEmail: string): string {
  return `rep:${escapeKey(managerEmail.toLowerCase())}:`;
}

/** Everyone, as few rows as Table storage's limit on a string allows: what listing the whole roster reads. */
function packedEmployees(employees: readonly Employee[]): DatasetRow[] {
  return packs(employees, (employee) => JSON.stringify(employee).length).map((pack, i) => ({ rowKey: packedKey(PACKED_ROWS, i), data: pack }));
}

/** Where everyone sits, a row holding the departments and sections it names once and each person as two indexes. */
type PackedPlacements = { departments: string[]; sections: string[]; people: [aadObjectId: string, department: number, section: number][] };

function packedPlacements(employees: readonly Employee[]): DatasetRow[] {
  // Sized as if every name were spelt out in full: the indexes make it smaller, never larger.
  const sizeOf = (e: Employee): number => JSON.stringify([e.aadObjectId, e.department, e.section]).length;
  return packs(employees, sizeOf).map((pack, i) => {
    const departments = [...new Set(pack.map((e) => e.department))];
    const sections = [...new Set(pack.map((e) => e.section))];
    const data: PackedPlacements = {
      departments,
      sections,
      people: pack.map((e) => [e.aadObjectId.toLowerCase(), departments.indexOf(e.department), sections.indexOf(e.section)]),
    };
    return { rowKey: packedKey(PLACEMENT_ROWS, i), data };
  });
}

function unpackPlacements(rows: readonly PackedPlacements[]): Placements {
  return placementsOf(
    rows.flatMap(({ departments, sections, people }) =>
      people.map(([aadObjectId, department, section]) => ({ aadObjectId, department: departments[department]!, section: sections[section]! })),
    ),
  );
}

/** Splits `items` into runs whose sizes add up to what one packed row may hold. */
function packs<T>(items: readonly T[], sizeOf: (item: T) => number): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let chars = 0;
  for (const item of items) {
    const size = sizeOf(item) + 1;
    if (chars + size > PACKED_CHARS && run.length > 0) {
      runs.push(run);
      run = [];
      chars = 0;
    }
    run.push(item);
    chars += size;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function packedKey(prefix: string, index: number): string {
  return `${prefix}${String(index).padStart(6, '0')}`;
}
