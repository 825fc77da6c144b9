import { PROACTIVE_APP_WINDOW, Pacer, SlidingWindowLimiter, TEAMS_CONVERSATION_WINDOWS } from '../../src/broadcast/rateLimiter';
import { rejectionOf } from '../support/rejectionOf';

/** Counts a request for `key` answered at once, at `at`. */
function record(limiter: SlidingWindowLimiter, key: string, at: number): void {
  limiter.begin(key);
  limiter.end(key, at);
}

/** Records `count` requests for `key`, `spacingMs` apart from `start`, checking each one was allowed; returns the next time. */
function recordAllowed(limiter: SlidingWindowLimiter, key: string, count: number, start: number, spacingMs: number): number {
  let at = start;
  for (let i = 0; i < count; i++, at += spacingMs) {
    expect(limiter.waitMs(key, at)).toBe(0);
    record(limiter, key, at);
  }
  return at;
}

/** The most requests any `windowMs` slice of `times` holds. */
function busiest(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let last = 0, first = 0; last < sorted.length; last++) {
    while (sorted[first]! <= sorted[last]! - windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('SlidingWindowLimiter with Teams per-conversation windows', () => {
  const limiter = (): SlidingWindowLimiter => new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS);

  it('allows 7 sends in 1 s, then waits until the first leaves the window', () => {
    const l = limiter();
    recordAllowed(l, 'a:1', 7, 0, 0);
    expect(l.waitMs('a:1', 0)).toBe(1000);
    expect(l.waitMs('a:1', 999)).toBe(1);
    expect(l.waitMs('a:1', 1000)).toBe(0);
    expect(l.waitMs('a:2', 0)).toBe(0); // another conversation has its own windows
  });

  it('allows 8 sends in 2 s', () => {
    const l = limiter();
    recordAllowed(l, 'a:1', 7, 0, 0);
    record(l, 'a:1', 1000);
    // The 1-s window has room again, the 2-s window holds 8 until the sends at 0 leave it.
    expect(l.waitMs('a:1', 1000)).toBe(1000);
    expect(l.waitMs('a:1', 2000)).toBe(0);
  });

  it('allows 60 sends in 30 s', () => {
    const l = limiter();
    // 4 a second stays within 7/1 s and 8/2 s; after 15 s the 30-s window is full.
    const next = recordAllowed(l, 'a:1', 60, 0, 250);
    expect(next).toBe(15_000);
    expect(l.waitMs('a:1', 15_000)).toBe(15_000);
    expect(l.waitMs('a:1', 30_000)).toBe(0);
  });

  it('allows 1800 sends in an hour', () => {
    const l = limiter();
    // One a second stays within 60/30 s; after 1800 s the hour is full.
    const next = recordAllowed(l, 'a:1', 1800, 0, 1000);
    expect(l.waitMs('a:1', next)).toBe(3_600_000 - next);
    expect(l.waitMs('a:1', 3_600_000)).toBe(0);
  });

  it('keeps times in order when the clock steps back', () => {
    const l = limiter();
    recordAllowed(l, 'a:1', 6, 1000, 0);
    record(l, 'a:1', 500);
    // The send at 500 is the oldest of the 7: it leaves the 1-s window at 1500.
    expect(l.waitMs('a:1', 1400)).toBe(100);
  });
});

describe('SlidingWindowLimiter', () => {
  it('holds the broadcast to 49 requests a second, 1 below Teams’ 50', () => {
    const l = new SlidingWindowLimiter([PROACTIVE_APP_WINDOW]);
    recordAllowed(l, 'app', 49, 0, 10);
    expect(l.waitMs('app', 490)).toBe(510);
  });

  it('counts a request in flight until a window after it ends, and can only say "after one ends" when all are in flight', () => {
    const l = new SlidingWindowLimiter([{ max: 3, ms: 1000 }]);
    l.begin('app');
    l.begin('app');
    expect(l.waitMs('app', 0)).toBe(0);
    l.begin('app');
    expect(l.waitMs('app', 5000)).toBe(Number.POSITIVE_INFINITY);
    l.end('app', 400);
    // Two still in flight and one ended at 400: the third slot frees when that one leaves the window.
    expect(l.waitMs('app', 400)).toBe(1000);
    expect(l.waitMs('app', 1400)).toBe(0);
    l.end('app', 1500);
    l.end('app', 1600);
    expect(l.waitMs('app', 1600)).toBe(0);
  });

  it('forgets conversations whose sends left the longest window, without losing live ones', () => {
    const l = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS);
    const hour = 3_600_000;
    for (let i = 0; i < 20_000; i++) record(l, `old-${i}`, i);
    expect(l.trackedKeys).toBe(20_000);

    const later = 20_000 + hour;
    recordAllowed(l, 'busy', 7, later, 0);
    for (let i = 0; i < 20_000; i++) record(l, `new-${i}`, later);

    expect(l.trackedKeys).toBeLessThanOrEqual(20_001);
    expect(l.waitMs('busy', later)).toBe(1000);
    expect(l.waitMs('old-0', later)).toBe(0);
  });
});

