import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/renderCard';
import type { Logger } from '../logger';
import { catalogNotice } from './notices';
import { sendCard, translatorFor } from './turn';
import { PAYLOADS, type Payload, type Verb } from './verbs';

/** Where each application logs refused payloads (forged or stale cards are worth knowing about). */
const loggers = new WeakMap<Application<TurnState>, Logger>();

/** Tells `onAction` where to log payloads it refuses for this application. */
export function logRefusedActionsTo(app: Application<TurnState>, logger: Logger): void {
  loggers.set(app, logger);
}

/**
 * Handles one verb with its payload already validated; returns the card that replaces the clicked one, or a short
 * message Teams shows briefly while the clicked card stays as it was (see `answerBelow`).
 */
export type ActionHandler<V extends Verb> = (context: TurnContext, payload: Payload<V>) => Promise<AdaptiveCard | string>;

/** True for an Adaptive Card Action.Execute invoke (whatever its verb). */
export function isActionExecute(activity: Partial<Activity>): boolean {
  const value = activity.value as { action?: { type?: string } } | undefined;
  return activity.type === 'invoke' && activity.name === 'adaptiveCard/action' && value?.action?.type === 'Action.Execute';
}

/**
 * Registers a verb. Card data is untrusted: a payload that does not parse gets a card saying so in the
 * user's language, and the handler never runs.
 */
export function onAction<V extends Verb>(app: Application<TurnState>, verb: V, handler: ActionHandler<V>): void {
  const verbs = verbsOf(app);
  if (verbs.has(verb)) throw new Error(`the verb ${verb} is registered twice`);
  verbs.set(verb, async (context, data) => {
    const parsed = PAYLOADS[verb].safeParse(data);
    if (!parsed.success) {
      loggers.get(app)?.warn('refused an invalid card payload', {
        verb,
        by: context.activity.from?.aadObjectId ?? context.activity.from?.id,
        problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
      return catalogNotice(translatorFor(context), 'error.invalidAction.title', 'error.invalidAction.body');
    }
    return handler(context, parsed.data as Payload<V>);
  });
}

type VerbHandler = (context: TurnContext, data: unknown) => Promise<AdaptiveCard | string>;

/** The verbs each application handles, by name. */
const registeredVerbs = new WeakMap<Application<TurnState>, Map<string, VerbHandler>>();

/**
 * The application's verbs, behind one route that finds a click's handler by its verb. teams-ai tries an application's
 * routes one after another, awaiting each one's selector: with a route per verb, a click on one registered late waited
 * for some seventy selectors first.
 */
function verbsOf(app: Application<TurnState>): Map<string, VerbHandler> {
  const known = registeredVerbs.get(app);
  if (known) return known;
  const verbs = new Map<string, VerbHandler>();
  registeredVerbs.set(app, verbs);
  app.adaptiveCards.actionExecute(
    (context) => Promise.resolve(isActionExecute(context.activity) && verbs.has(verbOf(context.activity))),
    async (context, _state, data) => {
      const answer = await verbs.get(verbOf(context.activity))!(context, data);
      if (typeof answer !== 'string' && answer.refresh) await replaceForAll(context, answer);
      return answer;
    },
  );
  return verbs;
}

/**
 * A card with `refresh` (the approval card, which shows each viewer their own version) replaces the clicked message for
 * everyone, then answers the click, as teams-ai does for such a card. Done here because teams-ai keeps that choice
 * for every later click on the route, and all verbs share one: teams-ai sends nothing more once the click is answered.
 */
async function replaceForAll(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: context.activity.replyToId });
  await answerClickWith(context, card);
}

/** Answers an Action.Execute with `card`, which takes the clicked card's place for whoever clicked. */
export async function answerClickWith(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    // The type is teams-ai's AdaptiveCardInvokeResponseType.ADAPTIVE.
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
}

function verbOf(activity: Partial<Activity>): string {
  const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' ? verb : '';
}

/**
 * Sends the answer as a new message and keeps the clicked card: a notice the employee will want to read again must not
 * turn into a form. Returns the short message that answers the click.
 */
export async function answerBelow(context: TurnContext, answer: AdaptiveCard | string): Promise<string> {
  const t = translatorFor(context);
  if (typeof answer === 'string') return answer;
  await sendCard(context, answer);
  return t('common.answeredBelow');
}

/**
 * Answers any verb nobody registered (an old card, a crafted request) with a card instead of an HTTP 501.
 * Must be registered after every other action.
 */
export function onUnknownAction(app: Application<TurnState>): void {
  verbsOf(app); // the route of the known verbs comes first, even in an application that has none yet
  app.adaptiveCards.actionExecute(
    (context) => Promise.resolve(isActionExecute(context.activity)),
    (context) => {
      const action = (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action;
      loggers.get(app)?.warn('refused an unknown verb', { verb: String(action?.verb), by: context.activity.from?.aadObjectId });
      return Promise.resolve(catalogNotice(translatorFor(context), 'error.invalidAction.title', 'error.unknownAction.body'));
    },
  );
}
