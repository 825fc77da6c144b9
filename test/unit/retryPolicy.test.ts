import { decideRetry, DEFAULT_RETRY_POLICY } from '../../src/broadcast/retryPolicy';

const half = (): number => 0.5;

describe('decideRetry', () => {
  it.each([412, 429, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(decideRetry({ status }, 1, DEFAULT_RETRY_POLICY, half)).toEqual({ retry: true, delayMs: 500 });
  });

  it('honours Retry-After, capped at the longest delay', () => {
    expect(decideRetry({ status: 429, retryAfterSeconds: 3 }, 1)).toEqual({ retry: true, delayMs: 3_000 });
    expect(decideRetry({ status: 429, retryAfterSeconds: 3_600 }, 1)).toEqual({ retry: true, delayMs: 60_000 });
  });

  it('backs off exponentially with full jitter, up to the longest delay', () => {
    const delays = [1, 2, 3, 4].map((attempt) => decideRetry({ status: 503 }, attempt, DEFAULT_RETRY_POLICY, () => 0.999));
    expect(delays.map((d) => (d.retry ? d.delayMs : -1))).toEqual([999, 1_998, 3_996, 7_992]);
    const capped = decideRetry({ status: 503 }, 4, { maxAttempts: 10, baseDelayMs: 1_000, maxDelayMs: 5_000 }, () => 0.999);
    expect(capped).toEqual({ retry: true, delayMs: 4_995 });
    expect(decideRetry({ status: 503 }, 2, DEFAULT_RETRY_POLICY, () => 0)).toEqual({ retry: true, delayMs: 0 });
  });

  it('gives up on other statuses at once, with the reason', () => {
    expect(decideRetry({ status: 403 }, 1)).toEqual({ retry: false, reason: 'HTTP 403' });
    expect(decideRetry({ status: 404 }, 1)).toEqual({ retry: false, reason: 'HTTP 404' });
  });

  it('gives up after the last allowed attempt, saying how many were made', () => {
    expect(decideRetry({ status: 429, retryAfterSeconds: 1 }, 5)).toEqual({ retry: false, reason: 'HTTP 429 after 5 attempts' });
    expect(decideRetry({}, 5)).toEqual({ retry: false, reason: 'network error' });
    expect(decideRetry({}, 4, DEFAULT_RETRY_POLICY, half)).toEqual({ retry: true, delayMs: 4_000 });
  });
});
