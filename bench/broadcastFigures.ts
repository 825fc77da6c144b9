import type { Progress } from '../src/domain/broadcast/broadcast';
import type { DeliveryRepository } from '../src/storage/deliveryRepository';
import type { StaffMember } from '../test/support/broadcastFixtures';
import type { ConnectorCall } from '../test/support/fakeConnector';

/** What the fake Teams saw of one broadcast, and what the bot reported about it. */
export interface BroadcastFigures {
  /** Copies of the notice Teams accepted (duplicates included). */
  readonly delivered: number;
  /** Every request the bot made to Teams: sends, refused sends, and updates of HR's progress card. */
  readonly requests: number;
  /** Sends refused at random (the injected 429/503s). */
  readonly injectedFailures: number;
  /** 429s Teams answered because the bot went over its limits: the sender's pacing should make these 0. */
  readonly rateLimited: number;
  /** Which of Teams' windows those 429s broke, and when (seconds after the first request), to tell a burst from a drift. */
  readonly rateLimitedBy: readonly string[];
  /** From the first request to the last: the time the bot was talking to Teams. */
  readonly spanMs: number;
  /** People who got more than one copy. */
  readonly duplicates: number;
  /** Of those, people whose delivery the report does not count as a possible duplicate. */
  readonly unflaggedDuplicates: number;
  /** People with the app who got no copy. */
  readonly misses: number;
  /** People without the app who got a copy anyway (there is no conversation to post to: must stay 0). */
  readonly unexpected: number;
  /** The broadcast's own report, as HR sees it. */
  readonly report: Progress;
}

/** Counts what reached the fake Teams against who should have got the notice, and reads the report's flags from storage. */
export async function broadcastFigures(
  calls: readonly ConnectorCall[],
  staff: { readonly reachable: readonly StaffMember[]; readonly unreachable: readonly StaffMember[] },
  deliveries: DeliveryRepository,
  broadcastId: string,
  report: Progress,
): Promise<BroadcastFigures> {
  const copies = new Map<string, number>();
  for (const call of calls) {
    if (isSend(call) && call.status < 300) copies.set(call.conversationId, (copies.get(call.conversationId) ?? 0) + 1);
  }
  const copiesOf = (s: StaffMember): number => copies.get(s.conversationId) ?? 0;
  const doubled = staff.reachable.filter((s) => copiesOf(s) > 1).map((s) => s.aadObjectId.toLowerCase());
  const flagged = new Set<string>();
  for await (const page of deliveries.pages(broadcastId)) for (const d of page) if (d.possibleDuplicate) flagged.add(d.aadObjectId);
  const times = calls.map((c) => c.at);
  const first = Math.min(...times);
  const overLimit = calls.filter((c) => c.status === 429 && refusalMessage(c).startsWith('Rate limit exceeded'));
  return {
    delivered: [...copies.values()].reduce((a, b) => a + b, 0),
    requests: calls.length,
    injectedFailures: calls.filter((c) => refusalMessage(c).includes('random failure')).length,
    rateLimited: overLimit.length,
    rateLimitedBy: overLimit.map((c) => `${((c.at - first) / 1000).toFixed(1)} s: ${c.method} ${brokenWindows(c)}`),
    spanMs: times.length === 0 ? 0 : Math.max(...times) - first,
    duplicates: doubled.length,
    unflaggedDuplicates: doubled.filter((id) => !flagged.has(id)).length,
    misses: staff.reachable.filter((s) => copiesOf(s) === 0).length,
    unexpected: staff.unreachable.filter((s) => copiesOf(s) > 0).length,
    report,
  };
}

/** A post of a new message to someone's chat (the card updates are PUTs). */
export function isSend(call: ConnectorCall): boolean {
  return call.method === 'POST' && call.conversationId !== '';
}

/** The windows a 429 names: "Rate limit exceeded (<windows>). Retry after …". */
function brokenWindows(call: ConnectorCall): string {
  return /\(([^)]*)\)/.exec(refusalMessage(call))?.[1] ?? '?';
}

/** The message of a Teams-style error answer, '' for any other answer. */
function refusalMessage(call: ConnectorCall): string {
  const message = (call.response as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' ? message : '';
}
