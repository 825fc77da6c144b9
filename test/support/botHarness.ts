import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import type { Pacer } from '../../src/broadcast/rateLimiter';
import { loadConfig } from '../../src/config';
import { importFramework } from '../../src/importing/importFramework';
import { importRoster } from '../../src/importing/importRoster';
import { startAzurite } from '../../src/local/azurite';
import { silentLogger, type Logger } from '../../src/logger';
import { startBot, type RunningBot } from '../../src/runtime';
import { startFakeConnector, type FakeConnector } from './fakeConnector';
import { ROSTER_HEADER } from './roster';
import { PATIENCE_MS } from './waitFor';
import { Stoppers } from './stoppers';

/** The Kitakyushu framework file as text, optionally under another id so test files do not share a data set. */
export function kitakyushuText(frameworkId = 'kitakyushu'): string {
  return frameworkFileText('kitakyushu', frameworkId);
}

/** A framework file of data/frameworks (e.g. "moka") as text, under another id so test files do not share a data set. */
export function frameworkFileText(file: string, frameworkId: string): string {
  const doc = JSON.parse(readFileSync(path.join(__dirname, '../../data/frameworks', `${file}.json`), 'utf8')) as { id: string };
  return JSON.stringify({ ...doc, id: frameworkId });
}

/** A user as Teams presents them. */
export interface TestUser {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

/** Someone with a fresh Entra id: nobody else in the run writes their rows. */
export function someone(name: string): TestUser {
  const aadObjectId = randomUUID();
  return { id: `29:${aadObjectId}`, aadObjectId, name };
}

/**
 * The employee a harness's activities come from unless a test names someone else: their own for each framework id, so
 * test files running side by side on one storage never write the same person's rows (where to reach them, their
 * assessments), and a bot restarted on the same framework id meets the same person again.
 */
export function employeeOf(frameworkId: string): TestUser {
  const h = createHash('sha256').update(`employee of ${frameworkId}`).digest('hex');
  const aadObjectId = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return { id: `29:${aadObjectId}`, aadObjectId, name: '北九 太郎' };
}

/** A card as the tests read it. */
export type Card = { type: string; body?: unknown[]; actions?: unknown[] } & Record<string, unknown>;

/** The invoke response body of an Action.Execute. */
export interface InvokeBody {
  statusCode: number;
  type: string;
  value: Card;
}

/**
 * The real bot on a free port, storage in the run's Azurite, replies going to a fake Bot Connector.
 * Each harness gets its own framework id, so test files can run side by side.
 */
export interface BotHarness {
  readonly url: string;
  readonly connector: FakeConnector;
  readonly bot: RunningBot;
  readonly frameworkId: string;
  /** The storage the bot uses, for a second bot started on the same data. */
  readonly connectionString: string;
  /** Who the activities come from unless a test says otherwise (see `employeeOf`). */
  readonly employee: TestUser;
  /** POSTs an activity as Teams would; returns the HTTP status and parsed body. */
  post(activity: Partial<Activity>): Promise<{ status: number; body: unknown }>;
  /** Sends a chat message and waits for the bot's reply; returns the reply's card (or text). */
  say(text: string, options?: ActivityOptions): Promise<Partial<Activity>>;
  /** Clicks an Action.Execute button: returns the invoke response. */
  click(verb: string, data: unknown, options?: ActivityOptions): Promise<{ status: number; body: InvokeBody }>;
  /** A message or invoke activity as Teams would send it. */
  readonly activity: (overrides: Partial<Activity>, options?: ActivityOptions) => Partial<Activity>;
  stop(): Promise<void>;
}

export interface ActivityOptions {
  user?: TestUser;
  locale?: string;
  channelId?: string;
  conversationId?: string;
}

/**
 * Starts a bot against storage (the run's Azurite unless given), with a framework imported unless told not to:
 * the document `frameworkDocument` makes for the harness's framework id, else a file (Kitakyushu's unless
 * `frameworkFile` names another). With `staff`, the bot gets storage of its own (the roster is one data set per
 * storage) with a roster of those people and its own user.
 */
export async function startBotHarness(
  options: {
    connectionString?: string;
    importFramework?: boolean;
    frameworkFile?: string;
    frameworkDocument?: (frameworkId: string) => unknown;
    language?: 'auto' | 'ja' | 'en';
    logger?: Logger;
    /** More environment for the bot, e.g. production mode with credentials. */
    environment?: NodeJS.ProcessEnv;
    /** An earlier harness's framework id, to start a new bot on the data it left (with `importFramework: false`). */
    frameworkId?: string;
    /** A connector to take over (and stop) instead of a new one: Teams' service URL does not change when a bot restarts. */
    connector?: FakeConnector;
    /** Whether the bot runs the broadcast sender (it does unless told): one that never broadcasts may do without it. */
    broadcastSender?: boolean;
    /**
     * How long an action waits for its notification before answering "still being sent": by default as long as a test
     * waits for anything, so only a test about a slow Teams (which shortens it) sees that answer.
     */
    notifyWaitMs?: number;
    /**
     * How long an action waits for a notification its answer does not speak of (the runtime's default is not at all):
     * by default as long as a test waits for anything, so a test sees the notice as soon as the answer.
     */
    untoldNotifyWaitMs?: number;
    /** Paces the bot's proactive requests to Teams (Teams' budget unless a test needs a smaller one). */
    pacer?: Pacer;
    /** How often the bot deletes expired exports and links (the runtime's default, a minute, unless a test cannot wait). */
    exportSweepMs?: number;
    /** People on the roster besides the harness's own user (ordinary staff of one section), on storage of its own. */
    staff?: readonly TestUser[];
    /**
     * How long the bot reuses what it read of the framework and the roster (0 unless told: tests change them behind
     * its back and expect the next turn to see it).
     */
    recheckMs?: number;
  } = {},
): Promise<BotHarness> {
  const frameworkId = options.frameworkId ?? `kk-${randomUUID().slice(0, 8)}`;
  const employee = employeeOf(frameworkId);
  const running = new Stoppers();
  const ownStorage = options.staff && !options.connectionString ? running.add(await startAzurite()) : undefined;
  const connectionString = options.connectionString ?? ownStorage?.connectionString ?? process.env.TEST_STORAGE_CONNECTION_STRING!;
  const config = loadConfig({
    PORT: '0',
    STORAGE_CONNECTION_STRING: connectionString,
    FRAMEWORK_ID: frameworkId,
    BOT_LANGUAGE: options.language ?? 'auto',
    ...options.environment,
  });
  const connector = running.add(options.connector ?? (await running.startOrStop(startFakeConnector)));
  const bot = await running.startOrStop(async () => {
    const started = running.add(
      await startBot(config, options.logger ?? silentLogger, {
        host: '127.0.0.1',
        recheckMs: options.recheckMs ?? 0,
        broadcastSender: options.broadcastSender,
        notifyWaits: { told: options.notifyWaitMs ?? PATIENCE_MS, untold: options.untoldNotifyWaitMs ?? PATIENCE_MS },
        exportSweepMs: options.exportSweepMs,
        pacer: options.pacer,
      }),
    );
    if (options.importFramework !== false) {
      const text = options.frameworkDocument
        ? JSON.stringify(options.frameworkDocument(frameworkId))
        : frameworkFileText(options.frameworkFile ?? 'kitakyushu', frameworkId);
      const outcome = await importFramework(text, started.repositories.frameworks);
      if (outcome.status !== 'imported') throw new Error(`framework import failed: ${JSON.stringify(outcome)}`);
    }
    if (options.staff) await importStaff(started, [employee, ...options.staff]);
    return started;
  });
  const url = `http://127.0.0.1:${bot.server.port}/api/messages`;

  const activity = (overrides: Partial<Activity>, o: ActivityOptions = {}): Partial<Activity> => {
    const user = o.user ?? employee;
    return {
      type: 'message',
      id: randomUUID(),
      timestamp: new Date(),
      channelId: o.channelId ?? 'msteams',
      serviceUrl: connector.url,
      locale: o.locale ?? 'ja-JP',
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: '28:dx-navi', name: 'DX Navi' },
      conversation: {
        id: o.conversationId ?? `a:${user.id}`,
        conversationType: 'personal',
        tenantId: 'tenant-1',
        isGroup: false,
        name: '',
      },
      ...overrides,
    };
  };

