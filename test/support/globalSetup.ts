import { startAzurite, type Azurite } from '../../src/local/azurite';

declare global {
  var azuriteForTests: Azurite | undefined;
}

/** One in-memory Azurite for the whole run; test workers inherit its connection string. */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite();
  globalThis.azuriteForTests = azurite;
  process.env.TEST_STORAGE_CONNECTION_STRING = azurite.connectionString;
}
