import { EMPTY_PROGRESS, type FailureReason, type Progress } from './broadcast';
import type { Delivery, DeliveryState } from './delivery';

type Counted = Pick<Delivery, 'state' | 'reason' | 'possibleDuplicate'>;

/** The counts of a broadcast's deliveries, kept up to date one transition at a time (rate aside). */
export class ProgressTally {
  private counts: Omit<Progress, 'ratePerSecond' | 'failureReasons'> = { ...EMPTY_PROGRESS };
  private reasons = new Map<FailureReason, number>();

  /** Counts every delivery of a broadcast, e.g. from a scan when a sender takes over. */
  static of(deliveries: Iterable<Counted>): ProgressTally {
    const tally = new ProgressTally();
    for (const d of deliveries) tally.add(d, 1);
    return tally;
  }

  /** Counts one more delivery page by page. */
  include(deliveries: Iterable<Counted>): void {
    for (const d of deliveries) this.add(d, 1);
  }

  /** One delivery changed from `before` to `after`. */
  move(before: Counted, after: Counted): void {
    this.add(before, -1);
    this.add(after, 1);
  }

  /** Still to be sent: pending, being sent, or waiting to retry. */
  get unsettled(): number {
    return this.counts.pending;
  }

  progress(ratePerSecond: number): Progress {
    return { ...this.counts, failureReasons: Object.fromEntries(this.reasons), ratePerSecond };
  }

  private add(d: Counted, sign: 1 | -1): void {
    const c = { ...this.counts };
    c.total += sign;
    const bucket = BUCKET[d.state];
    c[bucket] += sign;
    if (d.possibleDuplicate) c.possibleDuplicates += sign;
    this.counts = c;
    if ((d.state === 'failed' || d.state === 'unreachable') && d.reason) {
      const n = (this.reasons.get(d.reason) ?? 0) + sign;
      if (n > 0) this.reasons.set(d.reason, n);
      else this.reasons.delete(d.reason);
    }
  }
}

/** Where each delivery state is counted on HR's card. */
const BUCKET: Record<DeliveryState, 'pending' | 'sent' | 'failed' | 'unreachable' | 'cancelled'> = {
  pending: 'pending',
  sending: 'pending',
  retrying: 'pending',
  sent: 'sent',
  failed: 'failed',
  unreachable: 'unreachable',
  cancelled: 'cancelled',
};
