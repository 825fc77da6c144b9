/**
 * A fake Bot Connector: the Teams side of the Bot Framework v3 REST API, for protocol tests.
 *
 * The bot under test sends its replies to the `serviceUrl` of the incoming activity (or of a stored conversation
 * reference); point that at `FakeConnector.url`. The fake records every request, answers like Teams does
 * (`201 { id }` for sends, Teams-style `{ error: { code, message } }` bodies for failures), can script failures,
 * and can enforce Teams' published rate limits against an injectable clock.
 *
 * Built on node:http only: restify patches `http.IncomingMessage` globally when it loads.
 *
 * Rate limits (off by default, see `enforceRateLimits`):
 * - per conversation, for sends (POST .../activities and POST .../activities/:id): 7 per 1 s, 8 per 2 s,
 *   60 per 30 s, 1800 per 3600 s;
 * - across all conversations, for every request: 50 per 1 s.
 * Windows slide over the times the fake **received** requests, as Teams counts them: refused ones too (whatever refused
 * them), so a client that hammers or retries too soon pays for it, and `Retry-After` says when a slot frees if nothing
 * else comes meanwhile. Updates, deletes, member reads and conversation creation count towards the global limit only.
 * Whether or not limits are enforced, `peakRequests()` says how many requests the busiest window held.
 *
 * A request is counted when it is handled; `holdNext` holds the next ones back until told, as the first requests of a
 * client reach Teams late (a new connection, a token) and bunch up with the ones sent after them.
 *
 * Failures: `failNext` scripts the answers to the next requests; `randomFailures` refuses a share of sends at random,
 * like a busy Teams does. Scripted failures come first, then random ones, then rate limits.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { PATIENCE_MS } from './waitFor';

/** One request the fake received, with the status it answered. */
export interface ConnectorCall {
  /** HTTP method, upper case. */
  method: string;
  /** Request path as sent, still URL-encoded (query string included). */
  path: string;
  /** Decoded conversation id from the path; '' for routes without one. */
  conversationId: string;
  /** Decoded activity id from the path (the activity replied to, updated or deleted). */
  activityId?: string;
  /** Parsed JSON request body (the raw text if it was not JSON, undefined if empty). */
  body: unknown;
  /** Status the fake answered. */
  status: number;
  /** JSON the fake answered with, if any (e.g. `{ id }` of a sent activity). */
  response?: unknown;
  /** Time the request was handled, from the fake's clock (ms). */
  at: number;
}

/** Statuses the fake can fail with (`failNext`, `randomFailures`): the ones Teams asks clients to retry, plus a plain 500. */
export type ScriptedFailureStatus = 412 | 429 | 500 | 502 | 503 | 504;

/** Refuse this share (0–1) of sends with one of `statuses`, picked at random (`random` defaults to Math.random). */
export interface RandomFailures {
  rate: number;
  statuses: ScriptedFailureStatus[];
  retryAfterSeconds?: number;
  random?: () => number;
}

