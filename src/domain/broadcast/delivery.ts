import type { FailureReason } from './broadcast';

/**
 * One recipient of one broadcast:
 *   pending ──claim──▶ sending ──▶ sent | failed
 *                        │  ▲
 *                        ▼  │ (a retryable answer: wait, then claim again)
 *                      retrying
 * "unreachable" is decided when the round is prepared (the app is not installed for them); "cancelled" when HR stops
 * the broadcast. A claim is written before every attempt, so a delivery found "sending" by a new sender was in flight
 * when the previous one died: it is sent again and counted as a possible duplicate.
 */
export type DeliveryState = 'pending' | 'sending' | 'retrying' | 'sent' | 'failed' | 'unreachable' | 'cancelled';

export interface Delivery {
  readonly broadcastId: string;
  /** The recipient's lower-case Entra object id (the RowKey). */
  readonly aadObjectId: string;
  readonly employeeNo: string;
  readonly name: string;
  readonly department: string;
  readonly state: DeliveryState;
  /** Attempts made in its current round (the retry policy bounds them; a new round starts again from 0). */
  readonly attempts: number;
  /** The round this delivery was last prepared for. */
  readonly round: number;
  /** Where to post (the recipient's conversation reference), copied when the round is prepared. */
  readonly reference?: object;
  readonly reason?: FailureReason;
  /** The last HTTP status the channel answered. */
  readonly lastStatus?: number;
  /** While retrying: not before this time (ISO). */
  readonly notBefore?: string;
  /** Which sender claimed it (while sending). */
  readonly claimedBy?: string;
  readonly sentAt?: string;
  /** Which sender delivered it: with one lease for every instance, one sender at a time. */
  readonly sentBy?: string;
  readonly activityId?: string;
  readonly possibleDuplicate: boolean;
  readonly etag?: string;
}

/** States a delivery does not leave in its round. */
export function isSettled(state: DeliveryState): boolean {
  return state === 'sent' || state === 'failed' || state === 'unreachable' || state === 'cancelled';
}
