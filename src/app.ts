import type { TurnState } from '@microsoft/teams-ai';
// From their own modules, not the package's index: the index also loads teams-ai's AI side (an OpenAI client, GPT
// tokenizers' tables), which DX Navi does not use, and which cost every instance some 25 MB and a slower start.
import { Application } from '@microsoft/teams-ai/lib/Application';
import { BotAdapter } from './botAdapter';
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { BotConnectorTransport } from './broadcast/channelTransport';
import { findRecipients } from './broadcast/recipients';
import { Pacer } from './broadcast/rateLimiter';
import { BroadcastSender, type SenderOptions } from './broadcast/sender';
import type { Config } from './config';
import { Downloads } from './exporting/downloads';
import { ExportPreparer } from './exporting/exportPreparer';
import { answerClickWith, isActionExecute, logRefusedActionsTo, onUnknownAction } from './features/actions';
import { registerApplicationsFeature } from './features/applications/register';
import { registerAppointmentFeature } from './features/appointment/register';
import { remindPendingApprovals } from './features/applications/reminders';
import { registerAssessmentFeature } from './features/assessment/register';
import { registerBroadcastFeature } from './features/broadcast/register';
import { broadcastStatusCard } from './features/broadcast/views/statusCard';
import { MessageRouter } from './features/messageRouter';
import { Notifier, type InTurnWaits } from './features/notifier';
import { Outbox } from './features/outbox/outbox';
import { applicationRedrafters } from './features/applications/letters';
import { appointmentRedrafters } from './features/appointment/letters';
import { evaluationRedrafters } from './features/evaluation/letters';
import { registerConversationsFeature } from './features/conversations/register';
import { registerEvaluationFeature } from './features/evaluation/register';
import { CardUpdater } from './features/exports/cardUpdates';
import { LinkHandover, TeamsFileHandover } from './features/exports/handover';
import { registerExportsFeature } from './features/exports/register';
import { registerFrameworkFeature } from './features/framework/register';
import { ApprovalCounts } from './features/applications/waitingForApproval';
import { registerHrMenuFeature } from './features/hrMenu/register';
import { registerInsightFeature } from './features/insight/register';
import { catalogNotice } from './features/notices';
import { registerTeamFeature } from './features/team/register';
import { registerTrainingFeature } from './features/training/register';
import { refuseOtherTenants } from './features/tenantGuard';
import { pinLanguage, translatorFor } from './features/turn';
import { resolveLocale, translator } from './i18n';
import type { Logger } from './logger';
import type { FrameworkCatalog } from './storage/frameworkCatalog';
import type { Repositories } from './storage/repositories';
import type { WorkQueue } from './storage/workQueue';
import { isStorageUnavailable } from './storage/storageErrors';

/** What the application needs from the outside world. */
export interface AppDependencies {
  readonly bot: Config['bot'];
  readonly language: Config['language'];
  /** The city's Microsoft 365 tenant; activities from any other are refused (unset in local runs: any is served). */
  readonly allowedTenantId?: string;
  /** How ready exports reach their requester: Teams' file consent, or (local runs) a one-time link. */
  readonly fileDelivery: Config['fileDelivery'];
  readonly repositories: Repositories;
  readonly catalog: FrameworkCatalog;
  /** How long what a turn reads of shared data may be reused (see RECHECK_MS in the runtime). */
  readonly recheckMs: number;
  readonly logger: Logger;
  /** Where a browser on this machine reaches the bot, for download links (a function: the port is known only once listening). */
  readonly publicUrl: () => string;
  /** Where the broadcast sender takes its work from. */
  readonly workQueue: WorkQueue;
  /** Timings of the broadcast sender (tests shorten them). */
  readonly senderOptions?: SenderOptions;
  /** Paces every proactive request to Teams, the broadcast's and the notices' (a test may hold it; default: Teams' budget). */
  readonly pacer?: Pacer;
  /**
   * How long an action waits for the notification it causes before answering anyway (default: a few seconds, well
   * inside the time Teams gives an invoke, when the answer tells how it went; not at all when it does not). Tests that
   * are not about a slow Teams lengthen both, so a busy machine cannot turn "sent" into "still being sent".
   */
  readonly notifyWaits?: InTurnWaits;
}

