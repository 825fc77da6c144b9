import { samePerson, type Employee } from '../domain/roster/employee';
import type { DatasetRow, DatasetStore, ProgressListener } from './datasetStore';
import { escapeKey, MAX_STRING_CHARS } from './tables';

/** The roster is one data set; a city has one roster. */
const ROSTER_ID = 'roster';

/** The staff roster, looked up by the keys the bot meets: the Entra object id of a Teams user, or an e-mail. */
export class RosterRepository {
  /** The roster as last listed, under the ETag of the head it was listed from (a new import changes that ETag). */
  private listed?: { readonly etag: string; readonly employees: readonly Employee[] };

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
   * from the packed rows: a hundred employees or so to a row. The roster listed last is kept while its head is
   * unchanged, so views that list everyone per click cost one point read.
   */
  async listEmployees(): Promise<Employee[]> {
    for (;;) {
      const head = await this.store.findHead(ROSTER_ID);
      if (!head) return [];
      if (this.listed?.etag === head.etag) return [...this.listed.employees];
      const rows = await this.store.listRows<Employee[]>(ROSTER_ID, head.version, PACKED_ROWS);
      // An import that switched the roster meanwhile deletes the version just read, maybe half way: read the new one.
      if ((await this.store.findHead(ROSTER_ID))?.etag === head.etag) {
        const employees = rows.flatMap((row) => row.data);
        this.listed = { etag: head.etag, employees };
        return [...employees];
      }
    }
  }

  /** Replaces the whole roster, all or nothing; false when `version` is already the active roster. */
  async replace(employees: readonly Employee[], version: string, onProgress?: ProgressListener): Promise<boolean> {
    const sorted = [...employees].sort((a, b) => (a.employeeNo < b.employeeNo ? -1 : a.employeeNo > b.employeeNo ? 1 : 0));
    const rows = [...sorted.flatMap(lookupRows), ...packedRows(sorted)];
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
/** Room left in a packed row for the JSON array's brackets and commas. */
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
function packedRows(employees: readonly Employee[]): DatasetRow[] {
  const rows: DatasetRow[] = [];
  let pack: Employee[] = [];
  let chars = 0;
  const close = (): void => {
    rows.push({ rowKey: `${PACKED_ROWS}${String(rows.length).padStart(6, '0')}`, data: pack });
    pack = [];
    chars = 0;
  };
  for (const employee of employees) {
    const length = JSON.stringify(employee).length + 1;
    if (chars + length > PACKED_CHARS && pack.length > 0) close();
    pack.push(employee);
    chars += length;
  }
  if (pack.length > 0) close();
  return rows;
}
