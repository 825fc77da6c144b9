import type { CloudAdapter } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { AdaptiveCard } from '../cards/renderCard';
import { resolveLocale, translator, type Locale, type Translate } from '../i18n';
import type { Logger } from '../logger';
import type { ConversationRepository } from '../storage/conversationRepository';

/** How a proactive message went. */
export interface Delivery {
  readonly delivered: boolean;
  /** The Teams user id (MRI) of the recipient, as their conversation reference knows it. */
  readonly userId?: string;
}

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

  /** Sends the card `build` makes for the recipient (their language, their Teams user id for Universal Actions). */
  async sendToUser(
    aadObjectId: string,
    build: (t: Translate, locale: Locale, teamsUserId: string | undefined) => AdaptiveCard,
  ): Promise<Delivery> {
    const record = await this.conversations.find('user', aadObjectId);
    if (!record) return { delivered: false };
    const locale = resolveLocale(record.locale);
    const userId = (record.reference as { user?: { id?: string } }).user?.id;
    const card = build(translator(locale), locale, userId);
    let delivered = false;
    try {
      // The adapter's error handler swallows failures inside the callback, so the outcome is captured here.
      await this.adapter.continueConversationAsync(this.botAppId, record.reference, async (context) => {
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
    return { delivered, userId };
  }
}
