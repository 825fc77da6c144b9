import type { Audience } from '../domain/broadcast/audience';
import type { Broadcast } from '../domain/broadcast/broadcast';
import { isSettled, type Delivery } from '../domain/broadcast/delivery';
import type { ConversationRecord } from '../storage/conversationRepository';
import type { DeliveryRepository } from '../storage/deliveryRepository';
import type { WorkQueue } from '../storage/workQueue';
import { forEachLimited } from '../concurrency';
import type { Recipient } from './recipients';
import { rangesOf } from './workRanges';

export interface RoundPreparerDeps {
  readonly deliveries: DeliveryRepository;
  readonly queue: WorkQueue;
  /** The audience's recipients now (roster, applications and conversation references). */
  readonly findRecipients: (frameworkId: string, audience: Audience) => Promise<Recipient[]>;
  /** Every personal-chat reference by lower-case Entra id: someone may have installed the app since the last round. */
  readonly listReachable: () => Promise<Map<string, ConversationRecord>>;
}

/** Storage writes in flight at once while resetting a round; Table storage takes far more, the sender needs the rest. */
const WRITES_IN_PARALLEL = 16;

/**
 * Writes a round's deliveries and queues them, idempotently: a sender that dies half way through calls it again and
 * nothing is lost or doubled (existing deliveries are left as they are; a range queued twice is harmless, because
 * only a delivery still to be sent is ever claimed).
 */
export async function prepareRound(deps: RoundPreparerDeps, broadcast: Broadcast): Promise<void> {
  const keys = broadcast.round === 1 ? await writeFirstRound(deps, broadcast) : await reopenFailures(deps, broadcast);
  const items = rangesOf(keys).map((range) => ({
    frameworkId: broadcast.frameworkId,
    broadcastId: broadcast.id,
    round: broadcast.round,
    ...range,
  }));
  await deps.queue.enqueue(items);
}

/** One delivery per recipient; returns the sorted keys of those who can be reached. */
async function writeFirstRound(deps: RoundPreparerDeps, broadcast: Broadcast): Promise<string[]> {
  const recipients = await deps.findRecipients(broadcast.frameworkId, broadcast.audience);
  const byKey = new Map(recipients.map((r) => [r.employee.aadObjectId.toLowerCase(), r]));
  const keys = [...byKey.keys()].sort();
  await deps.deliveries.createMissing(keys.map((key) => freshDelivery(broadcast, key, byKey.get(key)!)));
  return keys.filter((key) => byKey.get(key)!.reference !== undefined);
}

/** "Retry the failed": failed and unreachable deliveries start over; returns the sorted keys to send to. */
async function reopenFailures(deps: RoundPreparerDeps, broadcast: Broadcast): Promise<string[]> {
  const reachable = await deps.listReachable();
  const toSend: string[] = [];
  const toReopen: Delivery[] = [];
  for await (const page of deps.deliveries.pages(broadcast.id)) {
    for (const d of page) {
      const reopen = (d.state === 'failed' || d.state === 'unreachable') && d.round < broadcast.round;
      // A sender that died while reopening left some of this round's deliveries pending: they are queued again too.
      if (reopen) toReopen.push(d);
      else if (d.round === broadcast.round && !isSettled(d.state)) {
        toSend.push(d.aadObjectId);
      }
    }
  }
  await forEachLimited(toReopen, WRITES_IN_PARALLEL, async (d) => {
    const reference = reachable.get(d.aadObjectId)?.reference ?? d.reference;
    const reopened: Delivery = {
      ...d,
      ...(reachable.has(d.aadObjectId) || d.state === 'failed'
        ? { state: 'pending', reason: undefined }
        : { state: 'unreachable', reason: 'notInstalled' }),
      reference,
      round: broadcast.round,
      attempts: 0,
      notBefore: undefined,
      claimedBy: undefined,
    };
    // Only the sender holding the lease writes deliveries, so a conflict here means that lease was lost: stop.
    if (!(await deps.deliveries.update(reopened, d.etag!))) throw new Error(`delivery ${d.aadObjectId} changed while reopening`);
    if (reopened.state === 'pending') toSend.push(d.aadObjectId);
  });
  return toSend.sort();
}

function freshDelivery(broadcast: Broadcast, key: string, recipient: Recipient): Delivery {
  const { employee, reference } = recipient;
  return {
    broadcastId: broadcast.id,
    aadObjectId: key,
    employeeNo: employee.employeeNo,
    name: employee.name,
    department: employee.department,
    state: reference ? 'pending' : 'unreachable',
    ...(reference ? { reference } : { reason: 'notInstalled' as const }),
    attempts: 0,
    round: broadcast.round,
    possibleDuplicate: false,
  };
}