/** A running fake connector. */
export interface FakeConnector {
  /** Base URL, e.g. `http://127.0.0.1:PORT/`: use it as `serviceUrl`. */
  readonly url: string;
  /** Every request, in order, including refused ones (with the status answered). */
  readonly calls: ConnectorCall[];
  /** Bodies of accepted sends (POST .../activities[/id]) to a conversation, or to all when omitted. */
  activities(conversationId?: string): Partial<Activity>[];
  /** Bodies of accepted updates (PUT .../activities/:id) in a conversation, or in all when omitted. */
  updates(conversationId?: string): Partial<Activity>[];
  /**
   * Resolves with the accepted sends once at least `count` exist; rejects after `timeoutMs` (default PATIENCE_MS: a
   * deadline to fail with a clear message, not a measure of speed) listing what arrived.
   */
  waitForActivities(count: number, options?: { conversationId?: string; timeoutMs?: number }): Promise<Partial<Activity>[]>;
  /** Answers the next `times` (default 1) requests, to `conversationId` if given, with `status`; queued in order. */
  failNext(status: ScriptedFailureStatus, options?: { times?: number; retryAfterSeconds?: number; conversationId?: string }): void;
  /** Turns Teams' rate limits on or off. */
  enforceRateLimits(enabled: boolean): void;
  /** The most requests (refused ones included) received in any `windowMs` (default: Teams' global window, 1,000 ms). */
  peakRequests(windowMs?: number): number;
  /**
   * Holds the next `count` requests (to `conversationId` only, when given), unhandled and uncounted, until the function
   * returned is called: as if they reached Teams only then. Other requests are handled as usual meanwhile.
   */
  holdNext(count: number, conversationId?: string): () => void;
  /** How many requests are being held now (see `holdNext`). */
  readonly held: number;
  /** Forgets calls, scripted failures and rate-limit history, and holds no more requests (keeps the enforcement setting). */
  reset(): void;
  /** Closes the server and every open socket; pending `waitForActivities` calls reject. */
  stop(): Promise<void>;
}

interface Window {
  max: number;
  ms: number;
  label: string;
}

/** Teams' per-bot-per-conversation limits for sends. */
const CONVERSATION_WINDOWS: readonly Window[] = [
  { max: 7, ms: 1_000, label: '7 sends per 1 s in a conversation' },
  { max: 8, ms: 2_000, label: '8 sends per 2 s in a conversation' },
  { max: 60, ms: 30_000, label: '60 sends per 30 s in a conversation' },
  { max: 1800, ms: 3_600_000, label: '1800 sends per 3600 s in a conversation' },
];
/** Teams' global limit per app per tenant. */
export const GLOBAL_WINDOW: Window = { max: 50, ms: 1_000, label: '50 requests per 1 s per app' };

const FAKE_TENANT_ID = '00000000-0000-0000-0000-00000000fa4e';

