import { randomUUID } from 'node:crypto';
import type { GetTableEntityOptions, TableClient, TableEntity, TableEntityResult } from '@azure/data-tables';
import { isConcurrencyConflict, isNotFound } from './storageErrors';
import { MAX_PAGE } from './tables';

/** Reads one entity, or undefined when there is none; every other error propagates. */
export async function findEntity<T extends object>(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
  options?: GetTableEntityOptions,
): Promise<TableEntityResult<T> | undefined> {
  try {
    return await table.getEntity<T>(partitionKey, rowKey, options);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/**
 * Writes an entity only if it is as it was read: replaced under `etag`, or created when it did not exist then
 * (`etag` undefined). Returns the new ETag, or undefined when someone else wrote first (a 412, or a 409 for a row
 * created meanwhile). A write that was done although its answer was lost counts as done (see `writeOnce`).
 */
export async function writeIfUnchanged<T extends object>(
  table: TableClient,
  entity: TableEntity<T>,
  etag: string | undefined,
  writeId?: string,
): Promise<string | undefined> {
  try {
    return await writeOnce(table, entity, etag, writeId);
  } catch (err) {
    if (isConcurrencyConflict(err)) return undefined;
    throw err;
  }
}

/**
 * Creates an entity (`etag` undefined: a 409 if the row exists) or replaces it under `etag` (a 412 if it changed);
 * returns the new ETag. When the answer to the write is lost, the storage client sends it again and that retry is
 * refused by the write itself: a write id stored with the row tells this apart from someone else's write, which
 * still fails with its conflict. A caller that tries the same write again itself passes the same `writeId` each time.
 */
export async function writeOnce<T extends object>(
  table: TableClient,
  entity: TableEntity<T>,
  etag?: string,
  writeId: string = randomUUID(),
): Promise<string> {
  const marked = { ...entity, writeId };
  try {
    const response = etag ? await table.updateEntity(marked, 'Replace', { etag }) : await table.createEntity(marked);
    return response.etag!;
  } catch (err) {
    if (!isConcurrencyConflict(err)) throw err;
    const stored = await findEntity<{ writeId?: string }>(table, entity.partitionKey, entity.rowKey);
    if (stored?.writeId === marked.writeId) return stored.etag;
    throw err;
  }
}

/** How many entities match `filter`, reading only their keys a page at a time: a count that never holds the rows. */
export async function countEntities(table: TableClient, filter: string): Promise<number> {
  let count = 0;
  const pages = table.listEntities({ queryOptions: { filter, select: ['RowKey'] } }).byPage({ maxPageSize: MAX_PAGE });
  for await (const page of pages) count += page.length;
  return count;
}
