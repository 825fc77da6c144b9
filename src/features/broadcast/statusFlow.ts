import type { AdaptiveCard } from '../../cards/renderCard';
import { isActive, type Broadcast, type ProgressCardLocation } from '../../domain/broadcast/broadcast';
import type { Who } from '../applications/who';
import { composeForm } from './composeFlow';
import type { BroadcastDeps } from './deps';
import { noticeFormOf } from './noticeInput';
import { backToBroadcast, broadcastNotFound, changeBroadcast, changedMeanwhile, refusal, type ChangeOutcome } from './storedBroadcast';
import { stateLabel } from './views/describe';
import { cancelQuestionCard, retryQuestionCard } from './views/questionCards';
import { broadcastStatusCard } from './views/statusCard';

/**
 * Following a broadcast, as HR: its status (the progress card), stopping it, and sending again to those it did not
 * reach (its results as CSV are an export, see features/exports). Stopping and sending again each ask first, and change the broadcast record
 * only, under its ETag; the sender does the rest.
 */
export class StatusFlow {
  constructor(private readonly deps: BroadcastDeps) {}

  /** The broadcast's card: its status, or the form for a draft (where HR left off). */
  async status(who: Who, broadcastId: string): Promise<AdaptiveCard> {
    const stored = await this.deps.broadcasts.find(who.framework.id, broadcastId);
    if (!stored) return broadcastNotFound(this.deps, who, broadcastId);
    if (stored.state === 'draft') return composeForm(this.deps, who, stored.id, noticeFormOf(stored.notice));
    return this.statusCard(who, stored);
  }

  /**
   * Stops a broadcast, after a confirmation: a scheduled one is cancelled at once; for one being sent the stop is
   * requested, and the sender stops and marks the rest cancelled.
   */
  async cancel(who: Who, broadcastId: string, confirmed: boolean): Promise<AdaptiveCard> {
    const { t } = who;
    const stored = await this.deps.broadcasts.find(who.framework.id, broadcastId);
    if (!stored) return broadcastNotFound(this.deps, who, broadcastId);
    if (!isStoppable(stored)) return this.notStoppable(who, stored);
    if (!confirmed) return cancelQuestionCard(stored, t);
    const at = this.deps.now().toISOString();
    const by = { aadObjectId: who.aadObjectId, name: who.employee?.name ?? who.name, at };
    const outcome = await changeBroadcast(this.deps, who.framework.id, broadcastId, (current) => {
      if (!isStoppable(current)) return undefined;
      return current.state === 'scheduled'
        ? { ...current, state: 'cancelled', cancelRequestedBy: by, finishedAt: at }
        : { ...current, cancelRequestedBy: by };
    });
    if (outcome.kind === 'changed') this.deps.logger.info('broadcast cancelled', { broadcastId, by: who.aadObjectId, state: stored.state });
    return this.answer(who, broadcastId, outcome, (latest) => this.notStoppable(who, latest));
  }

  /**
   * Sends a completed broadcast again to those it did not reach (failed or without the app), after a confirmation:
   * a new round, starting now. The card clicked becomes the progress card.
   */
  async retry(who: Who, broadcastId: string, confirmed: boolean, progressCard: ProgressCardLocation | undefined): Promise<AdaptiveCard> {
    const { t } = who;
    const stored = await this.deps.broadcasts.find(who.framework.id, broadcastId);
    if (!stored) return broadcastNotFound(this.deps, who, broadcastId);
    if (!isRetryable(stored)) {
      // A round already under way (the other of two clicks) shows in the status.
      return isActive(stored) ? this.statusCard(who, stored) : refusal(who, t('broadcast.retry.notPossible'), backToBroadcast(who, broadcastId));
    }
    if (!confirmed) return retryQuestionCard(stored, t);
    const now = this.deps.now().toISOString();
    const outcome = await changeBroadcast(this.deps, who.framework.id, broadcastId, (current) =>
      isRetryable(current)
        ? {
            ...current,
            state: 'scheduled',
            round: current.round + 1,
            startAt: now,
            finishedAt: undefined,
            // A stop asked for as the last round finished is not a stop of this one.
            cancelRequestedBy: undefined,
            progressCard: progressCard ?? current.progressCard,
          }
        : undefined,
    );
    if (outcome.kind === 'changed') {
      this.deps.logger.info('broadcast retried', { broadcastId, by: who.aadObjectId, round: outcome.broadcast.round });
      this.deps.wakeSender();
    }
    // Refused: the other of two clicks at once already started the new round, which the status shows.
    return this.answer(who, broadcastId, outcome, (latest) => this.statusCard(who, latest));
  }

  /** The card after a change: the status when it was made, else why not. */
  private answer(who: Who, broadcastId: string, outcome: ChangeOutcome, refused: (latest: Broadcast) => AdaptiveCard): AdaptiveCard {
    switch (outcome.kind) {
      case 'changed':
        return this.statusCard(who, outcome.broadcast);
      case 'refused':
        return refused(outcome.broadcast);
      case 'notFound':
        return broadcastNotFound(this.deps, who, broadcastId);
      case 'busy':
        return changedMeanwhile(who, broadcastId);
    }
  }

  /** A stop already asked for shows in the status; any other state cannot be stopped. */
  private notStoppable(who: Who, broadcast: Broadcast): AdaptiveCard {
    if (broadcast.state === 'sending' || broadcast.state === 'cancelled') return this.statusCard(who, broadcast);
    return refusal(who, who.t('broadcast.cancel.notPossible', { state: stateLabel(broadcast.state, who.t) }), backToBroadcast(who, broadcast.id));
  }

  private statusCard(who: Who, broadcast: Broadcast): AdaptiveCard {
    return broadcastStatusCard(broadcast, who.t, who.locale, this.deps.now());
  }
}

/** Scheduled, or being sent without a stop asked for yet. */
function isStoppable(b: Broadcast): boolean {
  return b.state === 'scheduled' || (b.state === 'sending' && b.cancelRequestedBy === undefined);
}

/** Completed, with people it did not reach. */
function isRetryable(b: Broadcast): boolean {
  return b.state === 'completed' && b.progress.failed + b.progress.unreachable > 0;
}
