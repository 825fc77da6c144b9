import { BoundedMap } from '../boundedMap';
import { placementsOf, type Placements } from '../domain/insight/placements';
import { samePerson, type Employee } from '../domain/roster/employee';
import type { DatasetHead, DatasetRow, DatasetStore, ProgressListener } from './datasetStore';
import { escapeKey, MAX_STRING_CHARS } from './tables';

/** The roster is one data set; a city has one roster. */
const ROSTER_ID = 'roster';

/**
 * Answers kept per instance: two look-up keys and whether they manage anyone, for everyone of a city of 10,000, so
 * an instance that serves everyone of such a city answers from memory, and a bigger city's instance keeps a bounded
 * number.
 */
const ANSWERS_KEPT = 30_000;

/** How often the roster is checked for a new import: `recheckMs` (0: on every look-up), on the clock `now`. */
export interface RosterRecheck {
  readonly recheckMs: number;
  readonly now: () => number;
}

/**
 * The staff roster, looked up by the keys the bot meets: the Entra object id of a Teams user, or an e-mail.
 *
 * Every turn asks who is talking, often twice, and the menu whether they manage anyone, so answers are kept: the head
 * row, which changes only when a roster is imported, is read at most every `recheckMs`, and answers are kept while it
 * is unchanged. An import through this repository is seen at once; one by another process (the import command,
 * another instance) within `recheckMs`.
 */
export class RosterRepository {
  /** What was last read of each kind of packed rows, under the ETag of the head it was read from (an import changes it). */
  private readonly packed = new Map<string, { readonly etag: string; readonly value: unknown }>();
  private head?: { readonly value: DatasetHead | undefined; readonly readAt: number };
  /** Answers under the head whose ETag is `answersUnder`, by what was asked. */
  private readonly answers = new BoundedMap<string, { readonly value: unknown }>(ANSWERS_KEPT);
  private answersUnder?: string;

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
    return head ? head.itemCount : 0;
  }

  /** The manager's direct reports (never the manager themselves), reading their rows and no one else's. */
  async reportsOf(manager: Employee): Promise<Employee[]> {
    const head = await this.currentHead();
    if (!head) return [];
    const rows = await this.store.listRows<Employee>(ROSTER_ID, head.version, reportsPrefix(manager.email));
    return rows.map((row) => row.data).filter((report) => !samePerson(report.aadObjectId, manager.aadObjectId));
  }

  /** Whether anyone reports to `employee`: what makes a manager, read from two rows at most whatever the roster's size. */
  async hasReports(employee: Employee): Promise<boolean> {
    const head = await this.currentHead();
    if (!head) return false;
    return this.answer(`manages:${employee.email.toLowerCase()}`, head, async () => {
      // Two, because someone may be named their own manager; they alone do not make a team.
      const rows = await this.store.listRows<Employee>(ROSTER_ID, head.version, reportsPrefix(employee.email), 2);
      return rows.some((row) => !samePerson(row.data.aadObjectId, employee.aadObjectId));
    });
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
    let head = await this.currentHead();
    for (;;) {
      if (!head) return undefined;
      const kept = this.packed.get(prefix);
      if (kept?.etag === head.etag) return kept.value as T;
      const rows = await this.store.listRows<R>(ROSTER_ID, head.version, prefix);
      // An import that switched the roster meanwhile deletes the version just read, maybe half way: read the new one.
      const after = await this.readHead();
      if (after?.etag === head.etag) {
        const value = decode(rows.map((row) => row.data));
        this.packed.set(prefix, { etag: head.etag, value });
        return value;
      }
      head = after;
    }
  }

  /**
   * Whether the active roster was stored by an older version of the bot, in a layout this one cannot read: the team
   * view, the KPI's placements and broadcasts then find nobody until the roster is imported again.
   */
  async isInOldLayout(): Promise<boolean> {
    const head = await this.currentHead();
    return head !== undefined && !head.version.endsWith(LAYOUT);
  }

  /** Replaces the whole roster, all or nothing; false when `version` is already the active roster. */
  async replace(employees: readonly Employee[], version: string, onProgress?: ProgressListener): Promise<boolean> {
    const sorted = [...employees].sort((a, b) => (a.employeeNo < b.employeeNo ? -1 : a.employeeNo > b.employeeNo ? 1 : 0));
    const rows = [...sorted.flatMap(lookupRows), ...packedEmployees(sorted), ...packedPlacements(sorted)];
    try {
      return await this.store.replace(ROSTER_ID, `${version}${LAYOUT}`, rows, onProgress, employees.length);
    } finally {
      this.head = undefined;
    }
  }

  private async find(rowKey: string): Promise<Employee | undefined> {
    const head = await this.currentHead();
    if (!head) return undefined;
    return this.answer(rowKey, head, () => this.store.findRow<Employee>(ROSTER_ID, head.version, rowKey));
  }

  /** What was answered to `question` under this head, or the answer `read` gives now, kept while the head stands. */
  private async answer<T>(question: string, head: DatasetHead, read: () => Promise<T>): Promise<T> {
    const known = this.answers.get(question);
    if (known) return known.value as T;
    const value = await read();
    // Kept only if no newer head was read meanwhile: an answer from the old roster must not outlive it.
    if (this.answersUnder === head.etag) this.answers.set(question, { value });
    return value;
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
    if (value?.etag !== this.answersUnder) {
      this.answers.clear();
      this.answersUnder = value?.etag;
    }
    return value;
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
