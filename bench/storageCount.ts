import { startStorageProxy, type StorageProxy } from '../test/faults/storageProxy';

/**
 * A proxy in front of the Azurite of this connection string that records every request the bot makes to the table
 * service, so a section can report storage calls per turn. It costs each call one more local hop.
 */
export function countingStorage(connectionString: string): Promise<StorageProxy> {
  const port = (service: string): number => {
    const found = new RegExp(`${service}Endpoint=http://127\\.0\\.0\\.1:(\\d+)/`).exec(connectionString)?.[1];
    if (found === undefined) throw new Error(`no local ${service} endpoint in the connection string`);
    return Number(found);
  };
  return startStorageProxy({ tablePort: port('Table'), queuePort: port('Queue') });
}
