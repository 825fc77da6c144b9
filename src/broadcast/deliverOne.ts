import { randomUUID } from 'node:crypto';
import type { Delivery } from '../domain/broadcast/delivery';
import type { DeliveryRepository } from '../storage/deliveryRepository';
import type { ChannelTransport, PreparedPost } from './channelTransport';
import { pause } from '../concurrency';
import type { JobTracker } from './jobTracker';
import type { Pacer, ReleaseSlot } from './rateLimiter';
import type { Decision, RetryPolicy } from './retryPolicy';

/** How one delivery ended for this sender: done for its round, stopped before finishing, or taken by someone else. */
export type DeliveryResult = 'settled' | 'interrupted' | 'lost';

export interface DeliveryDeps {
  readonly deliveries: DeliveryRepository;
  readonly transport: ChannelTransport;
  readonly pacer: Pacer;
  readonly retry: RetryPolicy;
  /** Which sender claims (written on the delivery before each attempt). */
  readonly senderId: string;
  /** Aborts when this sender stops or loses the lease: waits end, and no new attempt starts after that. */
  readonly signal: AbortSignal;
  /** False when the lease is about to run out without having been renewed (storage unreachable, say). */
  readonly mayAttempt: () => boolean;
  readonly now: () => number;
}

/** The transport throws only when the bot cannot get a token to sign with: nothing can be posted, as on a network error. */
const UNSIGNED: PreparedPost = { post: () => Promise.resolve({ status: 0 }) };
/** After the channel took a message, writing that down is retried this often before the sender gives up on the row. */
const RECORD_TRIES = 3;
const RECORD_RETRY_MS = 500;

/**
 * Sends one delivery until it is settled for its round, at the pace the pacer allows.
 *
 * Every attempt is claimed first, under the delivery's ETag: only one sender can claim it, and a delivery found
 * "sending" afterwards was waiting for its slot or in flight when its sender died — it is sent again and marked as a
 * possible duplicate. A sender that stops while waiting for a slot puts the delivery back as it was.
 * Between attempts it waits as "retrying", which is not in flight: a sender stopping there duplicates nothing.
 */
export async function deliverOne(deps: DeliveryDeps, job: JobTracker, start: Delivery): Promise<DeliveryResult> {
  let d = start;
  const possibleDuplicate = d.possibleDuplicate || d.state === 'sending';
  for (;;) {
    if (deps.signal.aborted || !deps.mayAttempt()) return 'interrupted';
    if (job.cancelling) return settleAsCancelled(deps, job, d);
    const wait = d.notBefore ? Date.parse(d.notBefore) - deps.now() : 0;
    if (wait > 0) {
      await pause(wait, deps.signal);
      continue;
    }
    // Signed and claimed before the pacer's slot is taken, so nothing slow stands between the slot and the request
    // leaving: Teams' window then sees what the pacer counted, and a slow storage write never costs a second slot.
    const request = await deps.transport.prepareSend(d.reference ?? {}, job.activity).catch(() => UNSIGNED);
    const claimed = await deps.deliveries.update(
      { ...d, state: 'sending', attempts: d.attempts + 1, claimedBy: deps.senderId, notBefore: undefined, possibleDuplicate },
      d.etag!,
    );
    if (!claimed) return 'lost';
    job.record(d, claimed, deps.now());
    const release = await paced(deps, d);
    if (!release) return unclaim(deps, job, claimed, d);
    const outcome = await request.post().finally(release);
    const decision = deps.retry.decide(outcome, claimed.attempts);
    const recorded = await record(deps, outcomeOf(claimed, decision, outcome, deps.now()), claimed.etag!);
    if (!recorded) return 'lost';
    job.record(claimed, recorded, deps.now());
    if (decision.kind !== 'retry') return 'settled';
    d = recorded;
  }
}

/** The delivery after one attempt. */
function outcomeOf(
  claimed: Delivery,
  decision: Decision,
  outcome: { status: number; activityId?: string },
  now: number,
): Delivery {
  const base = { ...claimed, lastStatus: outcome.status, claimedBy: undefined };
  switch (decision.kind) {
    case 'sent':
      return {
        ...base,
        state: 'sent',
        sentAt: new Date(now).toISOString(),
        sentBy: claimed.claimedBy,
        activityId: outcome.activityId,
        reason: undefined,
      };
    case 'retry':
      return { ...base, state: 'retrying', notBefore: new Date(now + decision.delayMs).toISOString() };
    case 'failed':
      return { ...base, state: 'failed', reason: decision.reason };
  }
}

/**
 * Writes an attempt's outcome; a brief storage hiccup must not turn a message that went out into one sent twice. Every
 * try is the same write (one write id), so a try that was done although its answer never came counts as done.
 */
async function record(deps: DeliveryDeps, next: Delivery, etag: string): Promise<Delivery | undefined> {
  const writeId = randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.deliveries.update(next, etag, writeId);
    } catch (error) {
      if (attempt >= RECORD_TRIES) throw error;
      await pause(RECORD_RETRY_MS * attempt);
    }
  }
}

/** Nothing was sent after all (the sender is stopping): the delivery goes back to how it was, so no one counts it as in flight. */
async function unclaim(deps: DeliveryDeps, job: JobTracker, claimed: Delivery, before: Delivery): Promise<DeliveryResult> {
  const restored = await record(deps, before, claimed.etag!);
  if (restored) job.record(claimed, restored, deps.now());
  return 'interrupted';
}

/**
 * Waits for the pacer's slot for this delivery's conversation; undefined when the sender stops meanwhile (the slot, if
 * taken, is released unused).
 */
async function paced(deps: DeliveryDeps, d: Delivery): Promise<ReleaseSlot | undefined> {
  let release: ReleaseSlot;
  try {
    release = await deps.pacer.acquire(conversationIdOf(d), deps.signal);
  } catch {
    return undefined;
  }
  if (deps.mayAttempt()) return release;
  release();
  return undefined;
}

async function settleAsCancelled(deps: DeliveryDeps, job: JobTracker, d: Delivery): Promise<DeliveryResult> {
  const cancelled = await deps.deliveries.update({ ...d, state: 'cancelled', claimedBy: undefined, notBefore: undefined }, d.etag!);
  if (!cancelled) return 'lost';
  job.record(d, cancelled, deps.now());
  return 'settled';
}

function conversationIdOf(d: Delivery): string | undefined {
  return (d.reference as { conversation?: { id?: string } } | undefined)?.conversation?.id;
}
