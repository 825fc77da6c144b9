import type { FailureReason } from '../domain/broadcast/broadcast';

/** How one attempt ended: the HTTP status (0 when no answer came: network error or timeout) and any Retry-After. */
export type AttemptOutcome = { status: number; retryAfterMs?: number };

/** What to do after an attempt. */
export type Decision = { kind: 'sent' } | { kind: 'retry'; delayMs: number } | { kind: 'failed'; reason: FailureReason };

/** Statuses Teams asks clients to retry, plus 0 (no answer): the request may not have arrived at all. */
const RETRYABLE = new Set([0, 412, 429, 502, 503, 504]);

/** Up to this much is added to a Retry-After, so a crowd of throttled sends does not come back in the same millisecond. */
const RETRY_AFTER_JITTER_MS = 250;

/**
 * Decides, after each attempt to reach one recipient, whether it was delivered, when to try again, or why it failed:
 * Retry-After when Teams gives one, otherwise exponential backoff with full jitter, and a bounded number of attempts.
 */
export class RetryPolicy {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;

  constructor(options: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number; random?: () => number } = {}) {
    this.maxAttempts = options.maxAttempts ?? 6;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.random = options.random ?? Math.random;
  }

  /** The decision after `attemptsMade` attempts (counting the one that gave `outcome`). */
  decide(outcome: AttemptOutcome, attemptsMade: number): Decision {
    const { status, retryAfterMs } = outcome;
    if (status >= 200 && status < 300) return { kind: 'sent' };
    if (!RETRYABLE.has(status) || attemptsMade >= this.maxAttempts) return { kind: 'failed', reason: failureReason(status) };
    const delayMs =
      retryAfterMs !== undefined
        ? retryAfterMs + this.random() * RETRY_AFTER_JITTER_MS
        : this.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attemptsMade - 1));
    return { kind: 'retry', delayMs: Math.floor(delayMs) };
  }
}

/** Why a delivery failed, from the last status the channel answered. */
function failureReason(status: number): FailureReason {
  if (status === 0) return 'network';
  if (status === 429) return 'throttled';
  // Teams answers 403 when the user blocked the bot or uninstalled the app.
  if (status === 403) return 'blocked';
  if (status === 404) return 'conversationNotFound';
  if (status === 412 || status >= 500) return 'serviceUnavailable';
  return 'rejected';
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delay-seconds or an HTTP date (relative to `now`);
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Every HTTP date names a day or month; without this, Date.parse would read "-1" as a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
