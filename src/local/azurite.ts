import path from 'node:path';
import { startChild, type Child } from './childProcess';
import { findFreePort, waitForPort } from './ports';
import { azuriteConnectionString } from '../storage/azuriteConnectionString';

export interface AzuriteOptions {
  /** Folder that keeps the data across restarts; without it the data lives in memory only. */
  location?: string;
  /** Fixed ports; a free port is chosen for each one left out. */
  tablePort?: number;
  queuePort?: number;
}

/** A running Azurite (table and queue services), each in its own child process. */
export interface Azurite {
  readonly connectionString: string;
  readonly tablePort: number;
  readonly queuePort: number;
  stop(): Promise<void>;
}

/**
 * Starts Azurite as child processes. It must never run inside the bot's process: restify patches
 * `http.IncomingMessage` when it loads, after which Azurite ignores `$filter` and returns every row.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const tablePort = options.tablePort ?? (await findFreePort());
  const queuePort = options.queuePort ?? (await findFreePort());
  const persistence = options.location
    ? ['--location', options.location]
    : ['--inMemoryPersistence'];
  const azuriteRoot = path.dirname(require.resolve('azurite/package.json'));
  const service = (name: 'table' | 'queue', port: number): Child =>
    startChild(`azurite-${name}`, process.execPath, [
      path.join(azuriteRoot, 'dist', 'src', name, 'main.js'),
      `--${name}Host`, '127.0.0.1',
      `--${name}Port`, String(port),
      '--silent',
      '--disableTelemetry',
      ...persistence,
    ], { stopSignal: 'SIGINT' });
  const children = [service('table', tablePort), service('queue', queuePort)];
  const stop = async (): Promise<void> => {
    await Promise.all(children.map((c) => c.stop()));
  };
  try {
    await Promise.all([waitForPort(tablePort, 15000), waitForPort(queuePort, 15000)]);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    tablePort,
    queuePort,
    connectionString: azuriteConnectionString(tablePort, queuePort),
    stop,
  };
}
