/** The well-known development account every Azurite accepts (public, not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Azurite's own default ports, which `npm start` uses for the embedded storage. */
export const DEFAULT_AZURITE_PORTS = { table: 10002, queue: 10001 } as const;

/** The connection string for a local Azurite on the given ports. */
export function azuriteConnectionString(
  tablePort: number = DEFAULT_AZURITE_PORTS.table,
  queuePort: number = DEFAULT_AZURITE_PORTS.queue,
): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${DEV_ACCOUNT}`,
    `AccountKey=${DEV_KEY}`,
    `TableEndpoint=http://127.0.0.1:${tablePort}/${DEV_ACCOUNT}`,
    `QueueEndpoint=http://127.0.0.1:${queuePort}/${DEV_ACCOUNT}`,
  ].join(';') + ';';
}
