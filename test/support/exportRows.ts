import { TABLE_NAMES } from '../../src/storage/tables';
import { createTableStorage } from '../../src/storage/tableStorage';

/** Rows an export has in the storage at `connectionString`: its job row and its chunks (0 once it is deleted). */
export async function exportRowsOf(connectionString: string, exportId: string): Promise<number> {
  const table = createTableStorage({ connectionString }).table(TABLE_NAMES.exportChunks);
  let count = 0;
  for await (const page of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${exportId}'`, select: ['RowKey'] } }).byPage()) {
    count += page.length;
  }
  return count;
}
