/** What to do after a failed send. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/** Statuses Teams asks clients to retry (throttling, a lost race on the conversation, gateway and service trouble). */
const RETRIABLE = new Set([412, 429, 502, 503, 504]);

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/**
 * Decides whether a failed send is tried again and after how long: Retry-After when Teams gives one, otherwise
 * exponential backoff with full jitter (so many senders do not retry in step). Other statuses, and the last allowed
 * attempt, end with a recorded reason. `random` is injected for tests.
 */
export function decideRetry(
  failure: { status?: number; retryAfterSeconds?: number },
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): RetryDecision {
  const status = failure.status;
  if (status === undefined) {
    if (attempt >= policy.maxAttempts) return { retry: false, reason: 'network error' };
  } else if (!RETRIABLE.has(status)) {
    return { retry: false, reason: `HTTP ${status}` };
  } else if (attempt >= policy.maxAttempts) {
    return { retry: false, reason: `HTTP ${status} after ${attempt} attempts` };
  }
  if (failure.retryAfterSeconds !== undefined && failure.retryAfterSeconds >= 0) {
    return { retry: true, delayMs: Math.min(failure.retryAfterSeconds * 1_000, policy.maxDelayMs) };
  }
  const ceiling = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return { retry: true, delayMs: Math.floor(random() * ceiling) };
}
