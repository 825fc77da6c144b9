import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { botNodeFlags } from './botNodeFlags';
import { waitFor } from './waitFor';

const ROOT = path.join(__dirname, '..', '..');

/** The production entry (src/index.ts) running as a real process, as Azure runs it. */
export interface BotProcess {
  /** The server's base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly pid: number;
  /** The "listening" log line, as the process wrote it. */
  readonly listening: Record<string, unknown>;
  /** Every JSON line the process logged so far (info on stdout, warnings and errors on stderr). */
  readonly logged: Record<string, unknown>[];
  /**
   * The bytes the process still holds (JavaScript heap and buffers) once every piece of garbage is collected; only
   * for a process started with `measuresMemory`.
   */
  heldBytes(): Promise<number>;
  /** Stops it with SIGTERM; resolves with its exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `node src/index.ts`, with the flags of `npm run bot`, with exactly `environment` (and PATH); resolves once it logs that it listens. A real
 * process, for what only a real one shows: the SDKs it instruments as Node loads them, its memory, its temp folder.
 * `measuresMemory` also loads the probe behind `heldBytes`.
 */
export function startBotProcess(environment: NodeJS.ProcessEnv, options: { measuresMemory?: boolean } = {}): Promise<BotProcess> {
  const probe = options.measuresMemory ? ['--expose-gc', '-r', path.join(__dirname, 'memoryProbe.js')] : [];
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [...botNodeFlags(), ...probe, '-r', path.join(__dirname, 'transpileHook.js'), 'src/index.ts'],
    { cwd: ROOT, env: { PATH: process.env.PATH, ...environment } },
  );
  const logged: Record<string, unknown>[] = [];
  // Both streams are read to the end, so that its output can never fill a pipe and stall it.
  const lines = (input: NodeJS.ReadableStream, onEntry: (entry: Record<string, unknown>) => void = () => undefined): void => {
    createInterface({ input }).on('line', (line) => {
      const entry = jsonLine(line);
      if (!entry) return;
      logged.push(entry);
      onEntry(entry);
    });
  };
  lines(child.stderr);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bot exited with ${code} before listening`)));
    lines(child.stdout, (entry) => {
      if (entry.message !== 'DX Navi is listening') return;
      resolve({
        url: `http://127.0.0.1:${String(entry.port)}`,
        pid: child.pid!,
        listening: entry,
        logged,
        async heldBytes() {
          const reports = (): Record<string, unknown>[] => logged.filter((entry) => entry.message === 'memory held');
          const before = reports().length;
          child.kill('SIGUSR2');
          const report = await waitFor('the bot to report the memory it holds', () => reports()[before]);
          return Number(report.heapUsed) + Number(report.external);
        },
        stop: () => {
          if (child.exitCode !== null) return Promise.resolve(child.exitCode);
          const exited = new Promise<number | null>((done) => child.once('exit', done));
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}

/** A JSON log line as an object; undefined for anything else the process printed (a Node warning, say). */
function jsonLine(line: string): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(line) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
