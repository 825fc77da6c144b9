import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { AdaptiveCard } from '../cards/renderCard';
import { resolveLocale, translator, type Locale, type Translate } from '../i18n';
import { pause } from '../concurrency';
import type { Logger } from '../logger';
import { isTrustedServiceUrl } from '../http/serviceUrls';
import { currentRequestContext } from '../requestContext';
import type { ConversationRepository } from '../storage/conversationRepository';
import { isStorageUnavailable } from '../storage/storageErrors';

/** How a proactive message went. */
export interface Delivery {
  readonly delivered: boolean;
  /**
   * Why not: the recipient never opened the bot; the send failed (Teams or storage failing after retries); or Teams is
   * so slow that the action answered before the send ended (it goes on, and its outcome is logged).
   */
  readonly failure?: 'neverOpened' | 'failed' | 'stillSending';
  /** The Teams user id (MRI) of the recipient, as their conversation reference knows it. */
  readonly userId?: string;
}

/** Someone's personal chat with the bot, and the language their client last used. */
export interface Addressee {
  readonly aadObjectId: string;
  readonly reference: Partial<ConversationReference>;
  readonly locale: Locale;
}

/** Makes the card for a recipient: in their language, with their Teams user id for Universal Actions. */
export type CardBuilder = (t: Translate, locale: Locale, teamsUserId: string | undefined) => AdaptiveCard;

/** True when the message did not arrive and will not: a send still going on is not counted as missed. */
export function missed(delivery: Delivery): boolean {
  return !delivery.delivered && delivery.failure !== 'stillSending';
}

/**
 * Inside a request, how long an action waits for its message before answering anyway: Teams gives an invoke about
 * 5 s, and botbuilder's retries through a Teams storm (backing off 1, 2, 4 s, or as long as Retry-After says) take longer.
 */
const IN_TURN_WAIT_MS = 3_000;

/**
 * Sends cards to people's personal chats outside of a turn (a decision for the applicant, a request for the manager),
 * in the language their client last used. Someone who never opened the bot cannot be reached: that is reported,
 * not thrown, so the action that caused the message still completes.
 */
export class Notifier {
  /** Sends that outlived the action that started them, so that a graceful stop can let them end. */
  private readonly stillSending = new Set<Promise<Delivery>>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly conversations: ConversationRepository,
    private readonly logger: Logger,
    private readonly inTurnWaitMs: number = IN_TURN_WAIT_MS,
  ) {}

  /**
   * Sends the card `build` makes for the recipient (their language, their Teams user id for Universal Actions).
   * Storage failing while looking them up is "not delivered" too: the action that caused the message has done its
   * writes by then, and must not be reported as failed because of its message.
   */
  async sendToUser(aadObjectId: string, build: CardBuilder): Promise<Delivery> {
    let addressee: Addressee | undefined;
    try {
      addressee = await this.reach(aadObjectId);
    } catch (error) {
      if (!isStorageUnavailable(error)) throw error;
      this.logger.warn('proactive message failed: storage unavailable', { aadObjectId, error });
      return { delivered: false, failure: 'failed' };
    }
    return this.send(addressee, build);
  }

  /**
   * Where and in which language someone can be reached; undefined if they never opened the bot. An action looks this
   * up before its deciding write when it must send afterwards, so nothing after that write needs storage.
   */
  async reach(aadObjectId: string): Promise<Addressee | undefined> {
    const record = await this.conversations.find('user', aadObjectId);
    return record && { aadObjectId, reference: record.reference, locale: resolveLocale(record.locale) };
  }

  /**
   * Sends the card `build` makes to someone reached before; needs no storage. Serving a request, it waits at most
   * `inTurnWaitMs` so the person who acted gets their answer in time; background work waits for the outcome.
   */
  async send(addressee: Addressee | undefined, build: CardBuilder): Promise<Delivery> {
    if (!addressee) return { delivered: false, failure: 'neverOpened' };
    const sending = this.deliver(addressee, build);
    if (!currentRequestContext()) return sending;
    const outcome = await within(sending, this.inTurnWaitMs);
    if (outcome) return outcome;
    this.stillSending.add(sending);
    void sending.then((late) => {
      this.stillSending.delete(sending);
      this.logger.info('proactive message ended after its action answered', { aadObjectId: addressee.aadObjectId, delivered: late.delivered });
    });
    return { delivered: false, failure: 'stillSending' };
  }

  /** Lets the sends still going on end, waiting at most `ms` (a graceful stop: nothing someone was promised is cut off). */
  async settle(ms: number): Promise<void> {
    if (this.stillSending.size === 0) return;
    await within(Promise.allSettled([...this.stillSending]), ms);
  }

  /** One send and its outcome; failures are logged and reported, never thrown. */
  private async deliver(addressee: Addressee, build: CardBuilder): Promise<Delivery> {
    const { aadObjectId, reference, locale } = addressee;
    const userId = (reference as { user?: { id?: string } }).user?.id;
    if (!isTrustedServiceUrl(reference.serviceUrl, this.botAppId !== '')) {
      // Stored data naming another host: the bot's token goes to Teams only.
      this.logger.warn('proactive message refused: not a Teams service URL', { aadObjectId });
      return { delivered: false, failure: 'failed', userId };
    }
    const card = build(translator(locale), locale, userId);
    let delivered = false;
    try {
      // The adapter's error handler swallows failures inside the callback, so the outcome is captured here.
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        try {
          await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
          delivered = true;
        } catch (error) {
          this.logger.warn('proactive message failed', { aadObjectId, error });
        }
      });
    } catch (error) {
      this.logger.warn('proactive message failed', { aadObjectId, error });
    }
    return delivered ? { delivered, userId } : { delivered, failure: 'failed', userId };
  }
}

/** What `work` gives if it ends within `ms`, else undefined (it goes on); the timer never outlives it. */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  const waited = new AbortController();
  try {
    return await Promise.race([work, pause(ms, waited.signal).then(() => undefined)]);
  } finally {
    waited.abort();
  }
}

/** The line telling the sender that `name` was not told (or not yet), and why; "" when the message arrived. */
export function undeliveredLine(t: Translate, delivery: Delivery, name: string): string {
  if (delivery.delivered) return '';
  return t(`notify.undelivered.${delivery.failure ?? 'failed'}`, { name });
}
