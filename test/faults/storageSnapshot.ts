import { TableClient } from '@azure/data-tables';
import { TABLE_NAMES } from '../../src/storage/tables';

/**
 * The tables an action or an import can change: all but the sender's lease, which is renewed on the sender's own clock
 * whatever anyone does.
 */
const STATE_TABLES = Object.values(TABLE_NAMES).filter((name) => name !== TABLE_NAMES.leases);

/** Every row of every table an action or import can change, as comparable text: what "the state" is for the fault tests. */
export async function snapshotTables(connectionString: string, keep: (table: string, row: { partitionKey?: string; rowKey?: string }) => boolean = () => true): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const name of STATE_TABLES) {
    const client = TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: true });
    const rows: string[] = [];
    for await (const row of client.listEntities()) {
      if (keep(name, row)) rows.push(JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)));
    }
    snapshot[name] = rows.sort();
  }
  return snapshot;
}
