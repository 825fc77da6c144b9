import { pause } from '../concurrency';

/** At most `max` requests in any `ms` milliseconds. */
export interface RateWindow {
  readonly max: number;
  readonly ms: number;
}

/** Teams' published limits per bot per conversation, for sends. */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { max: 7, ms: 1_000 },
  { max: 8, ms: 2_000 },
  { max: 60, ms: 30_000 },
  { max: 1800, ms: 3_600_000 },
];

/**
 * The app-wide budget of a broadcast. Teams allows 50 requests/s per app; keeping 2 back leaves room for the bot's
 * interactive replies during a broadcast and, with the pacer's margin, absorbs jitter between us and Teams
 * (48 per 1.03 s is 46.6/s: 93 % of Teams' limit).
 */
export const BROADCAST_APP_WINDOW: RateWindow = { max: 48, ms: 1_000 };

/** Records between two sweeps for forgotten keys, at least (more when more keys were left after the last sweep). */
const MIN_RECORDS_BETWEEN_SWEEPS = 1024;

/**
 * Sliding-window rate limits per key (a conversation, or one shared key for an app-wide budget). Pure: the caller
 * passes the time and does the waiting.
 */
export class SlidingWindowLimiter {
  private readonly windows: readonly RateWindow[];
  /** Request times per key, ascending, none older than the longest window. */
  private readonly times = new Map<string, number[]>();
  private readonly longestMs: number;
  private recordsSinceSweep = 0;
  /**
   * As many records as keys were left by the last sweep: a sweep's cost is then paid by the records before it, and the
   * keys never grow past twice what the longest window can hold.
   */
  private recordsBetweenSweeps = MIN_RECORDS_BETWEEN_SWEEPS;

  /**
   * `marginMs` lengthens every window, so that requests which reach the server a little later or earlier than we
   * started them still fit in the server's windows.
   */
  constructor(windows: readonly RateWindow[], options: { marginMs?: number } = {}) {
    const marginMs = options.marginMs ?? 0;
    this.windows = windows.map((w) => ({ max: w.max, ms: w.ms + marginMs }));
    this.longestMs = Math.max(0, ...this.windows.map((w) => w.ms));
  }

  /** Milliseconds until a request for `key` fits in every window; 0 when it may go now. */
  waitMs(key: string, now: number): number {
    const times = this.times.get(key);
    if (!times) return 0;
    let wait = 0;
    for (const window of this.windows) {
      // With `max` requests in the window, a slot frees when the oldest of the last `max` leaves it.
      const oldestOfLastMax = times[times.length - window.max];
      if (oldestOfLastMax !== undefined) wait = Math.max(wait, oldestOfLastMax + window.ms - now);
    }
    return wait;
  }

  /** Counts a request for `key` made at `now`. */
  record(key: string, now: number): void {
    const times = this.times.get(key) ?? [];
    forgetOlderThan(times, now - this.longestMs);
    insertSorted(times, now);
    this.times.set(key, times);
    if (++this.recordsSinceSweep >= this.recordsBetweenSweeps) this.sweep(now);
  }

  /** How many keys the limiter remembers (memory is bounded by the requests of the longest window). */
  get trackedKeys(): number {
    return this.times.size;
  }

  /** Drops keys with nothing left in the longest window: a broadcast touches each conversation once, then never again. */
  private sweep(now: number): void {
    this.recordsSinceSweep = 0;
    for (const [key, times] of this.times) {
      forgetOlderThan(times, now - this.longestMs);
      if (times.length === 0) this.times.delete(key);
    }
    this.recordsBetweenSweeps = Math.max(MIN_RECORDS_BETWEEN_SWEEPS, this.times.size);
  }
}

/** Removes the leading times at or before `cutoff` (they no longer count in any window). */
function forgetOlderThan(times: number[], cutoff: number): void {
  let stale = 0;
  while (stale < times.length && times[stale]! <= cutoff) stale++;
  if (stale > 0) times.splice(0, stale);
}

