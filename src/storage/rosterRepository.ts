import { BoundedMap } from '../boundedMap';
import type { Employee } from '../domain/roster/employee';
import type { DatasetHead, DatasetRow, DatasetStore, ProgressListener } from './datasetStore';
import { escapeKey } from './tables';

/** The roster is one data set; a city has one roster. */
const ROSTER_ID = 'roster';

/**
 * Look-ups kept per instance: three keys per employee of a city of 10,000, so an instance that serves everyone of
 * such a city answers every look-up from memory, and a bigger city's instance still holds a bounded number.
 */
const LOOKUPS_KEPT = 30_000;

/** How often the roster is checked for a new import: `recheckMs` (0: on every look-up), on the clock `now`. */
export interface RosterRecheck {
  readonly recheckMs: number;
  readonly now: () => number;
}

/**
 * The staff roster, looked up by the keys the bot meets: the Entra object id of a Teams user, or an e-mail.
 *
 * Every turn asks who is talking, often twice, so answers are kept: the head row, which changes only when a roster is
 * imported, is read at most every `recheckMs`, and look-ups are kept while it is unchanged. An import through this
 * repository is seen at once; one by another process (the import command, another instance) within `recheckMs`.
 */
export class RosterRepository {
  /** The roster as last listed, under the ETag of the head it was listed from (a new import changes that ETag). */
  private listed?: { readonly etag: string; readonly employees: readonly Employee[] };
  private head?: { readonly value: DatasetHead | undefined; readonly readAt: number };
  /** Look-ups under the head whose ETag is `foundUnder`; null where nobody has that key. */
  private readonly found = new BoundedMap<string, Employee | null>(LOOKUPS_KEPT);
  private foundUnder?: string;

  constructor(
    private readonly store: DatasetStore,
    private readonly recheck: RosterRecheck = { recheckMs: 0, now: Date.now },
  ) {}

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
    const head = await this.currentHead();
    return head ? head.itemCount / ROWS_PER_EMPLOYEE : 0;
  }

  /**
   * Every employee of the active roster, once each, by employee number as text (none before the first import). The
   * roster listed last is kept while its head is unchanged, so views that list everyone per click cost one point read.
   */
  async listEmployees(): Promise<Employee[]> {
    let head = await this.currentHead();
    for (;;) {
      if (!head) return [];
      if (this.listed?.etag === head.etag) return [...this.listed.employees];
      const rows = await this.store.listRows<Employee>(ROSTER_ID, head.version, EMPLOYEE_ROWS);
      // An import that switched the roster meanwhile deletes the version just read, maybe half way: read the new one.
      const after = await this.readHead();
      if (after?.etag === head.etag) {
        const employees = rows.map((row) => row.data);
        this.listed = { etag: head.etag, employees };
        return [...employees];
      }
      head = after;
    }
  }

  /** Replaces the whole roster, all or nothing; false when `version` is already the active roster. */
  async replace(employees: readonly Employee[], version: string, onProgress?: ProgressListener): Promise<boolean> {
    try {
      return await this.store.replace(ROSTER_ID, version, employees.flatMap(toRows), onProgress);
    } finally {
      this.head = undefined;
    }
  }

  private async find(rowKey: string): Promise<Employee | undefined> {
    const head = await this.currentHead();
    if (!head) return undefined;
    const known = this.found.get(rowKey);
    if (known !== undefined) return known ?? undefined;
    const employee = await this.store.findRow<Employee>(ROSTER_ID, head.version, rowKey);
    // Kept only if no newer head was read meanwhile: an answer from the old roster must not outlive it.
    if (this.foundUnder === head.etag) this.found.set(rowKey, employee ?? null);
    return employee;
  }

  /** The head as last read, when that was less than `recheckMs` ago; otherwise read now. */
  private async currentHead(): Promise<DatasetHead | undefined> {
    const kept = this.head;
    if (kept && this.recheck.now() - kept.readAt < this.recheck.recheckMs) return kept.value;
    return this.readHead();
  }

  private async readHead(): Promise<DatasetHead | undefined> {
    const readAt = this.recheck.now();
    const value = await this.store.findHead(ROSTER_ID);
    this.head = { value, readAt };
    if (value?.etag !== this.foundUnder) {
      this.found.clear();
      this.foundUnder = value?.etag;
    }
    return value;
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
