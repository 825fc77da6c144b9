import { SlidingWindowLimiter, TEAMS_LIMITS } from '../../src/broadcast/rateLimiter';

/** Sends as fast as the limiter allows, from time 0, and returns the send times. */
function sendAsFastAsAllowed(limiter: SlidingWindowLimiter, count: number): number[] {
  const times: number[] = [];
  let now = 0;
  for (let i = 0; i < count; i++) {
    now += limiter.delayFor(now);
    limiter.record(now);
    times.push(now);
  }
  return times;
}

/** The most sends found in any window of `windowMs` among `times`. */
function busiest(times: readonly number[], windowMs: number): number {
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

describe('SlidingWindowLimiter', () => {
  it('lets the first sends through at once, then waits for the oldest to leave the window', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 3, windowMs: 1_000 }]);
    expect(sendAsFastAsAllowed(limiter, 7)).toEqual([0, 0, 0, 1_000, 1_000, 1_000, 2_000]);
  });

  it("keeps one conversation within all of Teams' windows: 7/1 s, 8/2 s, 60/30 s", () => {
    const times = sendAsFastAsAllowed(new SlidingWindowLimiter(TEAMS_LIMITS.perConversation), 130);
    expect(busiest(times, 1_000)).toBeLessThanOrEqual(7);
    expect(busiest(times, 2_000)).toBeLessThanOrEqual(8);
    expect(busiest(times, 30_000)).toBeLessThanOrEqual(60);
    // No slower than it must be: 7 at once, the 8th a second later, then the 8-per-2-seconds window sets the pace.
    expect(times.slice(0, 9)).toEqual([0, 0, 0, 0, 0, 0, 0, 1_000, 2_000]);
  });

  it('keeps the whole app at 50 per second, and reaches that rate', () => {
    const times = sendAsFastAsAllowed(new SlidingWindowLimiter(TEAMS_LIMITS.perApp), 500);
    expect(busiest(times, 1_000)).toBe(50);
    expect(times[times.length - 1]).toBe(9_000);
  });

  it('says 0 when idle, and forgets sends older than its longest window', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 1, windowMs: 1_000 }]);
    limiter.record(0);
    expect(limiter.delayFor(500)).toBe(500);
    expect(limiter.delayFor(1_000)).toBe(0);
  });
});
