import type { Audience } from './audience';

/**
 * A broadcast's life:
 *   draft ──confirm──▶ scheduled ──(start time reached, the sender prepares it)──▶ sending ──▶ completed
 *     │                   │                                                         │
 *     └─ discard          └─ cancel ──▶ cancelled ◀── cancel (the sender stops) ────┘
 * "Retry the failed" puts a completed broadcast back to scheduled for a new round over its failed and unreachable
 * recipients only. HR's actions only change this record; the deliveries are changed by the one sender holding the lease.
 */
export type BroadcastState = 'draft' | 'scheduled' | 'sending' | 'completed' | 'cancelled';

/** What HR writes: a notice built from the open application window. */
export interface Notice {
  readonly title: string;
  readonly body: string;
  /** The tracks the Apply buttons open (e.g. gold, silver), each with the label shown on its button. */
  readonly apply: readonly { readonly track: string; readonly label: string }[];
  /** The fiscal year of the window the notice announces. */
  readonly fiscalYear: number;
}

/** How far a broadcast has come: one count per delivery state, and why the failed ones failed. */
export interface Progress {
  readonly total: number;
  readonly pending: number;
  readonly sent: number;
  readonly failed: number;
  readonly unreachable: number;
  readonly cancelled: number;
  /** Sent again after the sender died while that send was in flight: these people may have two copies. */
  readonly possibleDuplicates: number;
  readonly failureReasons: Readonly<Partial<Record<FailureReason, number>>>;
  /** Deliveries per second over the last minute of sending (0 when not sending). */
  readonly ratePerSecond: number;
}

export const EMPTY_PROGRESS: Progress = {
  total: 0,
  pending: 0,
  sent: 0,
  failed: 0,
  unreachable: 0,
  cancelled: 0,
  possibleDuplicates: 0,
  failureReasons: {},
  ratePerSecond: 0,
};

/** Why a delivery did not reach someone. "notInstalled" makes it unreachable; the rest are failures. */
export const FAILURE_REASONS = [
  'notInstalled',
  'throttled',
  'serviceUnavailable',
  'blocked',
  'conversationNotFound',
  'rejected',
  'network',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** Where the HR officer's progress card is, so the sender can update it in place. */
export interface ProgressCardLocation {
  /** The Bot Framework conversation reference of HR's personal chat. */
  readonly reference: object;
  /** The id of the card's message (the Action.Execute's replyToId). */
  readonly activityId: string;
  readonly locale: string;
}

/** One broadcast: the notice, who gets it, when, and how it went. */
export interface Broadcast {
  readonly id: string;
  readonly frameworkId: string;
  readonly state: BroadcastState;
  readonly notice: Notice;
  readonly audience: Audience;
  /** The card every recipient gets, rendered once at confirmation: the preview is exactly what they see. */
  readonly card?: object;
  readonly createdBy: { readonly aadObjectId: string; readonly name: string };
  readonly createdAt: string;
  /** When sending starts (now, or a scheduled time). */
  readonly startAt?: string;
  readonly confirmedAt?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  /** Set by HR to stop a send in progress; the sender honours it within a second or two. */
  readonly cancelRequestedBy?: { readonly aadObjectId: string; readonly name: string; readonly at: string };
  /** 1 for the first send; each "retry the failed" adds one. */
  readonly round: number;
  /** The last round whose deliveries were written and queued (a sender that died while preparing does it again). */
  readonly preparedRound: number;
  readonly progress: Progress;
  readonly progressCard?: ProgressCardLocation;
  readonly etag?: string;
}

/** True while a broadcast still has work for the sender. */
export function isActive(broadcast: Pick<Broadcast, 'state'>): boolean {
  return broadcast.state === 'scheduled' || broadcast.state === 'sending';
}

/** Seconds left at the current rate, or undefined when nothing is moving. */
export function secondsLeft(progress: Progress): number | undefined {
  if (progress.pending === 0) return 0;
  return progress.ratePerSecond > 0 ? Math.ceil(progress.pending / progress.ratePerSecond) : undefined;
}
