import type { Child } from './childProcess';
import { isPortOpen } from './ports';

/** Enough of a child's last output to show why it failed to start. */
const TAIL_CHARS = 4000;

/** Keeps the last few thousand characters a child writes, if its output is piped. */
export function outputTail(child: Child): () => string {
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
  };
  child.process.stdout?.on('data', keep);
  child.process.stderr?.on('data', keep);
  return () => tail.trim();
}

/**
 * Waits until a child accepts connections on its port. Fails as soon as the child exits instead of waiting
 * out the timeout, and says what it printed, because that is where a bad config or a crash shows.
 */
export async function waitForListening(child: Child, port: number, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const failure = (reason: string): Error => {
    const printed = output();
    return new Error(`${child.name} ${reason}${printed ? `; it printed:\n${printed}` : ''}`);
  };
  while (!(await isPortOpen(port))) {
    const { exitCode, signalCode } = child.process;
    if (exitCode !== null || signalCode !== null) throw failure(`exited (${exitCode ?? signalCode}) before listening on port ${port}`);
    if (Date.now() > deadline) throw failure(`did not listen on port ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
