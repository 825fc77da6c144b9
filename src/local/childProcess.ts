import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** A child process we started and must stop. */
export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** How to start a child, beyond node's own spawn options. */
export interface ChildOptions extends SpawnOptions {
  /** Show the child's output in our console; off by default so `npm start` stays readable. */
  inheritOutput?: boolean;
  /** The signal that makes the child shut down cleanly (Azurite saves its data on SIGINT only). */
  stopSignal?: NodeJS.Signals;
}

/** Spawns a child that dies with us: `stop()` sends its stop signal to its pid, then SIGKILL if it lingers. */
export function startChild(name: string, command: string, args: string[], options: ChildOptions = {}): Child {
  const { inheritOutput, stopSignal = 'SIGTERM', ...spawnOptions } = options;
  const child = spawn(command, args, {
    stdio: inheritOutput ? 'inherit' : 'ignore',
    ...spawnOptions,
  });
  // If we die without stopping it (a crash), take the child with us rather than leave it holding its port.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
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
      child.kill(stopSignal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
