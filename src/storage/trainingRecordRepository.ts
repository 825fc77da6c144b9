import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { forEachLimited } from '../concurrency';
import { recordKey, type TrainingRecord, type TrainingStatus } from '../domain/training/trainingRecord';
import type { ProgressListener } from './datasetStore';
import { escapeKey, MAX_BATCH } from './tables';

/** Employees whose records are read and written at once during an import. */
const EMPLOYEES_AT_ONCE = 8;

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
  constructor(private readonly table: TableClient) {}

  /** One employee's records under a framework, in no particular order. */
  async listForEmployee(frameworkId: string, employeeNo: string): Promise<TrainingRecord[]> {
    const filter = odata`PartitionKey eq ${partitionOf(frameworkId, employeeNo)}`;
    const records: TrainingRecord[] = [];
    for await (const e of this.table.listEntities<RecordEntity>({ queryOptions: { filter } })) {
      records.push({ employeeNo, programId: e.programId, date: e.date, status: e.status });
    }
    return records;
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
    return counts;
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

function toEntity(frameworkId: string, record: TrainingRecord): RecordEntity & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: partitionOf(frameworkId, record.employeeNo),
    rowKey: escapeKey(`${record.programId}:${record.date}`),
    programId: record.programId,
    date: record.date,
    status: record.status,
  };
}
