import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { forEachLimited } from '../concurrency';
import { YearParticipation } from '../domain/insight/participation';
import { daysOfFiscalYear, fiscalYearOfDay } from '../domain/applications/fiscalYear';
import { recordKey, type TrainingRecord, type TrainingStatus } from '../domain/training/trainingRecord';
import type { ProgressListener } from './datasetStore';
import { countEntities } from './entities';
import { escapeKey, keysAfterPrefix, MAX_BATCH, MAX_PAGE } from './tables';
import type { TrainingParticipationRepository } from './trainingParticipationRepository';

/** Employees whose records are read and written at once during an import. */
const EMPLOYEES_AT_ONCE = 8;

/** Which of a framework's records a read returns: sessions from one day to another (YYYY-MM-DD). */
export interface RecordsWithin {
  readonly from: string;
  readonly to: string;
}

/** What storing a file's records did. */
export interface StoredRecords {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
}

/**
 * Attendance records, one row per employee, program and session date, so a record imported again lands on itself:
 * a file read twice changes nothing, and a corrected status replaces the old one. Records a file does not name stay.
 */
export class TrainingRecordRepository {
  constructor(
    private readonly table: TableClient,
    private readonly participation: TrainingParticipationRepository,
  ) {}

  /** One employee's records under a framework, in no particular order. */
  async listForEmployee(frameworkId: string, employeeNo: string): Promise<TrainingRecord[]> {
    const filter = odata`PartitionKey eq ${partitionOf(frameworkId, employeeNo)}`;
    const records: TrainingRecord[] = [];
    for await (const e of this.table.listEntities<RecordEntity>({ queryOptions: { filter } })) {
      records.push({ employeeNo, programId: e.programId, date: e.date, status: e.status });
    }
    return records;
  }

  /** Several employees' records, by employee number, read a few partitions at a time (a year's candidates, say). */
  async listForEmployees(frameworkId: string, employeeNos: Iterable<string>): Promise<Map<string, TrainingRecord[]>> {
    const byEmployee = new Map<string, TrainingRecord[]>();
    await forEachLimited(new Set(employeeNos), EMPLOYEES_AT_ONCE, async (employeeNo) => {
      byEmployee.set(employeeNo, await this.listForEmployee(frameworkId, employeeNo));
    });
    return byEmployee;
  }

  /** How many people took each program in a fiscal year, by program id: one row, kept up to date by `store`. */
  participantsIn(frameworkId: string, fiscalYear: number): Promise<ReadonlyMap<string, number>> {
    return this.participation.find(frameworkId, fiscalYear);
  }

  /**
   * Every employee's records under a framework, a page at a time: one query over the range of partition keys that
   * start with the framework's, never a query per employee (10,000 of them would be 10,000 round trips). `within`
   * narrows it to the sessions of some days, and of one program, filtered by storage, so only those rows travel.
   */
  async *pagesOfFramework(frameworkId: string, within?: RecordsWithin, pageSize = MAX_PAGE): AsyncIterable<TrainingRecord[]> {
    const prefix = partitionOf(frameworkId, '');
    const filter = frameworkFilter(frameworkId, within);
    const pages = this.table
      .listEntities<RecordEntity>({ queryOptions: { filter, select: ['PartitionKey', 'programId', 'date', 'status'] } })
      .byPage({ maxPageSize: pageSize });
    // The service may answer a page with no rows and a continuation: the caller never sees those.
    for await (const page of pages) {
      if (page.length === 0) continue;
      yield page.map((e) => ({ employeeNo: decodeURIComponent(e.partitionKey!.slice(prefix.length)), programId: e.programId, date: e.date, status: e.status }));
    }
  }

  /** How many records a framework has, every employee's, counted a page of keys at a time. */
  async countOfFramework(frameworkId: string): Promise<number> {
    return countEntities(this.table, frameworkFilter(frameworkId));
  }

  /**
   * Writes the records that are new or whose status differs from the stored one; the others are not touched.
   * Each employee's records are written in transactions of their partition: a failure leaves some employees written
   * and others not, and the same file imported again completes it.
   */
  async store(frameworkId: string, records: readonly TrainingRecord[], onProgress?: ProgressListener): Promise<StoredRecords> {
    const byEmployee = new Map<string, TrainingRecord[]>();
    for (const record of records) {
      const theirs = byEmployee.get(record.employeeNo);
      if (theirs) theirs.push(record);
      else byEmployee.set(record.employeeNo, [record]);
    }
    const counts = { added: 0, changed: 0, unchanged: 0 };
    // Every year the file speaks of is counted again, written or not: importing the same file again then repairs a
    // count an earlier import failed to save (or one made before counts were kept).
    const yearsTouched = new Set(records.map((r) => fiscalYearOfDay(r.date)));
    let done = 0;
    onProgress?.(0, records.length);
    await forEachLimited(byEmployee, EMPLOYEES_AT_ONCE, async ([employeeNo, theirs]) => {
      const stored = new Map((await this.listForEmployee(frameworkId, employeeNo)).map((r) => [recordKey(r), r.status]));
      const writes = theirs.filter((r) => stored.get(recordKey(r)) !== r.status);
      for (let start = 0; start < writes.length; start += MAX_BATCH) {
        const batch = writes.slice(start, start + MAX_BATCH);
        await this.table.submitTransaction(batch.map((r): TransactionAction => ['upsert', toEntity(frameworkId, r), 'Replace']));
      }
      const added = writes.filter((r) => !stored.has(recordKey(r))).length;
      counts.added += added;
      counts.changed += writes.length - added;
      counts.unchanged += theirs.length - writes.length;
      done += theirs.length;
      onProgress?.(done, records.length);
    });
    // Counted afresh from every record of the year, not adjusted: a count that missed a write once would stay wrong.
    // Two imports at once may save their counts in either order: the next import of either file counts again.
    for (const fiscalYear of yearsTouched) await this.participation.save(frameworkId, fiscalYear, await this.countYear(frameworkId, fiscalYear));
    return counts;
  }

  /** The distinct participants of each program in a fiscal year, counted from its records. */
  private async countYear(frameworkId: string, fiscalYear: number): Promise<ReadonlyMap<string, number>> {
    const year = new YearParticipation(fiscalYear);
    for await (const page of this.pagesOfFramework(frameworkId, daysOfFiscalYear(fiscalYear))) year.add(page);
    return year.counts();
  }
}

type RecordEntity = {
  readonly programId: string;
  readonly date: string;
  readonly status: TrainingStatus;
};

function partitionOf(frameworkId: string, employeeNo: string): string {
  return escapeKey(`${frameworkId}:${employeeNo}`);
}

/** Every partition of a framework (its employees' keys all start with `{frameworkId}:`), and the days asked. */
function frameworkFilter(frameworkId: string, within?: RecordsWithin): string {
  const prefix = partitionOf(frameworkId, '');
  const conditions = [odata`PartitionKey ge ${prefix} and PartitionKey lt ${keysAfterPrefix(prefix)}`];
  if (within) conditions.push(odata`date ge ${within.from} and date le ${within.to}`);
  return conditions.join(' and ');
}

function toEntity(frameworkId: string, record: TrainingRecord): RecordEntity & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: partitionOf(frameworkId, record.employeeNo),
    rowKey: escapeKey(`${record.programId}:${record.date}`),
    programId: record.programId,
    date: record.date,
    status: record.status,
  };
}
