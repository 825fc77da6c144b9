import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/renderCard';
import type { Framework } from '../domain/framework/framework';
import type { Translate } from '../i18n';
import type { FrameworkCatalog } from '../storage/frameworkCatalog';
import { activeFrameworkOf } from './activeFramework';
import { APPLICATIONS_INTENTS } from './applications/intents';
import { ASSESSMENT_INTENTS } from './assessment/intents';
import { FRAMEWORK_INTENTS } from './framework/intents';
import { catalogNotice, noticeCard, type NoticeAction } from './notices';
import { sendCard, translatorFor } from './turn';
import { VERBS } from './verbs';
import type { Entities, IntentDeclaration, Recognition, Recognizer } from './understanding/intent';
import { PhraseRecognizer, SEARCH_INTENT } from './understanding/phraseRecognizer';

/** Longer messages are not questions to this bot; they get a polite limit instead of a search. */
export const MAX_MESSAGE_CHARS = 500;

/** How sure the best reading must be to act on it; below, the message is a question for the framework. */
const ACT_SCORE = 0.6;
/** Two readings this close are both plausible: the bot asks which was meant. */
const CLOSE_SCORES = 0.15;
/** How many likely things a search that found nothing offers. */
const OFFERS = 4;
/** What a message that matched nothing most likely wanted, after the readings it came near: what people come for. */
const LIKELY_INTENTS = [ASSESSMENT_INTENTS.open, APPLICATIONS_INTENTS.apply, FRAMEWORK_INTENTS.training, FRAMEWORK_INTENTS.ladder].map(
  (declaration) => declaration.intent,
);

/** A feature's answer to a message it serves; `offers` are the buttons a search that finds nothing shows. */
export type IntentHandler = (context: TurnContext, entities: Entities, offers: readonly NoticeAction[]) => Promise<AdaptiveCard>;

/** What the router makes of a message: act on one reading, ask between close ones, or look it up in the framework. */
export type Understanding =
  | { readonly kind: 'act'; readonly recognition: Recognition }
  | { readonly kind: 'ask'; readonly readings: readonly Recognition[] }
  | { readonly kind: 'search'; readonly readings: readonly Recognition[] };

/**
 * How a message becomes an action, in one place. Features declare the intents they serve with their phrases
 * (`on`); every message goes once through the recognizer, built from those declarations and the active framework's
 * tier names; the best reading is dispatched to its feature. When two readings are close the bot asks, with a
 * button for each; when none is sure the message goes to the framework search, which offers the likeliest actions
 * if it finds nothing either. Card buttons do not come here: they are Action.Execute verbs (see verbs.ts).
 */
export class MessageRouter {
  private readonly routes = new Map<string, { declaration: IntentDeclaration; handler: IntentHandler }>();
  private readonly recognizers = new WeakMap<Framework, Recognizer>();

  /** Serves an intent: `handler` answers the messages that say it. */
  on(declaration: IntentDeclaration, handler: IntentHandler): this {
    if (this.routes.has(declaration.intent)) throw new Error(`intent ${declaration.intent} is served twice`);
    this.routes.set(declaration.intent, { declaration, handler });
    return this;
  }

  /** What a message means under the active framework (undefined: none imported yet, so tiers are not known). */
  understand(text: string, framework: Framework | undefined): Understanding {
    const readings = this.recognizerFor(framework).recognize(text).filter((reading) => this.routes.has(reading.intent));
    const [best, second] = readings;
    if (!best || best.score < ACT_SCORE) return { kind: 'search', readings };
    if (second && second.score >= ACT_SCORE && best.score - second.score < CLOSE_SCORES && this.canAsk(best, second)) {
      return { kind: 'ask', readings: [best, second] };
    }
    return { kind: 'act', recognition: best };
  }

  /** The one message route of the application. Register after every feature has declared its intents. */
  listen(app: Application<TurnState>, catalog: FrameworkCatalog): void {
    if (!this.routes.has(SEARCH_INTENT)) throw new Error('no feature serves the framework search');
    app.activity(ActivityTypes.Message, async (context) => {
      await sendCard(context, await this.answer(context, catalog));
    });
  }

  private async answer(context: TurnContext, catalog: FrameworkCatalog): Promise<AdaptiveCard> {
    const t = translatorFor(context);
    const text = (context.activity.text ?? '').trim();
    if (text.length > MAX_MESSAGE_CHARS) return catalogNotice(t, 'error.tooLong.title', 'error.tooLong.body', { max: MAX_MESSAGE_CHARS });
    const understanding = this.understand(text, (await activeFrameworkOf(context, catalog))?.framework);
    switch (understanding.kind) {
      case 'act':
        return this.dispatch(context, understanding.recognition, []);
      case 'ask':
        return noticeCard(t, t('router.ask.title', { text: echo(text) }), t('router.ask.body'), 'default', [
          ...understanding.readings.map((reading) => this.buttonFor(reading, t)).filter((button) => button !== undefined),
          { title: t('router.ask.search'), verb: VERBS.search, data: { query: text.slice(0, 100) } },
        ]);
      case 'search':
        return this.dispatch(context, { intent: SEARCH_INTENT, entities: { query: text }, score: 0 }, this.offers(understanding.readings, t));
    }
  }

  private dispatch(context: TurnContext, recognition: Recognition, offers: readonly NoticeAction[]): Promise<AdaptiveCard> {
    return this.routes.get(recognition.intent)!.handler(context, recognition.entities, offers);
  }

  /** The likeliest actions: those the message came near first, then what people most often come for. */
  private offers(readings: readonly Recognition[], t: Translate): NoticeAction[] {
    const likely = [...readings, ...LIKELY_INTENTS.map((intent) => ({ intent, entities: {}, score: 0 }))];
    const offers: NoticeAction[] = [];
    for (const reading of likely) {
      const button = this.buttonFor(reading, t);
      if (button && !offers.some((offer) => offer.verb === button.verb)) offers.push(button);
    }
    return offers.slice(0, OFFERS);
  }

  private buttonFor(reading: Recognition, t: Translate): NoticeAction | undefined {
    const button = this.routes.get(reading.intent)?.declaration.button;
    return button && { title: t(button.title), verb: button.verb, data: button.data?.(reading.entities) ?? {} };
  }

  /** Whether asking between two readings makes sense: each has its own button, and they are not the same one. */
  private canAsk(a: Recognition, b: Recognition): boolean {
    const [first, second] = [a, b].map((reading) => this.routes.get(reading.intent)?.declaration.button?.verb);
    return first !== undefined && second !== undefined && first !== second;
  }

  private recognizerFor(framework: Framework | undefined): Recognizer {
    const declarations = [...this.routes.values()].map((route) => route.declaration);
    if (!framework) return new PhraseRecognizer(declarations, { tiers: [], appointedTierIds: [] });
    let recognizer = this.recognizers.get(framework);
    if (!recognizer) {
      recognizer = new PhraseRecognizer(declarations, {
        tiers: framework.document.tiers,
        appointedTierIds: framework.rules.appointment?.tiers ?? [],
      });
      this.recognizers.set(framework, recognizer);
    }
    return recognizer;
  }
}

/** How much of the user's text a card repeats back. */
const ECHO_CHARS = 40;

function echo(text: string): string {
  return text.length > ECHO_CHARS ? `${text.slice(0, ECHO_CHARS)}…` : text;
}
