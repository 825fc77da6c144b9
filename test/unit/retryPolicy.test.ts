import { parseRetryAfter, RetryPolicy } from '../../src/broadcast/retryPolicy';

const ALMOST_ONE = 0.999_999;

describe('RetryPolicy', () => {
  it.each([200, 201, 204])('counts %i as sent', (status) => {
    expect(new RetryPolicy().decide({ status }, 1)).toEqual({ kind: 'sent' });
  });

  it.each([0, 412, 429, 502, 503, 504])('retries %i', (status) => {
    expect(new RetryPolicy().decide({ status }, 1)).toMatchObject({ kind: 'retry' });
  });

  it.each([
    [400, 'rejected'],
    [401, 'rejected'],
    [403, 'blocked'],
    [404, 'conversationNotFound'],
    [413, 'rejected'],
    [500, 'serviceUnavailable'],
    [501, 'serviceUnavailable'],
  ])('does not retry %i: failed as %s', (status, reason) => {
    expect(new RetryPolicy().decide({ status, retryAfterMs: 1000 }, 1)).toEqual({ kind: 'failed', reason });
  });

  it.each([
    [0, 'network'],
    [412, 'serviceUnavailable'],
    [429, 'throttled'],
    [502, 'serviceUnavailable'],
    [503, 'serviceUnavailable'],
    [504, 'serviceUnavailable'],
  ])('gives up on %i after the last attempt: failed as %s', (status, reason) => {
    const policy = new RetryPolicy({ maxAttempts: 3 });
    expect(policy.decide({ status }, 2)).toMatchObject({ kind: 'retry' });
    expect(policy.decide({ status }, 3)).toEqual({ kind: 'failed', reason });
  });

  it('makes six attempts by default', () => {
    const policy = new RetryPolicy();
    expect(policy.decide({ status: 429 }, 5)).toMatchObject({ kind: 'retry' });
    expect(policy.decide({ status: 429 }, 6)).toEqual({ kind: 'failed', reason: 'throttled' });
  });

  it('backs off exponentially with full jitter, up to the maximum delay', () => {
    const half = new RetryPolicy({ random: () => 0.5 });
    const delays = [1, 2, 3, 4, 5].map((attempts) => half.decide({ status: 503 }, attempts));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000].map((delayMs) => ({ kind: 'retry', delayMs })));

    const capped = new RetryPolicy({ maxAttempts: 20, baseDelayMs: 1000, maxDelayMs: 60_000, random: () => ALMOST_ONE });
    expect(capped.decide({ status: 503 }, 7)).toEqual({ kind: 'retry', delayMs: 59_999 }); // 64 s capped at 60 s
    expect(capped.decide({ status: 503 }, 15)).toEqual({ kind: 'retry', delayMs: 59_999 });
  });

  it('keeps full-jitter delays between 0 and the backoff', () => {
    expect(new RetryPolicy({ random: () => 0 }).decide({ status: 0 }, 3)).toEqual({ kind: 'retry', delayMs: 0 });
    expect(new RetryPolicy({ random: () => ALMOST_ONE }).decide({ status: 0 }, 3)).toEqual({ kind: 'retry', delayMs: 3999 });
  });

  it('waits what Retry-After asks, plus 0–250 ms of jitter, even beyond the maximum backoff', () => {
    const at = (random: number, retryAfterMs: number): unknown =>
      new RetryPolicy({ random: () => random }).decide({ status: 429, retryAfterMs }, 1);
    expect(at(0, 2000)).toEqual({ kind: 'retry', delayMs: 2000 });
    expect(at(ALMOST_ONE, 2000)).toEqual({ kind: 'retry', delayMs: 2249 });
    expect(at(0.5, 90_000)).toEqual({ kind: 'retry', delayMs: 90_125 });
  });

  it('spreads a crowd of throttled sends over the jitter window', () => {
    const policy = new RetryPolicy();
    const delays = Array.from({ length: 200 }, () => policy.decide({ status: 429, retryAfterMs: 1000 }, 1));
    const values = delays.map((d) => (d.kind === 'retry' ? d.delayMs : NaN));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...values)).toBeLessThan(1250);
    expect(new Set(values).size).toBeGreaterThan(50);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 5, 1, 0, 0, 0);

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date as the time left until then', () => {
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).toBe(5000);
    expect(parseRetryAfter('Mon, 01 Jun 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Sun, 31 May 2026 23:59:00 GMT', now)).toBe(0); // already past
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
  });
});
