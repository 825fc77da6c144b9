/** One sliding window: at most `limit` sends in any `windowMs`. */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/** Teams' published limits for a bot: per conversation, and for the whole app in a tenant. */
export const TEAMS_LIMITS = {
  perConversation: [
    { limit: 7, windowMs: 1_000 },
    { limit: 8, windowMs: 2_000 },
    { limit: 60, windowMs: 30_000 },
    { limit: 1_800, windowMs: 3_600_000 },
  ],
  perApp: [{ limit: 50, windowMs: 1_000 }],
} as const satisfies Record<string, readonly RateWindow[]>;

/**
 * Sliding-window limits over the times of past sends. `delayFor` says how long to wait before the next send may go
 * (0: now); `record` notes a send. Pure bookkeeping with an injected clock, so it can be tested without waiting.
 */
export class SlidingWindowLimiter {
  private readonly sent: number[] = [];
  private readonly longest: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longest = Math.max(...windows.map((w) => w.windowMs));
  }

  /** Milliseconds until a send at `now` would stay within every window. */
  delayFor(now: number): number {
    this.forget(now);
    let delay = 0;
    for (const { limit, windowMs } of this.windows) {
      const inWindow = this.sent.filter((t) => t > now - windowMs);
      if (inWindow.length < limit) continue;
      // The oldest send that must leave the window before one more fits.
      const blocking = inWindow[inWindow.length - limit]!;
      delay = Math.max(delay, blocking + windowMs - now);
    }
    return delay;
  }

  /** Notes a send made at `now`. */
  record(now: number): void {
    this.sent.push(now);
  }

  private forget(now: number): void {
    while (this.sent.length > 0 && this.sent[0]! <= now - this.longest) this.sent.shift();
  }
}