/** A clock that only moves when told to, and a `sleep` that wakes when the clock reaches its time. */
class FakeTime {
  private time = 0;
  private readonly sleepers: { at: number; wake: () => void }[] = [];
  readonly slept: number[] = [];

  readonly now = (): number => this.time;

  readonly sleep = (ms: number): Promise<void> => {
    this.slept.push(ms);
    return new Promise((wake) => this.sleepers.push({ at: this.time + ms, wake }));
  };

  /** Moves the clock to the next sleeper's time, timer by timer, until `promise` settles. */
  async runUntilSettled(promise: Promise<unknown>): Promise<void> {
    let settled = false;
    void promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      await allCallbacks();
      if (settled) return;
      const next = Math.min(...this.sleepers.map((s) => s.at));
      if (!Number.isFinite(next)) throw new Error('nothing will ever settle the promise');
      this.time = Math.max(this.time, next);
      for (const sleeper of this.sleepers.filter((s) => s.at <= this.time)) {
        this.sleepers.splice(this.sleepers.indexOf(sleeper), 1);
        sleeper.wake();
      }
    }
  }
}

/** Lets every pending promise callback run. */
function allCallbacks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

interface Grant {
  id: number;
  conversationId?: string;
  at: number;
}

/**
 * A pacer on fake time that notes when each caller was let through. Each request's answer is back at once unless
 * `answerAfterMs` says otherwise.
 */
function pacerOnFakeTime(): {
  time: FakeTime;
  pacer: Pacer;
  grants: Grant[];
  acquire: (id: number, conversationId?: string, signal?: AbortSignal, answerAfterMs?: number) => Promise<void>;
} {
  const time = new FakeTime();
  const pacer = new Pacer({ now: time.now, sleep: time.sleep });
  const grants: Grant[] = [];
  const acquire = async (id: number, conversationId?: string, signal?: AbortSignal, answerAfterMs = 0): Promise<void> => {
    const release = await pacer.acquire(conversationId, signal);
    grants.push({ id, conversationId, at: time.now() });
    if (answerAfterMs > 0) await time.sleep(answerAfterMs);
    release();
  };
  return { time, pacer, grants, acquire };
}

