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
 * The app-wide budget of the bot's proactive requests: a broadcast's sends and card updates, and the notices people get
 * (a decision, a request to approve). Teams allows 50 requests/s per app and counts every request it receives. The pacer
 * holds a request's slot until its answer is back, so this is a hard bound on any second Teams sees, whatever the
 * network does; the one request a second kept back is the guaranteed room for the bot's interactive replies, which
 * share Teams' 50 (a reply that still meets a full second gets a 429, which botbuilder retries after `Retry-After`).
 * Taking more would leave the replies nothing; taking 48 would keep the broadcast under 95 % of Teams' rate unless
 * round trips took under 10 ms, since each slot also waits out its request's round trip (49 per 1,000 ms + that).
 */
export const PROACTIVE_APP_WINDOW: RateWindow = { max: 49, ms: 1_000 };

/** Records between two sweeps for forgotten keys, at least (more when more keys were left after the last sweep). */
const MIN_RECORDS_BETWEEN_SWEEPS = 1024;

/** One key's requests: how many are in flight, and when the finished ones finished (ascending). */
interface KeyRequests {
  inFlight: number;
  readonly times: number[];
}

/**
 * Sliding-window rate limits per key (a conversation, or one shared key for an app-wide budget). Pure: the caller
 * passes the time and does the waiting.
 *
 * A request counts from when it starts (`begin`) until `ms` after it finished (`end`): the server receives it somewhere
 * in between, and a request started only once `max` others have all finished at least `ms` before can never share
 * a window of the server's with them, however late or early each reached it.
 */
export class SlidingWindowLimiter {
  private readonly windows: readonly RateWindow[];
  private readonly requests = new Map<string, KeyRequests>();
  private readonly longestMs: number;
  private recordsSinceSweep = 0;
  /**
   * As many records as keys were left by the last sweep: a sweep's cost is then paid by the records before it, and the
   * keys never grow past twice what the longest window can hold.
   */
  private recordsBetweenSweeps = MIN_RECORDS_BETWEEN_SWEEPS;

  constructor(windows: readonly RateWindow[]) {
    this.windows = windows;
    this.longestMs = Math.max(0, ...windows.map((w) => w.ms));
  }

  /**
   * Milliseconds until a request for `key` fits in every window; 0 when it may go now; Infinity when it must first wait
   * for a request in flight to finish (and then for that one to leave the window).
   */
  waitMs(key: string, now: number): number {
    const requests = this.requests.get(key);
    if (!requests) return 0;
    let wait = 0;
    for (const window of this.windows) {
      // The finished requests that may stay in the window alongside the ones in flight and the new one.
      const room = window.max - requests.inFlight;
      if (room <= 0) return Number.POSITIVE_INFINITY;
      // A slot frees when the oldest of the last `room` finished requests leaves the window.
      const oldestOfLast = requests.times[requests.times.length - room];
      if (oldestOfLast !== undefined) wait = Math.max(wait, oldestOfLast + window.ms - now);
    }
    return wait;
  }

  /** Counts a request for `key` that starts now and holds its place in every window until `end`. */
  begin(key: string): void {
    this.of(key).inFlight++;
  }

  /** The request begun for `key` finished at `now`: it leaves each window `ms` later. */
  end(key: string, now: number): void {
    const requests = this.of(key);
    requests.inFlight = Math.max(0, requests.inFlight - 1);
    forgetOlderThan(requests.times, now - this.longestMs);
    insertSorted(requests.times, now);
    if (++this.recordsSinceSweep >= this.recordsBetweenSweeps) this.sweep(now);
  }

  /** How many keys the limiter remembers (memory is bounded by the requests of the longest window). */
  get trackedKeys(): number {
    return this.requests.size;
  }

  private of(key: string): KeyRequests {
    let requests = this.requests.get(key);
    if (!requests) this.requests.set(key, (requests = { inFlight: 0, times: [] }));
    return requests;
  }

