import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { Pacer } from '../broadcast/rateLimiter';
import type { AdaptiveCard } from '../cards/renderCard';
import { resolveLocale, translator, type Locale, type Translate } from '../i18n';
import { within } from '../concurrency';
import type { Logger } from '../logger';
import type { Letter } from '../domain/outbox/letter';
import { isTrustedServiceUrl } from '../http/serviceUrls';
import { currentRequestContext } from '../requestContext';
import type { ConversationRepository } from '../storage/conversationRepository';
import type { OutboxRepository } from '../storage/outboxRepository';
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
  /** Not delivered, but kept: it reaches them when they next open the bot or write to it. */
  readonly kept?: boolean;
}

/** Someone to send to, and their personal chat with the bot if they ever opened it. */
export interface Recipient {
  readonly aadObjectId: string;
  readonly chat?: Addressee;
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
 * Inside a request, how long an action waits for its message before answering anyway.
 * - `told`: for a message whose outcome the answer tells (「上長に届けました」): Teams gives an invoke about 5 s, and
 *   botbuilder's retries through a Teams storm (backing off 1, 2, 4 s, or as long as Retry-After says) take longer.
 * - `untold`: for a message the answer does not speak of (an applicant's news after a decision): the person who acted
 *   need not wait for someone else's message, which goes on after the answer and is kept if it does not arrive.
 */
export interface InTurnWaits {
  readonly told: number;
  readonly untold: number;
}

const IN_TURN_WAITS: InTurnWaits = { told: 3_000, untold: 0 };

export interface NotifierDeps {
  readonly adapter: CloudAdapter;
  readonly botAppId: string;
  readonly conversations: ConversationRepository;
  readonly outbox: OutboxRepository;
  /** The process's one pacer of requests to Teams, which a broadcast running meanwhile takes its turns from too. */
  readonly pacer: Pacer;
  readonly logger: Logger;
  readonly now: () => Date;
}

/**
 * Sends cards to people's personal chats outside of a turn (a decision for the applicant, a request for the manager),
 * in the language their client last used. Someone who never opened the bot cannot be reached: that is reported,
 * not thrown, so the action that caused the message still completes; a message sent with its letter is then kept in
 * the outbox, and reaches them when they come (see Outbox).
 */
export class Notifier {
  /** Sends that outlived the action that started them, so that a graceful stop can let them end. */
  private readonly stillSending = new Set<Promise<Delivery>>();

  constructor(
    private readonly deps: NotifierDeps,
    private readonly inTurnWaits: InTurnWaits = IN_TURN_WAITS,
  ) {}

  /**
   * Sends the card `build` makes for the recipient (their language, their Teams user id for Universal Actions); when
   * it does not arrive, `letter` (what it is about) is kept for them. Storage failing while looking them up is "not
   * delivered" too: the action that caused the message has done its writes by then, and must not be reported as
   * failed because of its message.
   */
  async sendToUser(aadObjectId: string, build: CardBuilder, letter?: Letter, answer: keyof InTurnWaits = 'told'): Promise<Delivery> {
    let recipient: Recipient;
    try {
      recipient = await this.reach(aadObjectId);
    } catch (error) {
      if (!isStorageUnavailable(error)) throw error;
      this.deps.logger.warn('proactive message failed: storage unavailable', { aadObjectId, error });
      return { delivered: false, failure: 'failed' };
    }
    return this.send(recipient, build, letter, answer);
  }

  /**
   * Where and in which language someone can be reached (no chat if they never opened the bot). An action looks this
   * up before its deciding write when it must send afterwards, so that nothing after that write needs to read.
   */
  async reach(aadObjectId: string): Promise<Recipient> {
    const record = await this.deps.conversations.find('user', aadObjectId);
    return { aadObjectId, chat: record && { aadObjectId, reference: record.reference, locale: resolveLocale(record.locale) } };
  }

  /**
   * Sends the card `build` makes to someone reached before. Serving a request, it waits at most as long as
   * `inTurnWaits` says for a message whose outcome the answer tells (`told`, the default) or does not (`untold`), so
   * the person who acted gets their answer in time; background work waits for the outcome. What does not arrive is
   * kept as `letter`, when there is one.
   */
  async send(recipient: Recipient, build: CardBuilder, letter?: Letter, answer: keyof InTurnWaits = 'told'): Promise<Delivery> {
    const keepUnless = async (delivery: Delivery): Promise<Delivery> =>
      letter && missed(delivery) ? { ...delivery, kept: await this.keep(recipient.aadObjectId, letter) } : delivery;
    if (!recipient.chat) return keepUnless({ delivered: false, failure: 'neverOpened' });
    const addressee = recipient.chat;
    const sending = this.deliver(addressee, build).then(keepUnless);
    if (!currentRequestContext()) return sending;
    const outcome = await within(sending, this.inTurnWaits[answer]);
    if (outcome) return outcome;
    this.stillSending.add(sending);
    void sending.then((late) => {
      this.stillSending.delete(sending);
      this.deps.logger.info('proactive message ended after its action answered', { aadObjectId: addressee.aadObjectId, delivered: late.delivered, kept: late.kept });
    });
    return { delivered: false, failure: 'stillSending' };
  }

  /** Lets the sends still going on end, waiting at most `ms` (a graceful stop: nothing someone was promised is cut off). */
  async settle(ms: number): Promise<void> {
    if (this.stillSending.size === 0) return;
    await within(Promise.allSettled([...this.stillSending]), ms);
  }

  /**
   * Keeps a letter for someone who was not reached; true when kept. Storage failing is logged, not thrown: the
   * action that caused the message has done its writes.
   */
  private async keep(aadObjectId: string, letter: Letter): Promise<boolean> {
    try {
      await this.deps.outbox.keep(aadObjectId, letter, this.deps.now());
      return true;
    } catch (error) {
      if (!isStorageUnavailable(error)) throw error;
      this.deps.logger.warn('undelivered notice not kept: storage unavailable', { aadObjectId, kind: letter.kind, error });
      return false;
    }
  }

  /** One send and its outcome; failures are logged and reported, never thrown. */
  private async deliver(addressee: Addressee, build: CardBuilder): Promise<Delivery> {
    const { aadObjectId, reference, locale } = addressee;
    const userId = (reference as { user?: { id?: string } }).user?.id;
    const { botAppId, pacer } = this.deps;
    if (!isTrustedServiceUrl(reference.serviceUrl, botAppId !== '')) {
      // Stored data naming another host: the bot's token goes to Teams only.
      this.deps.logger.warn('proactive message refused: not a Teams service URL', { aadObjectId });
      return { delivered: false, failure: 'failed', userId };
    }
    const card = build(translator(locale), locale, userId);
    // Its slot is held until the answer is back (or botbuilder gave up retrying), as a broadcast's sends hold theirs;
    // someone waits for it, so it takes the next free slot rather than queue behind a broadcast's sends.
    const delivered = await pacer.promptly(() => this.post(addressee, card), reference.conversation?.id);
    return delivered ? { delivered, userId } : { delivered, failure: 'failed', userId };
  }

  /** Posts the card in the addressee's chat; true when Teams took it. A failure is logged, never thrown. */
  private async post({ aadObjectId, reference }: Addressee, card: AdaptiveCard): Promise<boolean> {
    let delivered = false;
    try {
      // The adapter's error handler swallows failures inside the callback, so the outcome is captured here.
      await this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference, async (context) => {
        try {
          await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
          delivered = true;
        } catch (error) {
          this.deps.logger.warn('proactive message failed', { aadObjectId, error });
        }
      });
    } catch (error) {
      this.deps.logger.warn('proactive message failed', { aadObjectId, error });
    }
    return delivered;
  }
}

/** The line telling the sender that `name` was not told (or not yet), and why; "" when the message arrived. */
export function undeliveredLine(t: Translate, delivery: Delivery, name: string): string {
  if (delivery.delivered) return '';
  const failure = delivery.failure ?? 'failed';
  if (delivery.kept && failure !== 'stillSending') return t(`notify.kept.${failure}`, { name });
  return t(`notify.undelivered.${failure}`, { name });
}
