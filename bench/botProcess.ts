import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startChild, type Child } from '../src/local/childProcess';
import { findFreePort } from '../src/local/ports';
import { outputTail, waitForListening } from '../src/local/waitForListening';
import { botNodeFlags } from '../test/support/botNodeFlags';

/** The bot as `npm run bot` runs it, in a child process, so that a bench can stop it gracefully or kill it outright. */
export interface BotProcess {
  /** Where the bot listens. */
  readonly url: string;
  /** The bot process's peak resident memory so far, in bytes (Linux: VmHWM of /proc/<pid>/status). */
  readonly peakRss: () => number;
  /** CPU time the bot process has used so far, user and system, in milliseconds (Linux: /proc/<pid>/stat). */
  readonly cpuMs: () => number;
  /** True once the process has exited, whoever ended it. */
  readonly exited: () => boolean;
  /** The end of what the bot printed (its log lines), to show why it failed. */
  readonly output: () => string;
  /** SIGKILL, as a crash or an evicted container ends it: no handler runs, requests in flight are cut off. */
  kill(): Promise<void>;
  /**
   * SIGTERM, as the platform stops it: the bot finishes what is in flight and exits (SIGKILL if it lingers). Throws if
   * any turn failed meanwhile: the bot answered it with an apology, and a figure that timed apologies means nothing.
   */
  stop(): Promise<void>;
}

/** The production entry point, compiled next to the bench (`npm run bench` builds first). */
const BOT_ENTRY = path.join(__dirname, '..', 'src', 'index.js');
/** Node's flags in `npm run bot` (and Azure's start command, which a test keeps equal): the bot runs as it does there. */
const BOT_NODE_FLAGS = botNodeFlags();
const START_TIMEOUT_MS = 30_000;

/**
 * Starts the bot (or another entry point that listens on PORT) with exactly this environment (nothing inherited, so no
 * BOT_ID of the shell turns on auth) and waits until it listens.
 */
export async function startBotProcess(name: string, env: Record<string, string>, entry = BOT_ENTRY): Promise<BotProcess> {
  const port = await findFreePort();
  const flags = entry === BOT_ENTRY ? BOT_NODE_FLAGS : [];
  const child = startChild(name, process.execPath, [...flags, entry], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = outputTail(child);
  const failedTurns = countLogLines(child, FAILED_TURN);
  const exited = (): boolean => child.process.exitCode !== null || child.process.signalCode !== null;
  const ended = new Promise<void>((resolve) => {
    if (exited()) resolve();
    child.process.once('exit', () => resolve());
  });
  try {
    await waitForListening(child, port, START_TIMEOUT_MS, output);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    peakRss: () => peakRssOf(child.process.pid),
    cpuMs: () => cpuMsOf(child.process.pid),
    exited,
    output,
    async kill() {
      if (!exited()) child.process.kill('SIGKILL');
      await ended;
    },
    async stop() {
      await child.stop();
      if (failedTurns() > 0) throw new Error(`${name} failed ${failedTurns()} turns; it printed:\n${output()}`);
    },
  };
}

/** What the bot logs when a turn throws (and the user gets an apology instead of an answer). */
const FAILED_TURN = '"message":"turn failed"';

/** Counts the lines the child prints (stdout and stderr) that contain `text`. */
function countLogLines(child: Child, text: string): () => number {
  let count = 0;
  for (const stream of [child.process.stdout, child.process.stderr]) {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop()!;
      count += lines.filter((line) => line.includes(text)).length;
    });
  }
  return () => count;
}

/** utime + stime of a live process, in milliseconds; 0 where /proc is not there. */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    // The fields after the command name (which may hold spaces, hence the last parenthesis): utime and stime are 14 and 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** The kernel's clock ticks per second, which /proc/<pid>/stat counts CPU time in (100 on Linux). */
const CLOCK_TICKS_PER_S = 100;

/** VmHWM ("high water mark") of a live process, in bytes; 0 where /proc is not there. */
function peakRssOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}
