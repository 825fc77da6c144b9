import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import { QueueClient, type StoragePipelineOptions } from '@azure/storage-queue';
import { QUEUE_NAMES, TABLE_NAMES, type QueueName, type TableName } from './tables';

/** Where the tables live: a connection string (Azurite, or a key) or an account reached with a managed identity. */
export type StorageTarget = { connectionString: string } | { accountName: string };

/** Hands out one TableClient per table and one QueueClient per queue, and creates them all at start-up. */
export interface TableStorage {
  table(name: TableName): TableClient;
  queue(name: QueueName): QueueClient;
  /** Creates every table and queue that does not exist yet (idempotent). */
  ensureTables(): Promise<void>;
}

/**
 * Few, short retries: a user waits on every storage call, and Teams gives an invoke 5 seconds.
 * An outage should reach the user as a friendly card quickly rather than after a minute of back-off.
 */
const clientOptions: TableServiceClientOptions = {
  retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
};

/** The same policy for queues, whose SDK counts the first try among its tries. */
const queueOptions: StoragePipelineOptions = {
  retryOptions: { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
};

/** Creates the table storage for a target. Does no I/O until a client is used. */
export function createTableStorage(target: StorageTarget): TableStorage {
  const tables = new Map<TableName, TableClient>();
  const queues = new Map<QueueName, QueueClient>();
  const credential = 'accountName' in target ? new DefaultAzureCredential() : undefined;
  const table = (name: TableName): TableClient => {
    let client = tables.get(name);
    if (!client) {
      client =
        'connectionString' in target
          ? TableClient.fromConnectionString(target.connectionString, name, {
              ...clientOptions,
              allowInsecureConnection: target.connectionString.includes('http://'),
            })
          : new TableClient(`https://${target.accountName}.table.core.windows.net`, name, credential!, clientOptions);
      tables.set(name, client);
    }
    return client;
  };
  const queue = (name: QueueName): QueueClient => {
    let client = queues.get(name);
    if (!client) {
      client =
        'connectionString' in target
          ? new QueueClient(target.connectionString, name, queueOptions)
          : new QueueClient(`https://${target.accountName}.queue.core.windows.net/${name}`, credential, queueOptions);
      queues.set(name, client);
    }
    return client;
  };
  return {
    table,
    queue,
    async ensureTables() {
      await Promise.all([
        ...Object.values(TABLE_NAMES).map((name) => table(name).createTable()),
        ...Object.values(QUEUE_NAMES).map((name) => queue(name).createIfNotExists()),
      ]);
    },
  };
}
