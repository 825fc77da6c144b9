import { odata, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { findEntity } from './entities';
import { keysAfterPrefix, MAX_BATCH, MAX_STRING_CHARS } from './tables';

/** Which kind of data set a head row describes. */
export type DatasetKind = 'framework' | 'roster';

/** The active version of a data set. */
export interface DatasetHead {
  readonly id: string;
  readonly version: string;
  readonly itemCount: number;
  readonly importedAt: string;
  readonly etag: string;
}

/** One stored row of a data set version: its RowKey, a JSON payload and a few columns for people browsing the table. */
export interface DatasetRow {
  readonly rowKey: string;
  readonly data: unknown;
  readonly columns?: Record<string, string | number>;
}

/** Called as rows are written, so a CLI can draw a progress bar. */
export type ProgressListener = (done: number, total: number) => void;

/** Raised when a row would break a Table storage limit; nothing has been written when it is thrown. */
export class RowTooLargeError extends Error {}

/**
 * Stores versioned data sets so that an import is all-or-nothing, whatever its size.
 * A new version is written into its own partition first ("staged"); readers follow the head row,
 * which is switched to the new version in one conditional write; the old version is deleted afterwards.
 * A failure before the switch leaves readers on the old version, unchanged.
 */
export class DatasetStore {
  constructor(
    private readonly kind: DatasetKind,
    private readonly heads: TableClient,
    private readonly items: TableClient,
  ) {}

  /** The partition that holds one version's rows. */
  partitionOf(id: string, version: string): string {
    return `${id}@${version}`;
  }

  /** The active version, or undefined if the data set was never imported. */
  async findHead(id: string): Promise<DatasetHead | undefined> {
    const e = await findEntity<{ version: string; itemCount: number; importedAt: string }>(this.heads, this.kind, id);
    return e && { id, version: e.version, itemCount: e.itemCount, importedAt: e.importedAt, etag: e.etag };
  }

  /** Writes a version's rows into its own partition, 100 to a transaction. Readers do not see them yet. */
  async stage(id: string, version: string, rows: readonly DatasetRow[], onProgress?: ProgressListener): Promise<void> {
    const partitionKey = this.partitionOf(id, version);
    const entities = rows.map((row) => toEntity(partitionKey, row));
    onProgress?.(0, entities.length);
    for (let start = 0; start < entities.length; start += MAX_BATCH) {
      const batch = entities.slice(start, start + MAX_BATCH);
      await this.items.submitTransaction(batch.map((e): TransactionAction => ['upsert', e, 'Replace']));
      onProgress?.(start + batch.length, entities.length);
    }
  }

  /**
   * Points readers at a staged version. `previous` is the head the caller read before staging:
   * if another import switched the head meanwhile, this fails with a 412 (or 409 for a first import).
   */
  async activate(id: string, version: string, itemCount: number, previous: DatasetHead | undefined): Promise<void> {
    const entity = { partitionKey: this.kind, rowKey: id, version, itemCount, importedAt: new Date().toISOString() };
    if (previous) await this.heads.updateEntity(entity, 'Replace', { etag: previous.etag });
    else await this.heads.createEntity(entity);
  }

  /**
   * Makes `rows` the active version `version` of a data set, all or nothing: stage, switch the head, drop the old.
   * `itemCount` is what the head says the data set holds, where an item is stored as several rows (an employee).
   * Returns false, writing nothing, when that version is already active (re-importing the same file).
   */
  async replace(
    id: string,
    version: string,
    rows: readonly DatasetRow[],
    onProgress?: ProgressListener,
    itemCount = rows.length,
  ): Promise<boolean> {
    const previous = await this.findHead(id);
    if (previous?.version === version) return false;
    try {
      await this.stage(id, version, rows, onProgress);
      await this.activate(id, version, itemCount, previous);
    } catch (err) {
      // Readers never saw the staged rows: remove them if storage lets us (unless a concurrent import of the
      // same version won the race and made them active), and report the original failure.
      const current = await this.findHead(id).catch(() => undefined);
      if (current?.version !== version) await this.purge(id, version).catch(() => undefined);
      throw err;
    }
    if (previous) await this.purge(id, previous.version);
    return true;
  }

  /**
   * Every row of a version, or only those whose RowKey starts with `prefix`, in RowKey order; with `limit`, the first
   * few only, read a page of that size at a time (one request, unless storage answers a page short of it).
   */
  async listRows<T>(id: string, version: string, prefix?: string, limit?: number): Promise<{ rowKey: string; data: T }[]> {
    const conditions = [odata`PartitionKey eq ${this.partitionOf(id, version)}`];
    if (prefix) conditions.push(odata`RowKey ge ${prefix} and RowKey lt ${keysAfterPrefix(prefix)}`);
    const rows: { rowKey: string; data: T }[] = [];
    const pages = this.items
      .listEntities<{ data: string }>({ queryOptions: { filter: conditions.join(' and '), select: ['RowKey', 'data'] } })
      .byPage({ maxPageSize: limit });
    for await (const page of pages) {
      for (const e of page) rows.push({ rowKey: e.rowKey!, data: JSON.parse(e.data) as T });
      // A page may come back short, even empty, with more to read (Azure ends a query after 5 s): only enough ends it.
      if (limit !== undefined && rows.length >= limit) break;
    }
    return rows;
  }

  /** One row of a version, or undefined. */
  async findRow<T>(id: string, version: string, rowKey: string): Promise<T | undefined> {
    const e = await findEntity<{ data: string }>(this.items, this.partitionOf(id, version), rowKey, {
      queryOptions: { select: ['data'] },
    });
    return e && (JSON.parse(e.data) as T);
  }

  /** Deletes a version's rows (an old version after a switch, or a staged one that was never activated). */
  async purge(id: string, version: string): Promise<void> {
    const partitionKey = this.partitionOf(id, version);
    const keys: string[] = [];
    const pages = this.items.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] },
    });
    for await (const e of pages) keys.push(e.rowKey!);
    for (let start = 0; start < keys.length; start += MAX_BATCH) {
      const batch = keys.slice(start, start + MAX_BATCH);
      await this.items.submitTransaction(batch.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]));
    }
  }
}

function toEntity(partitionKey: string, row: DatasetRow): TableEntity<Record<string, string | number>> {
  const data = JSON.stringify(row.data);
  if (data.length > MAX_STRING_CHARS) {
    throw new RowTooLargeError(`row ${row.rowKey} is ${data.length} characters; Table storage allows ${MAX_STRING_CHARS}`);
  }
  return { ...row.columns, partitionKey, rowKey: row.rowKey, data };
}
