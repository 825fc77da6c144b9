/** At most `limit` tasks at once; the others wait their turn in arrival order. */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Runs `task` when a slot is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, so `running` never dips and lets a newcomer jump the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** Runs `task` for every item, at most `limit` at a time; rejects with the first failure after all have finished. */
export async function forEachLimited<T>(items: Iterable<T>, limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const slots = new Slots(limit);
  const results = await Promise.allSettled([...items].map((item) => slots.run(() => task(item))));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

/** Waits `ms`, or less if `signal` aborts first (then it resolves: the caller looks at the signal). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** What `work` gives if it ends within `ms`, else undefined (it goes on); the timer never outlives it. */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  const waited = new AbortController();
  try {
    return await Promise.race([work, pause(ms, waited.signal).then(() => undefined)]);
  } finally {
    waited.abort();
  }
}
