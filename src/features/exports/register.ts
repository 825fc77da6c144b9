import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import type { AdaptiveCard } from '../../cards/renderCard';
import { EXPORT_ID } from '../../exporting/preparedExport';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import type { MessageRouter } from '../messageRouter';
import { sendCard } from '../turn';
import { VERBS } from '../verbs';
import { askingInPersonalChat, hrOnly } from '../whoAsks';
import type { CardLocation } from './cardUpdates';
import type { ExportsDeps } from './deps';
import { EXPORT_INTENTS } from './intents';
import type { Who } from '../applications/who';
import { ExportsFlow, type ConsentChat, type UploadInfo } from './exportsFlow';

/** Teams' attachment that shows a file saved in OneDrive. */
const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

/** A file consent answer as Teams sends it: the context the consent card carried. */
const CONSENT_ANSWER = z.object({ context: z.object({ exportId: EXPORT_ID }) });
/** An acceptance's upload session in the user's OneDrive, and the file it will be. */
const UPLOAD_INFO = z.object({ uploadUrl: z.url(), contentUrl: z.string(), name: z.string().min(1), uniqueId: z.string(), fileType: z.string() });

/**
 * HR's CSV exports: applications of a fiscal year, the latest self-assessments, the broadcasts, a broadcast's report;
 * and Teams' file consent answers that hand a ready file over. Every action is HR's alone.
 */
export function registerExportsFeature(
  app: TeamsApplication<TurnState>,
  router: MessageRouter,
  catalog: FrameworkCatalog,
  deps: ExportsDeps,
): void {
  const flow = new ExportsFlow(deps);
  // The files hold personal data: not for a channel.
  const asHr = hrOnly(askingInPersonalChat(catalog, deps.roster, { title: 'export.title', body: 'export.personalOnly' }), deps.logger);

  router.on(EXPORT_INTENTS.exports, (context) => asHr(context, 'exports', (who) => flow.home(who)));
  onAction(app, VERBS.hrExports, (context) => asHr(context, 'exports', (who) => flow.home(who)));
  onAction(app, VERBS.hrExportStart, (context, { kind, exportYear }) =>
    asHr(context, 'export.start', (who) => flow.start(who, { kind, fiscalYear: exportYear }, (card) => postCard(context, card))),
  );
  onAction(app, VERBS.hrBroadcastExport, (context, { broadcastId }) =>
    asHr(context, 'export.start', (who) => flow.start(who, { kind: 'broadcastReport', broadcastId }, (card) => postCard(context, card))),
  );
  onAction(app, VERBS.hrExportStatus, (context, { exportId }) =>
    asHr(context, 'export.status', (who) => flow.status(who, exportId, locationOf(context))),
  );

  // A consent answer is the requester's, checked like a click; the consent card goes either way, its question answered.
  const answerConsent = async (context: TurnContext, handle: (who: Who, exportId: string, chat: ConsentChat) => Promise<void>): Promise<void> => {
    const answer = CONSENT_ANSWER.safeParse(context.activity.value);
    if (!answer.success) {
      deps.logger.warn('file consent answer refused', { reason: 'not a consent card of the bot' });
      return;
    }
    const chat = consentChat(context);
    const refusal = await asHr(context, 'export.consent', (who) => handle(who, answer.data.context.exportId, chat));
    if (refusal) await chat.send(refusal);
    if (context.activity.replyToId) await context.deleteActivity(context.activity.replyToId);
  };
  app.fileConsentAccept((context) =>
    answerConsent(context, async (who, exportId, chat) => {
      const upload = UPLOAD_INFO.safeParse((context.activity.value as { uploadInfo?: unknown }).uploadInfo);
      if (upload.success) return flow.accept(who, exportId, upload.data, chat);
      deps.logger.warn('file consent answer refused', { reason: 'no upload session', by: who.aadObjectId });
      await chat.send(flow.uploadFailed(who, exportId));
    }),
  );
  app.fileConsentDecline((context) => answerConsent(context, (who, exportId, chat) => flow.decline(who, exportId, chat)));
}

/** What a consent answer does in the chat it came from, through the turn. */
function consentChat(context: TurnContext): ConsentChat {
  return {
    async showFile(upload: UploadInfo) {
      await context.sendActivity({
        type: 'message',
        attachments: [
          { contentType: FILE_INFO_CARD, contentUrl: upload.contentUrl, name: upload.name, content: { uniqueId: upload.uniqueId, fileType: upload.fileType } },
        ],
      });
    },
    async updateCard(activityId: string, card: AdaptiveCard) {
      await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: activityId });
    },
    send: (card: AdaptiveCard) => sendCard(context, card),
  };
}

/** The conversation of the turn: where a new card for it goes. */
function locationOf(context: TurnContext): CardLocation {
  return { reference: TurnContext.getConversationReference(context.activity) };
}

/** Sends a card as a new message in the conversation of the turn, and says where it is so it can be updated. */
async function postCard(context: TurnContext, card: AdaptiveCard): Promise<CardLocation> {
  const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return { ...locationOf(context), activityId: sent?.id };
}
