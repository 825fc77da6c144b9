import type { Employee } from '../domain/roster/employee';
import type { DatasetRow, DatasetStore, ProgressListener } from './datasetStore';
import { escapeKey } from './tables';

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
    return head ? head.itemCount / ROWS_PER_EMPLOYEE : 0;
  }

  /**
   * Every employee of the active roster, once each, by employee number as text (none before the first import). The
   * roster listed last is kept while its head is unchanged, so views that list everyone per click cost one point read.
   */
  async listEmployees(): Promise<Employee[]> {
    for (;;) {
      const head = await this.store.findHead(ROSTER_ID);
      if (!head) return [];
      if (this.listed?.etag === head.etag) return [...this.listed.employees];
      const rows = await this.store.listRows<Employee>(ROSTER_ID, head.version, EMPLOYEE_ROWS);
      // An import that switched the roster meanwhile deletes the version just read, maybe half way: read the new one.
      if ((await this.store.findHead(ROSTER_ID))?.etag === head.etag) {
        const employees = rows.map((row) => row.data);
        this.listed = { etag: head.etag, employees };
        return [...employees];
      }
    }
  }

  /** Replaces the whole roster, all or nothing; false when `version` is already the active roster. */
  async replace(employees: readonly Employee[], version: string, onProgress?: ProgressListener): Promise<boolean> {
    return this.store.replace(ROSTER_ID, version, employees.flatMap(toRows), onProgress);
  }

  private async find(rowKey: string): Promise<Employee | undefined> {
    const head = await this.store.findHead(ROSTER_ID);
    return head ? this.store.findRow<Employee>(ROSTER_ID, head.version, rowKey) : undefined;
  }
}

/** Each employee is stored once per lookup key, so every lookup is a single point read. */
const ROWS_PER_EMPLOYEE = 3;
/** The prefix of the one row per employee that is keyed by employee number: listing these lists everyone once. */
const EMPLOYEE_ROWS = 'emp:';

function toRows(employee: Employee): DatasetRow[] {
  const columns = { employeeNo: employee.employeeNo, name: employee.name };
  return [
    { rowKey: `${EMPLOYEE_ROWS}${escapeKey(employee.employeeNo)}`, data: employee, columns },
    { rowKey: `aad:${escapeKey(employee.aadObjectId)}`, data: employee, columns },
    { rowKey: `mail:${escapeKey(employee.email)}`, data: employee, columns },
  ];
}