/** Deterministic numbers in [0, 1), so a failing case can be run again. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function countAt(grants: readonly Grant[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const g of grants) counts[g.at] = (counts[g.at] ?? 0) + 1;
  return counts;
}

describe('Pacer', () => {
  it('lets 49 requests through per second when every answer is back at once', async () => {
    const { time, grants, acquire } = pacerOnFakeTime();
    const all = Array.from({ length: 100 }, (_, id) => acquire(id));
    await time.runUntilSettled(Promise.all(all));

    expect(busiest(grants.map((g) => g.at), 1000)).toBe(49);
    expect(countAt(grants)).toEqual({ 0: 49, 1000: 49, 2000: 2 });
  });

  it('lets a slot go a second after its answer came back', async () => {
    const { time, grants, acquire } = pacerOnFakeTime();
    // 49 requests answered after 0, 10, 20, … 480 ms: each of the next 49 goes a second after one of those answers.
    const first = Array.from({ length: 49 }, (_, id) => acquire(id, undefined, undefined, id * 10));
    const next = Array.from({ length: 49 }, (_, id) => acquire(49 + id));
    await time.runUntilSettled(Promise.all([...first, ...next]));

    expect(grants.slice(49).map((g) => g.at)).toEqual(Array.from({ length: 49 }, (_, id) => 1000 + id * 10));
  });

  it('holds each slot until the answer is back: however late each request reaches Teams, no second holds more than 49', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seeded(seed);
      const { time, grants, acquire } = pacerOnFakeTime();
      // The first 20 are slow (a new connection, a token), as are a few later ones; most come back in a few ms.
      const roundTrips = Array.from({ length: 300 }, (_, id) => (id < 20 || random() < 0.05 ? 300 + random() * 900 : 1 + random() * 30));
      await time.runUntilSettled(Promise.all(roundTrips.map((ms, id) => acquire(id, `a:${id}`, undefined, Math.round(ms)))));

      const left = new Map(grants.map((g) => [g.id, g.at]));
      const answered = (id: number): number => left.get(id)! + Math.round(roundTrips[id]!);
      // Teams receives each request somewhere between its leaving and its answer: the worst cases and a random one.
      const arrivals = {
        asTheyLeft: grants.map((g) => g.at),
        asAnswered: grants.map((g) => answered(g.id)),
        slowOnesLate: grants.map((g) => (g.id < 20 ? answered(g.id) : g.at)),
        anywhere: grants.map((g) => g.at + random() * (answered(g.id) - g.at)),
      };
      const over = Object.entries(arrivals).filter(([, times]) => busiest(times, 1000) > PROACTIVE_APP_WINDOW.max);
      expect({ seed, over: over.map(([name]) => name) }).toEqual({ seed, over: [] });
    }
  });

  it('keeps to a smaller app-wide budget when given one', async () => {
    const time = new FakeTime();
    const pacer = new Pacer({ now: time.now, sleep: time.sleep, appWindow: { max: 25, ms: 1000 } });
    const grants: number[] = [];
    const all = Array.from({ length: 60 }, () =>
      pacer.acquire().then((release) => {
        grants.push(time.now());
        release();
      }),
    );
    await time.runUntilSettled(Promise.all(all));

    expect(busiest(grants, 1000)).toBe(25);
    // 25 in each of the first two seconds, the last 10 in the third.
    expect(grants.filter((at) => at >= 2000)).toHaveLength(10);
    expect(grants.at(-1)).toBeLessThan(3000);
  });

  it('after taking over from another sender, waits out the window that sender may have filled', async () => {
    const { time, pacer, grants, acquire } = pacerOnFakeTime();
    pacer.takeOver();
    await time.runUntilSettled(Promise.all(Array.from({ length: 50 }, (_, id) => acquire(id))));

    expect(grants[0]!.at).toBe(1000);
    expect(busiest(grants.map((g) => g.at), 1000)).toBe(49);
  });

  it('holds sends to a conversation to Teams’ windows, while updates count app-wide only', async () => {
    const { time, grants, acquire } = pacerOnFakeTime();
    await time.runUntilSettled(Promise.all(Array.from({ length: 7 }, (_, id) => acquire(id, 'a:1'))));
    await time.runUntilSettled(acquire(7)); // an update: a:1's full window does not hold it
    await time.runUntilSettled(acquire(8, 'a:1'));

    expect(grants.filter((g) => g.conversationId === 'a:1').map((g) => g.at)).toEqual([0, 0, 0, 0, 0, 0, 0, 1000]);
    expect(grants.find((g) => g.id === 7)?.at).toBe(0);
  });

  it('serves concurrent callers in arrival order and together stays within every window', async () => {
    const { time, grants, acquire } = pacerOnFakeTime();
    // 600 callers: every fifth an update, the others sends to 6 conversations, enough to fill their 30-s windows.
    const all = Array.from({ length: 600 }, (_, id) => acquire(id, id % 5 === 0 ? undefined : `a:${id % 6}`));
    await time.runUntilSettled(Promise.all(all));

    expect(grants.map((g) => g.id)).toEqual(all.map((_, id) => id));
    expect(busiest(grants.map((g) => g.at), PROACTIVE_APP_WINDOW.ms)).toBeLessThanOrEqual(PROACTIVE_APP_WINDOW.max);
    const busiestConversation: number[] = [];
    for (let c = 0; c < 6; c++) {
      const times = grants.filter((g) => g.conversationId === `a:${c}`).map((g) => g.at);
      for (const window of TEAMS_CONVERSATION_WINDOWS) {
        expect(busiest(times, window.ms)).toBeLessThanOrEqual(window.max);
      }
      busiestConversation.push(busiest(times, 30_000));
    }
    expect(Math.max(...busiestConversation)).toBe(60); // the 60-per-30-s window was reached, and held
  });

  it('lets a prompt caller take the next free slot ahead of the bulk line, within the same windows', async () => {
    const { time, pacer, grants, acquire } = pacerOnFakeTime();
    // A broadcast's worth of bulk callers, three seconds of them, then a notice someone waits for.
    const bulk = Array.from({ length: 147 }, (_, id) => acquire(id));
    // The bulk line takes the first second's slots (no time passes: only the callers' promises settle).
    for (let turn = 0; turn < 10 && grants.length < 49; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(grants).toHaveLength(49);
    const notice = pacer.promptly(() => {
      grants.push({ id: -1, conversationId: 'a:notice', at: time.now() });
      return Promise.resolve();
    }, 'a:notice');
    await time.runUntilSettled(Promise.all([...bulk, notice]));

    // The bulk line filled the first second; the notice went with the first slot freed, not after the bulk callers.
    expect(grants.find((g) => g.id === -1)?.at).toBe(1000);
    expect(grants.filter((g) => g.at === 1000 && g.id !== -1)).toHaveLength(48);
    expect(busiest(grants.map((g) => g.at), PROACTIVE_APP_WINDOW.ms)).toBeLessThanOrEqual(PROACTIVE_APP_WINDOW.max);
    expect(grants.filter((g) => g.id >= 0).map((g) => g.id)).toEqual(bulk.map((_, id) => id));
  });

  it('gives back the slot of a prompt request that failed, which counts until a window after it', async () => {
    const { time, pacer, grants, acquire } = pacerOnFakeTime();
    const refused = new Error('Teams refused');
    expect(await rejectionOf(pacer.promptly(() => Promise.reject(refused), 'a:notice'))).toBe(refused);
    await time.runUntilSettled(Promise.all(Array.from({ length: 98 }, (_, id) => acquire(id))));
    // 48 beside the failed request in its second, then the whole next second's 49: it no longer holds a slot.
    expect(countAt(grants)).toEqual({ 0: 48, 1000: 49, 2000: 1 });
  });

  it('rejects with the abort reason while waiting, counts nothing, and lets the next caller take the slot', async () => {
    const { time, grants, acquire } = pacerOnFakeTime();
    await time.runUntilSettled(Promise.all(Array.from({ length: 49 }, (_, id) => acquire(id))));
    const lastOfTheWindow = grants.at(-1)!.at;
    const controller = new AbortController();
    const aborted = acquire(49, 'a:1', controller.signal);
    const next = acquire(50, 'a:2');
    await allCallbacks();
    // The aborted caller is sleeping for the app-wide slot: the first grant of the window leaves it at 1000.
    expect(lastOfTheWindow + time.slept.at(-1)!).toBe(1000);

    const reason = new Error('sender stopping');
    controller.abort(reason);
    expect(await rejectionOf(aborted)).toBe(reason);
    await time.runUntilSettled(next);
    expect(grants.at(-1)).toEqual({ id: 50, conversationId: 'a:2', at: 1000 });
    // Only the one grant at 1000 counted: 48 more fit beside it, the 49th waits for the next second.
    await time.runUntilSettled(Promise.all(Array.from({ length: 49 }, (_, i) => acquire(100 + i))));
    expect(countAt(grants)).toMatchObject({ 1000: 49, 2000: 1 });
  });

  it('keeps the order when a caller in the middle of the line gives up', async () => {
    const { time, grants, acquire } = pacerOnFakeTime();
    await time.runUntilSettled(Promise.all(Array.from({ length: 7 }, (_, id) => acquire(id, 'a:1'))));
    const head = acquire(7, 'a:1'); // waits a second for its conversation
    const controller = new AbortController();
    const middle = acquire(8, 'a:2', controller.signal);
    const last = acquire(9, 'a:3'); // could go now, but arrived after the head
    await allCallbacks();
    controller.abort(new Error('gave up'));
    await rejectionOf(middle);
    await allCallbacks();
    expect(grants).toHaveLength(7);

    await time.runUntilSettled(Promise.all([head, last]));
    expect(grants.slice(7).map((g) => [g.id, g.at])).toEqual([
      [7, 1000],
      [9, 1000],
    ]);
  });

  it('rejects at once with an already aborted signal', async () => {
    const { pacer } = pacerOnFakeTime();
    const reason = new Error('already stopped');
    expect(await rejectionOf(pacer.acquire('a:1', AbortSignal.abort(reason)))).toBe(reason);
  });
});
