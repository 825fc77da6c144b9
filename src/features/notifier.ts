import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { AdaptiveCard } from '../cards/renderCard';
import { resolveLocale, translator, type Locale, type Translate } from '../i18n';
import type { Logger } from '../logger';
import type { ConversationRepository } from '../storage/conversationRepository';
import { isStorageUnavailable } from '../storage/storageErrors';

/** How a proactive message went. */
export interface Delivery {
  readonly delivered: boolean;
  /** Why not: the recipient never opened the bot, or the send failed (Teams or storage failing after retries). */
  readonly failure?: 'neverOpened' | 'failed';
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

/**
 * Sends cards to people's personal chats outside of a turn (a decision for the applicant, a request for the manager),
 * in the language their client last used. Someone who never opened the bot cannot be reached: that is reported,
 * not thrown, so the action that caused the message still completes.
 */
export class Notifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly conversations: ConversationRepository,
    private readonly logger: Logger,
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

  /** Sends the card `build` makes to someone reached before; needs no storage. */
  async send(addressee: Addressee | undefined, build: CardBuilder): Promise<Delivery> {
    if (!addressee) return { delivered: false, failure: 'neverOpened' };
    const { aadObjectId, reference, locale } = addressee;
    const userId = (reference as { user?: { id?: string } }).user?.id;
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

/** The line telling the sender that `name` was not told, and why; "" when the message arrived. */
export function undeliveredLine(t: Translate, delivery: Delivery, name: string): string {
  if (delivery.delivered) return '';
  return t(delivery.failure === 'failed' ? 'notify.undelivered.failed' : 'notify.undelivered.neverOpened', { name });
}