/** The bot: a teams-ai Application with every feature registered, the adapter that carries its turns, and its jobs. */
export interface Bot {
  readonly app: Application<TurnState>;
  readonly adapter: BotAdapter;
  /** The files behind the download links in cards. */
  readonly downloads: Downloads;
  /** Sends confirmed broadcasts; runs in every instance, sends in the one holding the lease. Started by the runtime. */
  readonly sender: BroadcastSender;
  /** Prepares HR's CSV exports in the background; stopped by the runtime. */
  readonly exports: ExportPreparer;
  /** Deletes the exports and download links whose time is up (the runtime runs it on a timer). */
  deleteExpiredFiles(): Promise<void>;
  /** Reminds approvers of applications waiting too long; returns how many reminders went out. */
  remindApprovers(afterDays: number): Promise<number>;
  /** Proactive messages to people; a graceful stop lets the sends that outlived their action end. */
  readonly notifier: Notifier;
  /** Notices kept for people who could not be reached; a graceful stop lets the deliveries under way end. */
  readonly outbox: Outbox;
}

/** Builds the bot. Does no I/O. */
export function createApp(deps: AppDependencies): Bot {
  const adapter = new BotAdapter({
    MicrosoftAppId: deps.bot.id,
    MicrosoftAppPassword: deps.bot.password,
    MicrosoftAppType: deps.bot.type,
    MicrosoftAppTenantId: deps.bot.tenantId,
  });
  // No typing timer: it is shared by all turns of an Application and would send extra activities to Teams.
  const app = new Application<TurnState>({ adapter, startTypingTimer: false, removeRecipientMention: true });
  logRefusedActionsTo(app, deps.logger);

  if (deps.allowedTenantId) refuseOtherTenants(app, deps.allowedTenantId, deps.logger);
  const { language } = deps;
  const now = (): Date => new Date();
  const { repositories } = deps;
  // One pacer for every request the bot makes to Teams on its own: a broadcast and the notices sent meanwhile share
  // Teams' 50 a second, and notices sent in a burst (HR moving many candidates at once) keep to it too.
  const pacer = deps.pacer ?? new Pacer();
  const notifier = new Notifier(
    { adapter, botAppId: deps.bot.id ?? '', conversations: repositories.conversations, outbox: repositories.outbox, pacer, logger: deps.logger, now },
    deps.notifyWaits,
  );
  const outbox = new Outbox(
    { outbox: repositories.outbox, catalog: deps.catalog, notifier, logger: deps.logger },
    { ...applicationRedrafters(repositories.applications), ...evaluationRedrafters(repositories.evaluations), ...appointmentRedrafters },
  );
  if (language !== 'auto') {
    app.turn('beforeTurn', (context) => {
      pinLanguage(context, language);
      return Promise.resolve(true);
    });
  }
  // Every feature declares the intents it serves on the router, which alone turns messages into actions.
  const router = new MessageRouter();
  registerConversationsFeature(app, { ...repositories, reachable: (aadObjectId) => outbox.deliverWaiting(aadObjectId) }, deps.catalog);
  registerAssessmentFeature(app, router, deps.catalog, {
    roster: deps.repositories.roster,
    assessments: deps.repositories.assessments,
    windows: deps.repositories.applicationWindows,
    summaries: deps.repositories.assessmentSummaries,
    trainingRecords: deps.repositories.trainingRecords,
    trainingSessions: deps.repositories.trainingSessions,
    now,
  });
  const applicationDeps = {
    roster: deps.repositories.roster,
    applications: deps.repositories.applications,
    windows: deps.repositories.applicationWindows,
    assessments: deps.repositories.assessments,
    certifications: deps.repositories.certifications,
    trainingRecords: repositories.trainingRecords,
    notifier,
    outbox: repositories.outbox,
    logger: deps.logger,
    now,
  };
  registerApplicationsFeature(app, router, deps.catalog, applicationDeps);
  registerBroadcastFeature(app, router, deps.catalog, {
    roster: deps.repositories.roster,
    applications: deps.repositories.applications,
    conversations: deps.repositories.conversations,
    windows: deps.repositories.applicationWindows,
    broadcasts: deps.repositories.broadcasts,
    trainingRecords: deps.repositories.trainingRecords,
    wakeSender: () => sender.wake(),
    logger: deps.logger,
    now,
  });
  registerAppointmentFeature(app, router, deps.catalog, {
    roster: deps.repositories.roster,
    certifications: deps.repositories.certifications,
    notifier,
    logger: deps.logger,
    now,
  });
  registerEvaluationFeature(app, router, deps.catalog, {
    roster: deps.repositories.roster,
    evaluations: deps.repositories.evaluations,
    certifications: deps.repositories.certifications,
    conversations: deps.repositories.conversations,
    notifier,
    logger: deps.logger,
    now,
  });
  registerInsightFeature(app, router, deps.catalog, { ...deps.repositories, logger: deps.logger, now });
  // One transport for every card updated from background work: the sender's progress cards and the exports'.
  const transport = new BotConnectorTransport(adapter, deps.bot.id ?? '');
  const exports = new ExportPreparer({ exports: deps.repositories.exportChunks, logger: deps.logger, now });
  const cards = new CardUpdater(transport, pacer, deps.logger);
  registerExportsFeature(app, router, deps.catalog, {
    roster: deps.repositories.roster,
    applications: deps.repositories.applications,
    summaries: deps.repositories.assessmentSummaries,
    broadcasts: deps.repositories.broadcasts,
    deliveries: deps.repositories.deliveries,
    trainingRecords: deps.repositories.trainingRecords,
    exports: deps.repositories.exportChunks,
    preparer: exports,
    cards,
    handover:
      deps.fileDelivery === 'teams'
        ? new TeamsFileHandover(cards)
        : new LinkHandover({ links: deps.repositories.exportLinks, publicUrl: deps.publicUrl, now }),
    logger: deps.logger,
    now,
  });
  // One count of what waits for an approver, kept between turns, for the menu and the team view alike.
  const approvalCounts = new ApprovalCounts(repositories.applications, deps.recheckMs, now);
  const pendingApprovals = (frameworkId: string, approverId: string): Promise<number> => approvalCounts.count(frameworkId, approverId);
  registerTeamFeature(app, router, deps.catalog, {
    roster: repositories.roster,
    summaries: repositories.assessmentSummaries,
    pendingApprovals,
    logger: deps.logger,
  });
  registerTrainingFeature(app, router, deps.catalog, {
    roster: repositories.roster,
    trainingRecords: repositories.trainingRecords,
    trainingSessions: repositories.trainingSessions,
    summaries: repositories.assessmentSummaries,
    applications: repositories.applications,
    now,
  });
  registerHrMenuFeature(app, router, deps.catalog, { roster: deps.repositories.roster, logger: deps.logger });
  registerFrameworkFeature(app, router, deps.catalog, {
    roster: repositories.roster,
    pendingApprovals,
  });
  router.listen(app, deps.catalog);
  onUnknownAction(app);

  app.error(async (context, error) => {
    deps.logger.error('turn failed', {
      activityType: context.activity.type,
      activityName: context.activity.name,
      conversationId: context.activity.conversation?.id,
      error,
    });
    await apologize(context, error).catch((sendError: unknown) =>
      deps.logger.error('could not tell the user about the failure', { error: sendError }),
    );
  });
  const remindApprovers = async (afterDays: number): Promise<number> => {
    const active = await deps.catalog.current();
    return active ? remindPendingApprovals(applicationDeps, active.framework, afterDays) : 0;
  };
  const downloads = new Downloads({ links: deps.repositories.exportLinks, exports: deps.repositories.exportChunks, logger: deps.logger, now });
  const deleteExpiredFiles = async (): Promise<void> => {
    await exports.deleteExpired();
    await deps.repositories.exportLinks.deleteExpired(now());
  };
  const sender = new BroadcastSender(
    {
      ...deps.repositories,
      queue: deps.workQueue,
      findRecipients: (frameworkId, audience) => findRecipients(deps.repositories, frameworkId, audience),
      listReachable: () => deps.repositories.conversations.listUsers(),
      transport,
      pacer,
      statusCard: (broadcast) => {
        const locale = resolveLocale(broadcast.progressCard?.locale);
        return broadcastStatusCard(broadcast, translator(locale), locale, now());
      },
      logger: deps.logger,
    },
    deps.senderOptions,
  );
  return { app, adapter, downloads, sender, exports, deleteExpiredFiles, remindApprovers, notifier, outbox };
}

/** Tells the user, in their language, that this did not work: as the invoke's card, or as a message. */
async function apologize(context: TurnContext, error: unknown): Promise<void> {
  const t = translatorFor(context);
  const card = isStorageUnavailable(error)
    ? catalogNotice(t, 'error.storage.title', 'error.storage.body', {}, 'attention')
    : catalogNotice(t, 'error.unexpected.title', 'error.unexpected.body', {}, 'attention');
  if (isActionExecute(context.activity)) {
    await answerClickWith(context, card);
  } else if (context.activity.type === 'message') {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }
}