  return {
    url,
    connector,
    bot,
    frameworkId,
    connectionString,
    employee,
    activity,
    ...conversationWith(url, activity, connector),
    stop: () => running.stopAll(),
  };
}

/** Talking to a bot at `url` the way Teams does: post activities, say something, click a button. */
export function conversationWith(
  url: string,
  activity: BotHarness['activity'],
  connector: FakeConnector,
): Pick<BotHarness, 'post' | 'say' | 'click'> {
  const post = async (body: Partial<Activity>): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    post,
    async say(text, o = {}) {
      const sent = activity({ type: 'message', text }, o);
      const before = connector.activities(sent.conversation!.id).length;
      const { status } = await post(sent);
      if (status >= 300) throw new Error(`the bot answered ${status} to "${text}"`);
      const replies = await connector.waitForActivities(before + 1, { conversationId: sent.conversation!.id });
      return replies[replies.length - 1]!;
    },
    async click(verb, data, o = {}) {
      const invoke = activity(
        { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } }, replyToId: 'card-1' },
        o,
      );
      const { status, body } = await post(invoke);
      return { status, body: body as InvokeBody };
    },
  };
}

/** The Adaptive Card attached to a reply. */
export function cardOf(activity: Partial<Activity>): Card {
  const card = activity.attachments?.[0]?.content as Card | undefined;
  if (!card) throw new Error(`the reply has no card: ${JSON.stringify(activity)}`);
  return card;
}

/** Every text shown on a card, joined, for "the card says …" assertions. */
export function textOf(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return texts.join('\n');
}

/** Every Action.Execute on a card (buttons and select actions), with its verb and data. */
export function executeActions(card: unknown): { title?: string; verb: string; data: unknown }[] {
  const found: { title?: string; verb: string; data: unknown }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute') {
        found.push({ title: record.title as string | undefined, verb: record.verb as string, data: record.data });
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The data of the one Action.Execute on a card with this verb whose data has `where`; throws, showing the card, unless exactly one. */
export function buttonData(card: unknown, verb: string, where: Record<string, unknown> = {}): Record<string, unknown> {
  const found = executeActions(card).filter(
    (a) => a.verb === verb && Object.entries(where).every(([key, value]) => (a.data as Record<string, unknown> | undefined)?.[key] === value),
  );
  if (found.length !== 1) throw new Error(`${found.length} ${verb} buttons with ${JSON.stringify(where)} on the card:\n${textOf(card)}`);
  return (found[0]!.data ?? {}) as Record<string, unknown>;
}

/** Imports a roster of these people, ordinary staff of one section, none of them anyone's manager. */
async function importStaff(bot: RunningBot, people: readonly TestUser[]): Promise<void> {
  const rows = people.map((p, n) => [`S${n + 1}`, p.name, `staff${n + 1}@example.city.jp`, p.aadObjectId, '市民局', '区政推進課', '主事', '', ''].join(','));
  const outcome = await importRoster([ROSTER_HEADER, ...rows].join('\n'), bot.repositories.roster);
  if (outcome.status !== 'imported') throw new Error(`roster import failed: ${JSON.stringify(outcome)}`);
}
