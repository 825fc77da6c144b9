import { isRestError } from '@azure/core-rest-pipeline';
import type { QueueClient } from '@azure/storage-queue';
import { z } from 'zod/v4';
import { forEachLimited } from '../concurrency';
import type { Logger } from '../logger';
import { BROADCAST_ID } from './broadcastRepository';
import { storageStatus } from './storageErrors';

/** Work for the sender: the deliveries of one broadcast's round whose RowKeys are between `from` and `to` (inclusive). */
export interface WorkItem {
  readonly frameworkId: string;
  readonly broadcastId: string;
  readonly round: number;
  readonly from: string;
  readonly to: string;
}

/** A work item taken from the queue: hidden from other receivers until completed, released, or its time runs out. */
export interface ReceivedWork {
  readonly item: WorkItem;
  readonly messageId: string;
  /** Proves this receiver still holds the message; every extension gives a new one. */
  readonly popReceipt: string;
  /** How many times the message was received, this time included: more than 1 means an earlier receiver gave up or died. */
  readonly dequeueCount: number;
}

const WORK_ITEM = z.object({
  frameworkId: z.string().min(1),
  broadcastId: BROADCAST_ID,
  round: z.number().int().positive(),
  from: z.string().min(1),
  to: z.string().min(1),
});

/** The service hands out at most 32 messages per receive. */
const MAX_RECEIVE = 32;
/** Sends in flight at once: one by one, queueing a 10,000-recipient round (100 messages) takes seconds. */
const SENDS_IN_PARALLEL = 8;
/** Work must wait as long as it takes (a stalled sender, a long outage): the default would drop it after 7 days. */
const NEVER_EXPIRES = -1;

/** The queue that hands out broadcast work to whichever sender is free; a message may be delivered more than once. */
export class WorkQueue {
  constructor(
    private readonly queue: QueueClient,
    private readonly logger: Logger,
  ) {}

  async enqueue(items: readonly WorkItem[]): Promise<void> {
    await forEachLimited(items, SENDS_IN_PARALLEL, async (item) => {
      await this.queue.sendMessage(JSON.stringify(item), { messageTimeToLive: NEVER_EXPIRES });
    });
  }

  /**
   * Takes up to `max` (at most 32) work items, hidden from other receivers for `visibilityTimeoutSeconds`.
   * A message that is not a work item is logged and deleted: received again and again, it would only get in the way.
   */
  async receive(max: number, visibilityTimeoutSeconds: number): Promise<ReceivedWork[]> {
    const response = await this.queue.receiveMessages({
      numberOfMessages: Math.min(max, MAX_RECEIVE),
      visibilityTimeout: visibilityTimeoutSeconds,
    });
    const received: ReceivedWork[] = [];
    for (const m of response.receivedMessageItems) {
      const item = parseWorkItem(m.messageText);
      if (item) {
        received.push({ item, messageId: m.messageId, popReceipt: m.popReceipt, dequeueCount: m.dequeueCount });
        continue;
      }
      this.logger.warn('deleted a queue message that is not a work item', {
        queue: this.queue.name,
        messageId: m.messageId,
        text: m.messageText.slice(0, 200),
      });
      await this.ignoringLoss(this.queue.deleteMessage(m.messageId, m.popReceipt));
    }
    return received;
  }

  /** The work is done: deletes the message. One that is gone or taken by another receiver since is left to it. */
  async complete(work: ReceivedWork): Promise<void> {
    await this.ignoringLoss(this.queue.deleteMessage(work.messageId, work.popReceipt));
  }

  /** Keeps the message hidden for `visibilityTimeoutSeconds` more from now; fails when the message is no longer ours. */
  async extend(work: ReceivedWork, visibilityTimeoutSeconds: number): Promise<ReceivedWork> {
    const response = await this.queue.updateMessage(work.messageId, work.popReceipt, undefined, visibilityTimeoutSeconds);
    return { ...work, popReceipt: response.popReceipt! };
  }

  /** Gives the work back undone: any receiver may take it now. One that is no longer ours is left alone. */
  async release(work: ReceivedWork): Promise<void> {
    await this.ignoringLoss(this.queue.updateMessage(work.messageId, work.popReceipt, undefined, 0));
  }

  private async ignoringLoss(operation: Promise<unknown>): Promise<void> {
    try {
      await operation;
    } catch (err) {
      if (!isNoLongerOurs(err)) throw err;
    }
  }
}

function parseWorkItem(text: string): WorkItem | undefined {
  try {
    const parsed = WORK_ITEM.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The message was deleted (404), or its visibility ran out and another receiver took it (a new pop receipt). */
function isNoLongerOurs(err: unknown): boolean {
  return storageStatus(err) === 404 || (isRestError(err) && err.code === 'PopReceiptMismatch');
}
