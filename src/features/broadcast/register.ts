import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import type { ProgressCardLocation } from '../../domain/broadcast/broadcast';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { answerBelow, onAction } from '../actions';
import type { MessageRouter } from '../messageRouter';
import { sendCard } from '../turn';
import { VERBS } from '../verbs';
import { askingInPersonalChat, hrOnly } from '../whoAsks';
import { ComposeFlow } from './composeFlow';
import type { BroadcastDeps } from './deps';
import { BROADCAST_INTENTS } from './intents';
import { SendFlow } from './sendFlow';
import { StatusFlow } from './statusFlow';

/**
 * HR's broadcasts: write a notice, preview it, choose the recipients, confirm, follow the progress card, stop, send
 * again, download the results. Every action is HR's alone.
 */
export function registerBroadcastFeature(
  app: TeamsApplication<TurnState>,
  router: MessageRouter,
  catalog: FrameworkCatalog,
  deps: BroadcastDeps,
): void {
  const compose = new ComposeFlow(deps);
  const send = new SendFlow(deps);
  const status = new StatusFlow(deps);
  // Drafts and figures are not for a channel.
  const asHr = hrOnly(askingInPersonalChat(catalog, deps.roster, { title: 'broadcast.title', body: 'broadcast.personalOnly' }), deps.logger);

  router.on(BROADCAST_INTENTS.broadcasts, (context) => asHr(context, 'broadcasts', (who) => compose.list(who)));
  onAction(app, VERBS.hrBroadcasts, (context) => asHr(context, 'broadcasts', (who) => compose.list(who)));
  // Writing, previewing and choosing the recipients each answer as the newest message, where HR is reading (the
  // preview alone can be a screen high): the card clicked stays as it was.
  onAction(app, VERBS.hrBroadcastCompose, (context, { broadcastId }) =>
    asHr(context, 'broadcast.compose', async (who) => answerBelow(context, await compose.compose(who, broadcastId))),
  );
  onAction(app, VERBS.hrBroadcastPreview, (context, { broadcastId, ...form }) =>
    asHr(context, 'broadcast.preview', async (who) =>
      answerBelow(context, await compose.preview(who, broadcastId, form, (card) => sendCard(context, card))),
    ),
  );
  onAction(app, VERBS.hrBroadcastAudience, (context, { broadcastId }) =>
    asHr(context, 'broadcast.audience', async (who) => answerBelow(context, await send.audience(who, broadcastId))),
  );
  onAction(app, VERBS.hrBroadcastReview, (context, { broadcastId, ...form }) =>
    asHr(context, 'broadcast.review', (who) => send.review(who, broadcastId, form)),
  );
  onAction(app, VERBS.hrBroadcastConfirm, (context, { broadcastId, reviewed }) =>
    asHr(context, 'broadcast.confirm', (who) => send.confirm(who, broadcastId, reviewed, progressCardOf(context, who.locale))),
  );
  onAction(app, VERBS.hrBroadcastStatus, (context, { broadcastId }) =>
    asHr(context, 'broadcast.status', (who) => status.status(who, broadcastId)),
  );
  onAction(app, VERBS.hrBroadcastCancel, (context, { broadcastId, confirmed }) =>
    asHr(context, 'broadcast.cancel', (who) => status.cancel(who, broadcastId, confirmed === true)),
  );
  onAction(app, VERBS.hrBroadcastRetry, (context, { broadcastId, confirmed }) =>
    asHr(context, 'broadcast.retry', (who) => status.retry(who, broadcastId, confirmed === true, progressCardOf(context, who.locale))),
  );
}

/** The card an action was clicked on, so the sender can update it in place while it sends; none without one. */
function progressCardOf(context: TurnContext, locale: string): ProgressCardLocation | undefined {
  const activityId = context.activity.replyToId;
  return activityId ? { reference: TurnContext.getConversationReference(context.activity), activityId, locale } : undefined;
}
