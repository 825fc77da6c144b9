import type { ConversationReference } from 'botbuilder';
import { cardMessage, type ChannelTransport, type OutgoingActivity, type PostOutcome } from '../../broadcast/channelTransport';
import type { Pacer } from '../../broadcast/rateLimiter';
import { RetryPolicy } from '../../broadcast/retryPolicy';
import type { AdaptiveCard } from '../../cards/renderCard';
import { pause } from '../../concurrency';
import type { Logger } from '../../logger';

/** Where a card is: the conversation, and the message to update in place (unknown if the channel gave no id). */
export interface CardLocation {
  readonly reference: Partial<ConversationReference>;
  readonly activityId?: string;
}

/** A final card (a link, a failure) that Teams asks to retry is tried this often; a progress card only once. */
const FINAL_ATTEMPTS = 4;

/**
 * Updates a card in place from background work, the way the broadcast sender updates HR's progress card: a PUT of
 * the activity through the bot's channel transport. Progress that does not get through is simply shown by the next
 * update; the final card is retried as Teams asks (429, 5xx), and sent as a new message when there is nothing to update.
 */
export class CardUpdater {
  constructor(
    private readonly transport: ChannelTransport,
    /** The process's one pacer of requests to Teams (see `Pacer`): a card someone is waiting for takes the prompt line. */
    private readonly pacer: Pacer,
    private readonly logger: Logger,
    private readonly retry = new RetryPolicy({ maxAttempts: FINAL_ATTEMPTS, baseDelayMs: 500, maxDelayMs: 5_000 }),
  ) {}

  /** Shows `card` at `location`; `final` for the last card of a piece of work, which must arrive. */
  async show(location: CardLocation, card: AdaptiveCard, final: boolean): Promise<void> {
    await this.deliver(location, cardMessage(card), final);
  }

  /** Posts a new message (e.g. a file consent card) in the conversation of `location`; it must arrive. */
  async post(location: CardLocation, activity: OutgoingActivity): Promise<void> {
    await this.deliver({ reference: location.reference }, activity, true);
  }

  private async deliver(location: CardLocation, activity: OutgoingActivity, final: boolean): Promise<void> {
    if (!location.activityId && !final) return;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.paced(location, activity);
      const decision = this.retry.decide(outcome, attempt);
      if (decision.kind === 'sent') return;
      if (decision.kind === 'failed' || !final) {
        this.logger.warn('could not show a card', { status: outcome.status, errorCode: outcome.errorCode, final });
        return;
      }
      await pause(decision.delayMs);
    }
  }

  /**
   * One request, in its turn among the bot's requests to Teams: an update counts app-wide only, a new message in its
   * conversation too. A new message is prepared (signed) before the slot is taken, as a broadcast's sends are.
   */
  private async paced({ reference, activityId }: CardLocation, activity: OutgoingActivity): Promise<PostOutcome> {
    if (activityId) return this.pacer.promptly(() => this.transport.update(reference, activityId, { ...activity, id: activityId }));
    const prepared = await this.transport.prepareSend(reference, activity);
    return this.pacer.promptly(() => prepared.post(), reference.conversation?.id);
  }
}
