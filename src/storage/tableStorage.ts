import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import { TABLE_NAMES, type TableName } from './tables';

/** Where the tables live: a connection string (Azurite, or a key) or an account reached with a managed identity. */
export type StorageTarget = { connectionString: string } | { accountName: string };

/** Hands out one TableClient per table and creates the tables at start-up. */
export interface TableStorage {
  table(name: TableName): TableClient;
  /** Creates every table that does not exist yet (idempotent). */
  ensureTables(): Promise<void>;
}

/**
 * Few, short retries: a user waits on every storage call, and Teams gives an invoke 5 seconds.
 * An outage should reach the user as a friendly card quickly rather than after a minute of back-off.
 */
const clientOptions: TableServiceClientOptions = {
  retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
};

/** Creates the table storage for a target. Does no I/O until a client is used. */
export function createTableStorage(target: StorageTarget): TableStorage {
  const clients = new Map<TableName, TableClient>();
  const credential = 'accountName' in target ? new DefaultAzureCredential() : undefined;
  const table = (name: TableName): TableClient => {
    let client = clients.get(name);
    if (!client) {
      client =
        'connectionString' in target
          ? TableClient.fromConnectionString(target.connectionString, name, {
              ...clientOptions,
              allowInsecureConnection: target.connectionString.includes('http://'),
            })
          : new TableClient(`https://${target.accountName}.table.core.windows.net`, name, credential!, clientOptions);
      clients.set(name, client);
    }
    return client;
  };
  return {
    table,
    async ensureTables() {
      for (const name of Object.values(TABLE_NAMES)) await table(name).createTable();
    },
  };
}
