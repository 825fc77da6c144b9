import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import { normalizeChatText } from '../chatText';
import { sendCard } from '../turn';
import { VERBS } from '../verbs';
import { askingInPersonalChat, hrOnly } from '../whoAsks';
import type { CardLocation } from './cardUpdates';
import type { ExportsDeps } from './deps';
import { ExportsFlow } from './exportsFlow';

/** Chat words that open HR's exports. */
const EXPORT_WORDS = /^(?:エクスポート|CSV|CSV出力|CSVエクスポート|データ出力|exports?|csv export)$/i;

/** True for a chat message asking for the exports. */
export function isExportCommand(text: string | undefined): boolean {
  return EXPORT_WORDS.test(normalizeChatText(text));
}

/**
 * HR's CSV exports: applications of a fiscal year, the latest self-assessments, the broadcasts. Every action is HR's
 * alone. Register before the framework's catch-all message route.
 */
export function registerExportsFeature(app: TeamsApplication<TurnState>, catalog: FrameworkCatalog, deps: ExportsDeps): void {
  const flow = new ExportsFlow(deps);
  // The files hold personal data: not for a channel.
  const asHr = hrOnly(askingInPersonalChat(catalog, deps.roster, { title: 'export.title', body: 'export.personalOnly' }), deps.logger);

  app.message(
    (context) => Promise.resolve(isExportCommand(context.activity.text)),
    async (context) => sendCard(context, await asHr(context, 'exports', (who) => flow.home(who))),
  );
  onAction(app, VERBS.hrExports, (context) => asHr(context, 'exports', (who) => flow.home(who)));
  onAction(app, VERBS.hrExportStart, (context, { kind, exportYear }) =>
    asHr(context, 'export.start', (who) => flow.start(who, { kind, fiscalYear: exportYear }, (card) => postCard(context, card))),
  );
  onAction(app, VERBS.hrExportStatus, (context, { exportId }) => asHr(context, 'export.status', (who) => flow.status(who, exportId)));
}

/** Sends a card as a new message in the conversation of the turn, and says where it is so it can be updated. */
async function postCard(context: TurnContext, card: AdaptiveCard): Promise<CardLocation> {
  const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return { reference: TurnContext.getConversationReference(context.activity), activityId: sent?.id };
}
