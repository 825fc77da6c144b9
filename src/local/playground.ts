import path from 'node:path';
import { startChild } from './childProcess';
import { writePlaygroundConfig, type PlaygroundConfig } from './playgroundConfig';
import { isPortOpen } from './ports';
import { outputTail, waitForListening } from './waitForListening';

/** The Playground's documented port, which `npm start` uses. */
export const DEFAULT_PLAYGROUND_PORT = 56150;

/** Its first start unpacks and loads a large bundle; a slow machine needs a while. */
const START_TIMEOUT_MS = 60_000;

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly botEndpoint: string;
  /** Holds the config file and the Playground's own log. */
  readonly workDir: string;
  readonly config: PlaygroundConfig;
  readonly port?: number;
}

/** A running Microsoft 365 Agents Playground: a local Teams-like client for the bot. */
export interface Playground {
  readonly url: string;
  readonly port: number;
  readonly configFile: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** Writes the Playground's config and starts it as a child process; resolves once its web page answers. */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const port = options.port ?? DEFAULT_PLAYGROUND_PORT;
  // Given a busy port, the Playground quietly moves to a random one, where nobody would look for it.
  if (await isPortOpen(port)) {
    throw new Error(`port ${port} is in use: is another Agents Playground (or \`npm start\`) already running?`);
  }
  const configFile = writePlaygroundConfig(options.workDir, options.config);
  const cli = path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  const args = [cli, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'];
  const child = startChild('Agents Playground', process.execPath, args, {
    cwd: options.workDir,
    // The child needs our PATH and the like; the two additions keep it from opening a browser or reading another config.
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await waitForListening(child, port, START_TIMEOUT_MS, outputTail(child));
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, port, configFile, pid: child.process.pid, stop: () => child.stop() };
}