/** Appends `time`, keeping the list ascending even if the clock stepped back. */
function insertSorted(times: number[], time: number): void {
  let index = times.length;
  while (index > 0 && times[index - 1]! > time) index--;
  times.splice(index, 0, time);
}

const APP_KEY = 'app';

/**
 * The app-wide budget spread over tenths of its window: the same rate, without letting a whole window's requests go at
 * once. A burst that reaches Teams a little late (new connections at the start, a pause in either process) lands in
 * Teams' next window with the ones sent on time; spread out, the lateness costs a request or two, which the reserve
 * and the margin absorb.
 */
function smoothing(appWindow: RateWindow): RateWindow {
  return { max: Math.max(1, Math.ceil(appWindow.max / 10)), ms: appWindow.ms / 10 };
}

/**
 * Paces one sender's requests to Teams: the broadcast's app-wide budget for every request, and Teams' per-conversation
 * windows for sends. Callers are served one at a time in arrival order, so together they never exceed a window and
 * none is overtaken.
 */
export class Pacer {
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly app: SlidingWindowLimiter;
  /** No margin: it only spreads requests out, the app-wide window (with its margin) sets the rate. */
  private readonly appSmoothing: SlidingWindowLimiter;
  private readonly conversations: SlidingWindowLimiter;
  /** Settles when the last caller in line has been served or gave up. */
  private tail: Promise<void> = Promise.resolve();
  /** The app-wide window's length with its margin. */
  private readonly appWindowMs: number;
  /** No request goes before this time (see `takeOver`). */
  private quietUntil = 0;

  /** `sleep` may end early when given an aborted signal (the default does, so no timer outlives a stopping sender). */
  constructor(
    options: {
      now?: () => number;
      sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
      marginMs?: number;
      /** The app-wide budget; Teams' less a reserve unless a test needs a smaller one. */
      appWindow?: RateWindow;
    } = {},
  ) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? pause;
    const marginMs = options.marginMs ?? 30;
    const appWindow = options.appWindow ?? BROADCAST_APP_WINDOW;
    this.app = new SlidingWindowLimiter([appWindow], { marginMs });
    this.appSmoothing = new SlidingWindowLimiter([smoothing(appWindow)]);
    this.appWindowMs = appWindow.ms + marginMs;
    this.conversations = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS, { marginMs });
  }

  /**
   * Called when this sender takes over from another (a lease newly held): the other may have spent Teams' whole window
   * just before it stopped, and none of its requests are counted here, so nothing goes until that window has passed.
   */
  takeOver(): void {
    this.quietUntil = this.now() + this.appWindowMs;
  }

  /**
   * Waits until a request may go, then counts it. Pass the conversation for a send; an update (PUT) passes none and
   * counts app-wide only. If `signal` aborts first, rejects with its reason and counts nothing.
   */
  async acquire(conversationId?: string, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const ahead = this.tail;
    let leaveLine!: () => void;
    this.tail = new Promise((resolve) => (leaveLine = resolve));
    try {
      await settledOrAborted(ahead, signal);
      signal?.throwIfAborted();
      for (;;) {
        const now = this.now();
        const wait = Math.max(
          this.quietUntil - now,
          this.app.waitMs(APP_KEY, now),
          this.appSmoothing.waitMs(APP_KEY, now),
          conversationId === undefined ? 0 : this.conversations.waitMs(conversationId, now),
        );
        if (wait <= 0) {
          this.app.record(APP_KEY, now);
          this.appSmoothing.record(APP_KEY, now);
          if (conversationId !== undefined) this.conversations.record(conversationId, now);
          return;
        }
        await settledOrAborted(this.sleep(wait, signal), signal);
        signal?.throwIfAborted();
      }
    } finally {
      // A caller that gave up while others were still ahead must not let the one behind it skip them.
      void ahead.then(leaveLine);
    }
  }
}

/** Resolves (or rejects) with `promise`, or resolves early when `signal` aborts: the caller then checks the signal. */
function settledOrAborted(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
