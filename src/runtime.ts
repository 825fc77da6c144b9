import { createApp } from './app';
import type { SenderOptions } from './broadcast/sender';
import type { Pacer } from './broadcast/rateLimiter';
import type { Config } from './config';
import type { InTurnWaits } from './features/notifier';
import type { Logger } from './logger';
import { startServer, type RunningServer } from './server';
import { FrameworkCatalog } from './storage/frameworkCatalog';
import type { RosterRepository } from './storage/rosterRepository';
import { isStorageUnavailable } from './storage/storageErrors';
import { createRepositories, createWorkQueue, type Repositories } from './storage/repositories';
import { createTableStorage, type TableStorage } from './storage/tableStorage';

/**
 * A new import of the framework or the roster reaches every instance within this time, without a restart; what a turn
 * reads of them in between comes from memory (and so does an approver's count of waiting applications).
 */
const RECHECK_MS = 5_000;
/** While storage is unreachable at start-up, how often to try creating the tables again. */
const TABLES_RETRY_MS = 5_000;
/** How often pending approvals are looked at for reminders (each is reminded at most once per APPROVAL_REMINDER_DAYS). */
const REMINDER_CHECK_MS = 60 * 60 * 1000;
/** How often exports and download links whose time is up are looked for and deleted. */
const EXPORT_SWEEP_MS = 60 * 1000;
/** On a graceful stop, how long messages Teams was slow with may still take: botbuilder's retries back off 1 + 2 + 4 s. */
const NOTIFICATIONS_SETTLE_MS = 8_000;

/** The bot as a running service. */
export interface RunningBot {
  readonly server: RunningServer;
  readonly repositories: Repositories;
  /** Where a browser on this machine reaches the bot (download links in local runs). */
  readonly publicUrl: () => string;
  /** Sends the approval reminders that are due now (also run every hour while the bot runs). */
  remindApprovers(): Promise<number>;
  stop(): Promise<void>;
}

/** Where the tables are, from the configuration. */
export function tableStorageFor(config: Config): TableStorage {
  return createTableStorage(
    config.storageConnectionString
      ? { connectionString: config.storageConnectionString }
      : { accountName: config.storageAccountName! },
  );
}

/**
 * Starts the bot: storage, repositories, the application and its HTTP server.
 * The server starts even when storage is down (users get a friendly "try again" card meanwhile);
 * the tables are created as soon as storage answers.
 */
export async function startBot(
  config: Config,
  logger: Logger,
  options: {
    host?: string;
    /** See RECHECK_MS (tests that change data behind the bot's back set 0: look every time). */
    recheckMs?: number;
    senderOptions?: SenderOptions;
    /** See AppDependencies.pacer. */
    pacer?: Pacer;
    /** Whether this instance runs the broadcast sender: every instance does, unless a test that never broadcasts says not. */
    broadcastSender?: boolean;
    /** See AppDependencies.notifyWaits. */
    notifyWaits?: InTurnWaits;
    /** How often expired exports are looked for (tests shorten it). */
    exportSweepMs?: number;
  } = {},
): Promise<RunningBot> {
  const storage = tableStorageFor(config);
  const recheckMs = options.recheckMs ?? RECHECK_MS;
  const repositories = createRepositories(storage, { recheckMs, now: Date.now });
  const catalog = new FrameworkCatalog(repositories.frameworks, config.frameworkId, recheckMs);
  // A function, because the port is known only once the server listens (PORT=0 asks the OS for one).
  const publicUrl = (): string => localUrl(options.host ?? config.listenHost ?? '127.0.0.1', server.port);
  const bot = createApp({
    bot: config.bot,
    language: config.language,
    allowedTenantId: config.allowedTenantId,
    fileDelivery: config.fileDelivery,
    repositories,
    catalog,
    recheckMs,
    logger,
    publicUrl,
    workQueue: createWorkQueue(storage, logger),
    senderOptions: { instanceId: config.instanceId, ...options.senderOptions },
    notifyWaits: options.notifyWaits,
    pacer: options.pacer,
  });
  const tables = ensureTablesUntilDone(storage, logger);
  // The first attempt is awaited, so a bot whose storage is up has every table before it answers anyone; a bot whose
  // storage is down starts anyway and keeps trying.
  await tables.firstAttempt;
  warnOfRosterInOldLayout(repositories.roster, logger);
  const server = await startServer(bot, {
    port: config.port,
    host: options.host ?? config.listenHost,
    authenticated: Boolean(config.bot.id),
    serveDownloads: config.fileDelivery === 'link',
    logger,
  });
  const remindApprovers = (): Promise<number> =>
    config.approvalReminderDays > 0 ? bot.remindApprovers(config.approvalReminderDays) : Promise.resolve(0);
  const reminders = setInterval(() => {
    remindApprovers().catch((error: unknown) => logger.warn('approval reminders failed; will try again', { error }));
  }, REMINDER_CHECK_MS);
  reminders.unref();
  const sweeper = setInterval(() => {
    bot.deleteExpiredFiles().catch((error: unknown) => logger.warn('expired exports not deleted; will try again', { error }));
  }, options.exportSweepMs ?? EXPORT_SWEEP_MS);
  sweeper.unref();
  if (options.broadcastSender !== false) bot.sender.start();
  return {
    server,
    repositories,
    publicUrl,
    remindApprovers,
    async stop() {
      clearInterval(reminders);
      clearInterval(sweeper);
      tables.stop();
      // The sender first: sends in flight finish and are recorded, so the next instance resumes without duplicates.
      await bot.sender.stop();
      // Exports under way are marked failed and their cards say so: no one waits for a file that will not come.
      await bot.exports.stop();
      await server.close();
      // After the server: no new action starts a send; the ones Teams was slow with may still arrive.
      await bot.outbox.settle(NOTIFICATIONS_SETTLE_MS);
      await bot.notifier.settle(NOTIFICATIONS_SETTLE_MS);
    },
  };
}

/**
 * Says, once at start, when the roster must be imported again after an upgrade: the bot still answers, but whoever
 * runs it would otherwise learn it only from HR's empty cards.
 */
function warnOfRosterInOldLayout(roster: Pick<RosterRepository, 'isInOldLayout'>, logger: Logger): void {
  roster
    .isInOldLayout()
    .then((old) => {
      if (old) logger.warn('the roster was stored by an older version and reads as empty: import it again (npm run roster:import)');
    })
    .catch((error: unknown) => {
      // Storage not up yet is said already (ensureTablesUntilDone); anything else is worth a line.
      if (!isStorageUnavailable(error)) logger.warn('could not check the roster\'s layout', { error });
    });
}

/** Creates the tables now, or keeps trying in the background until storage answers. */
function ensureTablesUntilDone(storage: TableStorage, logger: Logger): { firstAttempt: Promise<void>; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  const attempt = async (): Promise<void> => {
    try {
      await storage.ensureTables();
    } catch (error) {
      if (cancelled) return;
      // Expected while storage starts or is down: one line, not a stack trace every few seconds.
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn('storage is not reachable yet; will try again', { reason, retryInMs: TABLES_RETRY_MS });
      timer = setTimeout(() => void attempt(), TABLES_RETRY_MS);
      timer.unref();
    }
  };
  return {
    firstAttempt: attempt(),
    stop: () => {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}

/** The address of this server for a browser on the same machine: download links exist in local runs only, on loopback. */
function localUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
