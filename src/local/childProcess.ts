import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** A child process we started and must stop. */
export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Spawns a child that dies with us: `stop()` sends SIGTERM to its pid, then SIGKILL if it lingers.
 * Output is kept out of our console unless `inheritOutput` is set, so `npm start` stays readable.
 */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { inheritOutput?: boolean } = {},
): Child {
  const { inheritOutput, ...spawnOptions } = options;
  const child = spawn(command, args, {
    stdio: inheritOutput ? 'inherit' : 'ignore',
    ...spawnOptions,
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  return {
    name,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
