/**
 * How long a test waits for something the bot does on its own time (a background send, a card updated in place)
 * before it fails: far longer than it takes on a busy machine, well inside Jest's 60 s per test.
 */
export const PATIENCE_MS = 30_000;

/**
 * Polls `look` until it gives something other than undefined or false, and returns that. After `timeoutMs` it fails,
 * saying what it waited for and, if `seen` is given, what it saw instead.
 */
export async function waitFor<T>(
  what: string,
  look: () => T | undefined | false | Promise<T | undefined | false>,
  options: { timeoutMs?: number; seen?: () => unknown } = {},
): Promise<T> {
  const { timeoutMs = PATIENCE_MS, seen } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await look();
    if (found !== undefined && found !== false) return found;
    if (Date.now() > deadline) {
      const instead = seen ? `; saw instead: ${JSON.stringify(seen())}` : '';
      throw new Error(`waited ${timeoutMs} ms for ${what}${instead}`);
    }
    // Unref'd: a wait left behind by a test that already failed must not keep the worker alive.
    await new Promise((resolve) => setTimeout(resolve, 100).unref());
  }
}
