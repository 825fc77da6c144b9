import { odata, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod/v4';
import { EXPORT_KINDS, type PreparedExport } from '../exporting/preparedExport';
import { RowTooLargeError } from './datasetStore';
import { findEntity } from './entities';
import { MAX_BATCH, MAX_STRING_CHARS } from './tables';

/** The row that describes an export; its chunks sit beside it in the same partition. */
const JOB_ROW = 'job';
/** Chunk n is "chunk:000001" …: RowKey order is file order. */
const CHUNK_PREFIX = 'chunk:';
const CHUNK_DIGITS = 6;
/** The first key after every chunk key (":" + 1 is ";"). */
const AFTER_CHUNKS = 'chunk;';
/** Chunks read per request while a file is downloaded: a few hundred KB in memory at a time. */
const CHUNKS_PER_READ = 16;

const STORED_JOB = z.object({
  frameworkId: z.string(),
  kind: z.enum(EXPORT_KINDS),
  fiscalYear: z.number().int().optional(),
  broadcastId: z.string().optional(),
  requestedBy: z.string(),
  filename: z.string(),
  asciiFilename: z.string(),
  state: z.enum(['preparing', 'ready', 'failed']),
  rows: z.number().int(),
  totalRows: z.number().int().optional(),
  chunks: z.number().int(),
  bytes: z.number().int().default(0),
  cardActivityId: z.string().optional(),
  startedAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string(),
});

/** Raised while streaming a ready export whose stored chunks do not add up to the file: never send it as whole. */
export class ExportIncompleteError extends Error {}

/**
 * Exports prepared in the background, one partition per export: a job row (what, for whom, how far) and the file's
 * text in numbered chunks, each well under Azure's limit on a string property. Progress and the chunks it counts are
 * written in one transaction, so the job row never counts a chunk that is not stored.
 */
export class ExportChunkRepository {
  constructor(private readonly table: TableClient) {}

  /** Stores a new export (no chunks yet); a 409 if the id exists. */
  async create(job: PreparedExport): Promise<void> {
    await this.table.createEntity(jobEntity(job));
  }

  async find(id: string): Promise<PreparedExport | undefined> {
    const e = await findEntity<Record<string, unknown>>(this.table, id, JOB_ROW);
    const stored = STORED_JOB.safeParse(e);
    return stored.success ? { id, ...stored.data } : undefined;
  }

  /** Saves the job row as given (its state, counts, expiry). One writer per export: the instance preparing it. */
  async save(job: PreparedExport): Promise<PreparedExport> {
    await this.table.upsertEntity(jobEntity(job), 'Replace');
    return job;
  }

  /**
   * Appends chunks after the job's last one and saves `progress` with the new count. The job row goes in the last
   * transaction: chunks written by an earlier one that failed are beyond the count, so never read, and overwritten
   * by the next attempt.
   */
  async append(job: PreparedExport, texts: readonly string[], progress: Pick<PreparedExport, 'rows' | 'updatedAt'>): Promise<PreparedExport> {
    const chunks = texts.map((text, i) => chunkEntity(job.id, job.chunks + i + 1, text));
    const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), job.bytes);
    const next: PreparedExport = { ...job, ...progress, chunks: job.chunks + texts.length, bytes };
    const actions: TransactionAction[] = [...chunks.map((e): TransactionAction => ['upsert', e, 'Replace']), ['upsert', jobEntity(next), 'Replace']];
    for (let start = 0; start < actions.length; start += MAX_BATCH) {
      await this.table.submitTransaction(actions.slice(start, start + MAX_BATCH));
    }
    return next;
  }

  /**
   * The text of an export's first `count` chunks, in order, read a few at a time as the caller consumes them.
   * Throws ExportIncompleteError when one is missing, so a download breaks off instead of looking complete.
   */
  async *texts(id: string, count: number): AsyncGenerator<string> {
    const filter = odata`PartitionKey eq ${id} and RowKey ge ${chunkKey(1)} and RowKey le ${chunkKey(count)}`;
    const pages = this.table
      .listEntities<{ text: string }>({ queryOptions: { filter, select: ['RowKey', 'text'] } })
      .byPage({ maxPageSize: CHUNKS_PER_READ });
    let expected = 1;
    for await (const page of pages) {
      for (const e of page) {
        if (e.rowKey !== chunkKey(expected)) throw new ExportIncompleteError(`export ${id}: chunk ${expected} is missing`);
        expected += 1;
        yield e.text;
      }
    }
    if (expected !== count + 1) throw new ExportIncompleteError(`export ${id}: ${expected - 1} of ${count} chunks stored`);
  }

  /** Deletes an export's chunks (a failed one: nothing of it is ever offered); the job row stays until it expires. */
  async deleteChunks(id: string): Promise<void> {
    await this.deleteRows(id, odata`PartitionKey eq ${id} and RowKey ge ${CHUNK_PREFIX} and RowKey lt ${AFTER_CHUNKS}`);
  }

  /** Deletes every export whose time is up, job row and chunks: personal data is not kept longer than it is offered. */
  async deleteExpired(now: Date): Promise<number> {
    const filter = odata`RowKey eq ${JOB_ROW} and expiresAt lt ${now.toISOString()}`;
    const ids: string[] = [];
    for await (const e of this.table.listEntities({ queryOptions: { filter, select: ['PartitionKey'] } })) ids.push(e.partitionKey!);
    for (const id of ids) await this.delete(id);
    return ids.length;
  }

  /** Deletes an export, job row and chunks (handed over, or declined: it is not kept a moment longer). */
  async delete(id: string): Promise<void> {
    // In RowKey order the chunks come before the job row, so an interrupted delete leaves the job row to find next time.
    await this.deleteRows(id, odata`PartitionKey eq ${id}`);
  }

  private async deleteRows(partitionKey: string, filter: string): Promise<void> {
    const keys: string[] = [];
    for await (const e of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) keys.push(e.rowKey!);
    for (let start = 0; start < keys.length; start += MAX_BATCH) {
      const batch = keys.slice(start, start + MAX_BATCH);
      await this.table.submitTransaction(batch.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]));
    }
  }
}

function chunkKey(n: number): string {
  return `${CHUNK_PREFIX}${String(n).padStart(CHUNK_DIGITS, '0')}`;
}

function chunkEntity(id: string, n: number, text: string): TableEntity<{ text: string }> {
  if (text.length > MAX_STRING_CHARS) {
    throw new RowTooLargeError(`export ${id}: chunk ${n} is ${text.length} characters; Table storage allows ${MAX_STRING_CHARS}`);
  }
  return { partitionKey: id, rowKey: chunkKey(n), text };
}

function jobEntity(job: PreparedExport): TableEntity<Omit<PreparedExport, 'id'>> {
  const { id, ...fields } = job;
  return { partitionKey: id, rowKey: JOB_ROW, ...fields };
}