  /** Drops keys with nothing left in the longest window: a broadcast touches each conversation once, then never again. */
  private sweep(now: number): void {
    this.recordsSinceSweep = 0;
    for (const [key, requests] of this.requests) {
      forgetOlderThan(requests.times, now - this.longestMs);
      if (requests.times.length === 0 && requests.inFlight === 0) this.requests.delete(key);
    }
    this.recordsBetweenSweeps = Math.max(MIN_RECORDS_BETWEEN_SWEEPS, this.requests.size);
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

/** Call once the request's answer is back, or it failed: its slot then starts to leave Teams' windows. */
export type ReleaseSlot = () => void;

/** Where a caller waits (see `Pacer`): behind a broadcast's sends, or only for the next free slot. */
export type PacerLine = 'bulk' | 'prompt';

/**
 * Paces the bot's proactive requests to Teams, one pacer per process shared by the broadcast sender and the notifier:
 * the app-wide budget for every request, and Teams' per-conversation windows for sends. A request holds its slot from when it leaves until a window's length after its answer came back,
 * so Teams never counts more than a window allows, whenever within that time it received each request: the first ones,
 * late for a new connection and a token, included. Requests are not spread over the second: that bound holds for
 * bursts too, and each delay added to a request would lengthen the time it holds its slot, and so slow the pace.
 * Callers are served one at a time in arrival order within their line, and none is overtaken there: a broadcast's
 * sends in the bulk line, the notices someone is waiting for (a decision, a request to approve, an export's card) in
 * the prompt line, so that a notice waits for the next free slot rather than behind the dozens of sends a broadcast
 * keeps waiting. Both lines take their slots from the same windows, and a slot is counted as it is found free, so
 * together they never exceed a window.
 */
export class Pacer {
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly app: SlidingWindowLimiter;
  private readonly conversations: SlidingWindowLimiter;
  /** For each line, settles when its last caller has been served or gave up. */
  private readonly tails: Record<PacerLine, Promise<void>> = { bulk: Promise.resolve(), prompt: Promise.resolve() };
  private readonly appWindowMs: number;
  /** No request goes before this time (see `takeOver`). */
  private quietUntil = 0;
  /** Resolves when the next request in flight finishes (for a caller that can only wait for that). */
  private nextRelease?: { promise: Promise<void>; resolve: () => void };

  /** `sleep` may end early when given an aborted signal (the default does, so no timer outlives a stopping sender). */
  constructor(
    options: {
      now?: () => number;
      sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
      /** The app-wide budget; Teams' less a reserve unless a test needs a smaller one. */
      appWindow?: RateWindow;
    } = {},
  ) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? pause;
    const appWindow = options.appWindow ?? PROACTIVE_APP_WINDOW;
    this.app = new SlidingWindowLimiter([appWindow]);
    this.appWindowMs = appWindow.ms;
    this.conversations = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS);
  }

  /**
   * Called when this sender takes over from another (a lease newly held): the other may have spent Teams' whole window
   * just before it stopped, and none of its requests are counted here, so nothing goes until that window has passed.
   */
  takeOver(): void {
    this.quietUntil = this.now() + this.appWindowMs;
  }

  /**
   * Waits until a request may go, then counts it; the request holds its slot until the function returned is called.
   * Pass the conversation for a send; an update (PUT) passes none and counts app-wide only. If `signal` aborts first,
   * rejects with its reason and counts nothing.
   */
  async acquire(conversationId?: string, signal?: AbortSignal, line: PacerLine = 'bulk'): Promise<ReleaseSlot> {
    signal?.throwIfAborted();
    const ahead = this.tails[line];
    let leaveLine!: () => void;
    this.tails[line] = new Promise((resolve) => (leaveLine = resolve));
    try {
      await settledOrAborted(ahead, signal);
      signal?.throwIfAborted();
      for (;;) {
        const now = this.now();
        const wait = Math.max(
          this.quietUntil - now,
          this.app.waitMs(APP_KEY, now),
          conversationId === undefined ? 0 : this.conversations.waitMs(conversationId, now),
        );
        if (wait <= 0) return this.take(conversationId);
        const waiting = Number.isFinite(wait) ? this.sleep(wait, signal) : this.released();
        await settledOrAborted(waiting, signal);
        signal?.throwIfAborted();
      }
    } finally {
      // A caller that gave up while others were still ahead must not let the one behind it skip them.
      void ahead.then(leaveLine);
    }
  }

  /**
   * Runs `request` in the prompt line, for what someone is waiting for (a notice, an export's card): it waits for the
   * next free slot and holds it until the request settles, answer or failure. Pass the conversation for a send.
   */
  async promptly<T>(request: () => Promise<T>, conversationId?: string): Promise<T> {
    const release = await this.acquire(conversationId, undefined, 'prompt');
    try {
      return await request();
    } finally {
      release();
    }
  }

  private take(conversationId: string | undefined): ReleaseSlot {
    this.app.begin(APP_KEY);
    if (conversationId !== undefined) this.conversations.begin(conversationId);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const now = this.now();
      this.app.end(APP_KEY, now);
      if (conversationId !== undefined) this.conversations.end(conversationId, now);
      const waiting = this.nextRelease;
      this.nextRelease = undefined;
      waiting?.resolve();
    };
  }

  /** Resolves when a request in flight releases its slot. */
  private released(): Promise<void> {
    if (!this.nextRelease) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.nextRelease = { promise, resolve };
    }
    return this.nextRelease.promise;
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