const ERROR_CODES: Record<ScriptedFailureStatus, string> = {
  412: 'PreconditionFailed',
  429: 'Throttled',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

type RouteKind = 'send' | 'reply' | 'update' | 'delete' | 'createConversation' | 'listMembers' | 'getMember';

interface Route {
  kind: RouteKind;
  conversationId: string;
  activityId?: string;
  memberId?: string;
}

interface ScriptedFailure {
  status: ScriptedFailureStatus;
  remaining: number;
  retryAfterSeconds?: number;
  conversationId?: string;
}

interface Answer {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
}

interface Waiter {
  count: number;
  conversationId?: string;
  resolve: (activities: Partial<Activity>[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

class ConnectorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Starts a fake connector on a free port of 127.0.0.1. */
export async function startFakeConnector(
  options: { enforceRateLimits?: boolean; now?: () => number; randomFailures?: RandomFailures } = {},
): Promise<FakeConnector> {
  const now = options.now ?? Date.now;
  let enforce = options.enforceRateLimits ?? false;
  const calls: ConnectorCall[] = [];
  const sent: { conversationId: string; body: Partial<Activity> }[] = [];
  const updated: { conversationId: string; body: Partial<Activity> }[] = [];
  const failures: ScriptedFailure[] = [];
  const sendTimes = new Map<string, number[]>();
  let requestTimes: number[] = [];
  /** Requests still to hold, and the release they wait for. */
  let hold: { count: number; conversationId?: string; released: Promise<void> } = { count: 0, released: Promise.resolve() };
  let held = 0;
  const waiters = new Set<Waiter>();
  const conversationsByMember = new Map<string, string>();
  const membersByConversation = new Map<string, string[]>();
  let sequence = 0;
  let stopped = false;

  const newActivityId = (): string => String(1_700_000_000_000 + ++sequence);

  const bodies = (list: typeof sent, conversationId?: string): Partial<Activity>[] =>
    list.filter((entry) => conversationId === undefined || entry.conversationId === conversationId).map((entry) => entry.body);

  const settleWaiters = (): void => {
    for (const waiter of waiters) {
      const arrived = bodies(sent, waiter.conversationId);
      if (arrived.length >= waiter.count) {
        clearTimeout(waiter.timer);
        waiters.delete(waiter);
        waiter.resolve(arrived);
      }
    }
  };

  const takeScriptedFailure = (route: Route): Answer | undefined => {
    const index = failures.findIndex((f) => f.conversationId === undefined || f.conversationId === route.conversationId);
    const failure = failures[index];
    if (!failure) return undefined;
    if (--failure.remaining <= 0) failures.splice(index, 1);
    return failureAnswer(failure.status, failure.retryAfterSeconds, 'scripted');
  };

  const takeRandomFailure = (route: Route): Answer | undefined => {
    const settings = options.randomFailures;
    if (!settings || !isSend(route)) return undefined;
    const random = settings.random ?? Math.random;
    if (random() >= settings.rate) return undefined;
    const status = settings.statuses[Math.floor(random() * settings.statuses.length)];
    return status === undefined ? undefined : failureAnswer(status, settings.retryAfterSeconds, 'random');
  };

  const checkRateLimits = (route: Route, at: number): Answer | undefined => {
    if (!enforce) return undefined;
    let waitMs = 0;
    const broken: string[] = [];
    const consider = (times: number[], window: Window): void => {
      const ms = msUntilFree(times, window, at);
      if (ms > 0) {
        broken.push(window.label);
        waitMs = Math.max(waitMs, ms);
      }
    };
    consider(requestTimes, GLOBAL_WINDOW);
    if (isSend(route)) {
      const times = sendTimes.get(route.conversationId) ?? [];
      for (const window of CONVERSATION_WINDOWS) consider(times, window);
    }
    if (broken.length === 0) return undefined;
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    return {
      status: 429,
      headers: { 'Retry-After': String(retryAfter) },
      json: errorBody('Throttled', `Rate limit exceeded (${broken.join('; ')}). Retry after ${retryAfter} s.`),
    };
  };

  const recordReceived = (route: Route | undefined, at: number): void => {
    requestTimes = requestTimes.filter((t) => t > at - GLOBAL_WINDOW.ms);
    requestTimes.push(at);
    if (route && isSend(route)) {
      const longest = CONVERSATION_WINDOWS[CONVERSATION_WINDOWS.length - 1]?.ms ?? 0;
      const times = (sendTimes.get(route.conversationId) ?? []).filter((t) => t > at - longest);
      times.push(at);
      sendTimes.set(route.conversationId, times);
    }
  };

  const perform = (route: Route, body: unknown): Answer => {
    switch (route.kind) {
      case 'send':
      case 'reply': {
        sent.push({ conversationId: route.conversationId, body: requireActivity(body) });
        return { status: 201, json: { id: newActivityId() } };
      }
      case 'update':
        updated.push({ conversationId: route.conversationId, body: requireActivity(body) });
        return { status: 200, json: { id: route.activityId } };
      case 'delete':
        return { status: 200 };
      case 'createConversation': {
        const memberId = firstMemberId(body);
        let id = memberId === undefined ? undefined : conversationsByMember.get(memberId);
        if (id === undefined) {
          // Teams 1:1 conversation ids look like `a:1...`; the same user gets the same conversation back.
          id = `a:1fake${++sequence}`;
          if (memberId !== undefined) {
            conversationsByMember.set(memberId, id);
            membersByConversation.set(id, [memberId]);
          }
        }
        return { status: 201, json: { id } };
      }
      case 'listMembers': {
        const ids = membersByConversation.get(route.conversationId) ?? [`29:1${hex(route.conversationId).slice(0, 24)}`];
        return { status: 200, json: ids.map(teamsMember) };
      }
      case 'getMember':
        return { status: 200, json: teamsMember(route.memberId ?? '') };
    }
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const text = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const path = req.url ?? '/';
    if (hold.count > 0 && (hold.conversationId === undefined || matchRoute(method, path)?.conversationId === hold.conversationId)) {
      hold.count--;
      held++;
      await hold.released;
      held--;
    }
    const at = now();
    const body = parseBody(text);
    let route: Route | undefined;
    let answer: Answer;
    try {
      route = matchRoute(method, path);
      if (!route) throw new ConnectorError(404, 'NotFound', `No such resource: ${method} ${path}`);
      answer = takeScriptedFailure(route) ?? takeRandomFailure(route) ?? checkRateLimits(route, at) ?? perform(route, body);
    } catch (error) {
      answer =
        error instanceof ConnectorError
          ? { status: error.status, json: errorBody(error.code, error.message) }
          : { status: 500, json: errorBody('InternalServerError', String(error)) };
    }
    recordReceived(route, at);
    calls.push({
      method,
      path,
      conversationId: route?.conversationId ?? '',
      ...(route?.activityId !== undefined ? { activityId: route.activityId } : {}),
      body,
      status: answer.status,
      ...(answer.json !== undefined ? { response: answer.json } : {}),
      at,
    });
    const payload = answer.json === undefined ? '' : JSON.stringify(answer.json);
    res.writeHead(answer.status, {
      ...(payload ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
      'Content-Length': String(Buffer.byteLength(payload)),
      ...answer.headers,
    });
    res.end(payload);
    if (answer.status < 300) settleWaiters();
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    activities: (conversationId) => bodies(sent, conversationId),
    updates: (conversationId) => bodies(updated, conversationId),
    waitForActivities(count, { conversationId, timeoutMs = PATIENCE_MS } = {}) {
      const arrived = bodies(sent, conversationId);
      if (arrived.length >= count) return Promise.resolve(arrived);
      if (stopped) return Promise.reject(new Error('waitForActivities: the fake connector is stopped'));
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          count,
          conversationId,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            reject(new Error(describeTimeout(count, conversationId, timeoutMs, bodies(sent, conversationId), calls)));
          }, timeoutMs),
        };
        // A wait left behind by a test that already failed must not keep the worker alive.
        waiter.timer.unref();
        waiters.add(waiter);
      });
    },
    failNext(status, { times = 1, retryAfterSeconds, conversationId } = {}) {
      failures.push({ status, remaining: times, retryAfterSeconds, conversationId });
    },
    enforceRateLimits(enabled) {
      enforce = enabled;
    },
    peakRequests(windowMs = GLOBAL_WINDOW.ms) {
      return busiest(calls.map((c) => c.at).sort((a, b) => a - b), windowMs);
    },
    holdNext(count, conversationId) {
      let release!: () => void;
      hold = { count, conversationId, released: new Promise((resolve) => (release = resolve)) };
      return release;
    },
    get held() {
      return held;
    },
    reset() {
      calls.length = 0;
      sent.length = 0;
      updated.length = 0;
      failures.length = 0;
      sendTimes.clear();
      requestTimes = [];
      hold.count = 0;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('waitForActivities: the fake connector was stopped'));
      }
      waiters.clear();
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Bot Framework v3 routes, as botframework-connector's ConnectorClient calls them; ids in the path are URL-encoded. */
function matchRoute(method: string, rawPath: string): Route | undefined {
  const pathname = rawPath.split('?')[0] ?? '';
  let segments: string[];
  try {
    segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new ConnectorError(400, 'BadArgument', `Malformed URL encoding in ${rawPath}`);
  }
  const [v3, conversations, conversationId, collection, itemId, ...rest] = segments;
  if (v3 !== 'v3' || conversations !== 'conversations' || rest.length > 0) return undefined;
  if (conversationId === undefined) return method === 'POST' ? { kind: 'createConversation', conversationId: '' } : undefined;
  if (collection === 'activities') {
    if (itemId === undefined) return method === 'POST' ? { kind: 'send', conversationId } : undefined;
    const kinds: Record<string, RouteKind> = { POST: 'reply', PUT: 'update', DELETE: 'delete' };
    const kind = kinds[method];
    return kind ? { kind, conversationId, activityId: itemId } : undefined;
  }
  if (collection === 'members' && method === 'GET') {
    return itemId === undefined ? { kind: 'listMembers', conversationId } : { kind: 'getMember', conversationId, memberId: itemId };
  }
  return undefined;
}

/** Sends and replies post a new message: the requests Teams' per-conversation limits and random failures apply to. */
function isSend(route: Route): boolean {
  return route.kind === 'send' || route.kind === 'reply';
}

/** A Teams-style refusal, with `Retry-After` when given. */
function failureAnswer(status: ScriptedFailureStatus, retryAfterSeconds: number | undefined, cause: 'scripted' | 'random'): Answer {
  const headers: Record<string, string> = {};
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
  const message =
    status === 412
      ? `The precondition for this operation was not met (${cause} failure).`
      : status === 429
        ? `Too many requests (${cause} failure).`
        : `The service encountered an error (${cause} failure).`;
  return { status, headers, json: errorBody(ERROR_CODES[status], message) };
}

/** The most of `times` (ascending) in any window of `ms` ending at one of them: (t - ms, t], as the limits slide. */
function busiest(times: readonly number[], ms: number): number {
  let most = 0;
  for (let last = 0, first = 0; last < times.length; last++) {
    while (times[first]! <= times[last]! - ms) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** Milliseconds until `window` has a free slot at `at`, given the times of received requests (ascending); 0 if it has one. */
function msUntilFree(times: number[], window: Window, at: number): number {
  const inWindow = times.filter((t) => t > at - window.ms);
  if (inWindow.length < window.max) return 0;
  // The slot frees when the entry `max` places from the end leaves the window.
  const leaving = inWindow[inWindow.length - window.max] ?? at;
  return leaving + window.ms - at;
}

function errorBody(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

function requireActivity(body: unknown): Partial<Activity> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ConnectorError(400, 'BadArgument', 'The request body must be an activity (a JSON object).');
  }
  return body;
}

function firstMemberId(body: unknown): string | undefined {
  const members = (body as { members?: { id?: unknown }[] } | null)?.members;
  const id = Array.isArray(members) ? members[0]?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A plausible Teams member for an id (a `29:...` user id, or an AAD object id as Teams also accepts). */
function teamsMember(requestedId: string): Record<string, string> {
  const isAadObjectId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(requestedId);
  const h = hex(requestedId);
  const aadObjectId = isAadObjectId
    ? requestedId
    : `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  const tag = h.slice(0, 6);
  const email = `user.${tag}@contoso.example`;
  return {
    id: isAadObjectId ? `29:1${h.slice(0, 24)}` : requestedId,
    name: `Test User ${tag}`,
    givenName: 'Test',
    surname: `User ${tag}`,
    aadObjectId,
    email,
    userPrincipalName: email,
    tenantId: FAKE_TENANT_ID,
    userRole: 'user',
  };
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function describeTimeout(
  count: number,
  conversationId: string | undefined,
  timeoutMs: number,
  arrived: Partial<Activity>[],
  calls: ConnectorCall[],
): string {
  const where = conversationId === undefined ? 'in any conversation' : `in conversation ${JSON.stringify(conversationId)}`;
  const lines = [`waitForActivities: expected ${count} activities ${where} within ${timeoutMs} ms, got ${arrived.length}.`];
  arrived.forEach((activity, i) => {
    const attachments = (activity.attachments ?? []).map((a) => a.contentType).join(', ');
    lines.push(`  [${i}] ${activity.type ?? '?'} ${JSON.stringify(activity.text ?? '')}${attachments ? ` attachments: ${attachments}` : ''}`);
  });
  lines.push(calls.length === 0 ? 'No requests reached the fake connector.' : `Requests received (${calls.length}):`);
  for (const call of calls.slice(-20)) lines.push(`  ${call.method} ${call.path} -> ${call.status}`);
  return lines.join('\n');
}
