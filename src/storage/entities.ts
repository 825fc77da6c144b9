import type { GetTableEntityOptions, TableClient, TableEntity, TableEntityResult } from '@azure/data-tables';
import { isConcurrencyConflict, isNotFound } from './storageErrors';

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
 * created meanwhile).
 */
export async function writeIfUnchanged<T extends object>(
  table: TableClient,
  entity: TableEntity<T>,
  etag: string | undefined,
): Promise<string | undefined> {
  try {
    const response = etag ? await table.updateEntity(entity, 'Replace', { etag }) : await table.createEntity(entity);
    return response.etag;
  } catch (err) {
    if (isConcurrencyConflict(err)) return undefined;
    throw err;
  }
}

/** How many entities match `filter`, reading only their keys a page at a time: a count that never holds the rows. */
export async function countEntities(table: TableClient, filter: string): Promise<number> {
  let count = 0;
  const pages = table.listEntities({ queryOptions: { filter, select: ['RowKey'] } }).byPage({ maxPageSize: 1000 });
  for await (const page of pages) count += page.length;
  return count;
}
