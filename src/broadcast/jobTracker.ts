import type { Broadcast } from '../domain/broadcast/broadcast';
import { isSettled, type Delivery } from '../domain/broadcast/delivery';
import { ProgressTally } from '../domain/broadcast/progress';
import type { BroadcastRepository } from '../storage/broadcastRepository';
import type { DeliveryRepository } from '../storage/deliveryRepository';
import { cardMessage, type OutgoingActivity } from './channelTransport';

/** The rate shown to HR is over this last stretch of sending. */
const RATE_WINDOW_MS = 60_000;
/** Re-reading the broadcast and writing its progress: few conflicts are expected (HR cancelling), so few tries. */
const WRITE_TRIES = 5;

/**
 * What the sender knows about one broadcast it is sending: the latest record, its counts (from a scan when the sender
 * takes over, then one transition at a time — only the lease holder changes deliveries), and its recent rate.
 */
export class JobTracker {
  private dirty = false;
  private tally = new ProgressTally();
  private readonly sentAt: number[] = [];
  /** Deliveries of this broadcast being worked on by this sender right now. */
  active = 0;
  /** When a delivery last moved (or the tracker was made): a long silence with work left means work was lost. */
  lastMovedAt: number;
  readonly activity: OutgoingActivity;

  constructor(
    private current: Broadcast,
    private readonly broadcasts: BroadcastRepository,
    now: number,
  ) {
    this.activity = activityFor(current);
    this.lastMovedAt = now;
  }

  /**
   * Counts the deliveries afresh from storage; returns the keys of those not yet settled. Only while none is being
   * worked on here, or a transition counted in the middle of the scan would be counted twice.
   */
  async rescan(deliveries: DeliveryRepository): Promise<string[]> {
    const tally = new ProgressTally();
    const open: string[] = [];
    for await (const page of deliveries.pages(this.current.id)) {
      tally.include(page);
      for (const d of page) if (!isSettled(d.state)) open.push(d.aadObjectId);
    }
    this.tally = tally;
    this.dirty = true;
    return open;
  }

  get broadcast(): Broadcast {
    return this.current;
  }

  /** HR asked to stop: nothing more is sent, the rest is marked cancelled. */
  get cancelling(): boolean {
    return this.current.cancelRequestedBy !== undefined;
  }

  get unsettled(): number {
    return this.tally.unsettled;
  }

  /** One delivery moved on. */
  record(before: Delivery, after: Delivery, now: number): void {
    this.tally.move(before, after);
    if (after.state === 'sent' && before.state !== 'sent') this.sentAt.push(now);
    this.dirty = true;
    this.lastMovedAt = now;
  }

  /** Deliveries per second over the last minute (or since sending began, if that is less). */
  ratePerSecond(now: number): number {
    while (this.sentAt.length > 0 && this.sentAt[0]! <= now - RATE_WINDOW_MS) this.sentAt.shift();
    if (this.sentAt.length < 2) return 0;
    const span = Math.max(1_000, now - this.sentAt[0]!);
    return Math.round((this.sentAt.length / span) * 10_000) / 10;
  }

  /**
   * Reads what HR may have changed (a cancel), and writes the progress when it moved or `change` says more
   * (a new state). Returns the record as stored.
   */
  async sync(now: number, change: Partial<Broadcast> = {}): Promise<Broadcast> {
    const needsWrite = this.dirty || Object.keys(change).length > 0;
    for (let attempt = 1; attempt <= WRITE_TRIES; attempt++) {
      const fresh = await this.broadcasts.find(this.current.frameworkId, this.current.id);
      if (!fresh) return this.current;
      if (!needsWrite) return (this.current = fresh);
      this.dirty = false;
      const written = await this.broadcasts.update({ ...fresh, ...change, progress: this.tally.progress(this.ratePerSecond(now)) }, fresh.etag!);
      if (written) return (this.current = written);
      this.dirty = true;
    }
    return this.current;
  }
}

/** The message every recipient gets: the card rendered at confirmation, the title as the notification's text. */
function activityFor(broadcast: Broadcast): OutgoingActivity {
  return cardMessage(broadcast.card, { summary: broadcast.notice.title });
}
