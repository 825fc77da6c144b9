import { randomUUID } from 'node:crypto';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { BotConnectorTransport } from '../../src/broadcast/channelTransport';
import { PROACTIVE_APP_WINDOW, Pacer, type ReleaseSlot } from '../../src/broadcast/rateLimiter';
import { SENDER_LEASE_NAME } from '../../src/broadcast/sender';
import type { Broadcast } from '../../src/domain/broadcast/broadcast';
import { loadConfig } from '../../src/config';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { silentLogger } from '../../src/logger';
import { startBot, type RunningBot } from '../../src/runtime';
import type { Repositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';
import { isWriteTo, startStorageProxy, type StorageRequest } from '../faults/storageProxy';
import { textOf } from '../support/botHarness';
import { confirmedBroadcast, meetBot, seedStaff, type StaffMember } from '../support/broadcastFixtures';
import { GLOBAL_WINDOW, startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { waitFor } from '../support/waitFor';

// The durable sender end to end: real bots over HTTP, Azurite tables and queue, and a fake Teams that enforces its rate
// limits. Its own Azurite: the roster is one data set per storage, and the sender's lease and queue are shared by
// every bot on a storage.

const STAFF = 300;
/** Deliveries a sender works on at once (the production figure, named here because a test counts on it). */
const MAX_IN_FLIGHT = 48;
const HOUR = 60 * 60 * 1000;
/** Every 29th employee never opened the bot: 10 of 300, in every department. */
const neverOpenedTheBot = (i: number): boolean => i % 29 === 28;

let azurite: Azurite;
let connector: FakeConnector;
let repositories: Repositories;
let reachable: StaffMember[];
let unreachable: StaffMember[];
const frameworkId = `kk-${randomUUID().slice(0, 8)}`;
const running = new Set<RunningBot>();
/** While set, every send waits here before its pacer slot (HR's card updates go on), so a test can act between sends. */
let heldSends: Promise<void> | undefined;

/** The bot's pacer, holding sends while `heldSends` is set. */
class HoldablePacer extends Pacer {
  override async acquire(conversationId?: string, signal?: AbortSignal): Promise<ReleaseSlot> {
    if (conversationId !== undefined) await heldSends;
    return super.acquire(conversationId, signal);
  }
}

/** Holds every send until the function returned is called. */
function holdSends(): () => void {
  let release!: () => void;
  heldSends = new Promise((resolve) => (release = resolve));
  return () => {
    heldSends = undefined;
    release();
  };
}

/**
 * A bot instance on the file's storage (or another way to it, such as a proxy); `now` is its sender's clock, for a test
 * that moves time on; `instanceId` the machine it says it runs on (INSTANCE_ID).
 */
async function startInstance(options: { now?: () => number; instanceId?: string; connectionString?: string } = {}): Promise<RunningBot> {
  const config = loadConfig({
    PORT: '0',
    STORAGE_CONNECTION_STRING: options.connectionString ?? azurite.connectionString,
    FRAMEWORK_ID: frameworkId,
    BOT_LANGUAGE: 'ja',
    ...(options.instanceId !== undefined ? { INSTANCE_ID: options.instanceId } : {}),
  });
  const bot = await startBot(config, silentLogger, {
    host: '127.0.0.1',
    recheckMs: 0,
    // The production budget: this process also plays Teams and handles requests late when the machine is busy, but the
    // pacer's bound holds whenever Teams receives each request.
    senderOptions: { tickMs: 200, maxInFlight: MAX_IN_FLIGHT, now: options.now },
    pacer: new HoldablePacer(),
  });
  running.add(bot);
  return bot;
}

async function stopInstance(bot: RunningBot): Promise<void> {
  running.delete(bot);
  await bot.stop();
}

beforeAll(async () => {
  azurite = await startAzurite();
  connector = await startFakeConnector({ enforceRateLimits: true });
  await createTableStorage({ connectionString: azurite.connectionString }).ensureTables();
  const first = await startInstance();
  repositories = first.repositories;
  ({ reachable, unreachable } = await seedStaff(repositories, { count: STAFF, serviceUrl: connector.url, reachable: (i) => !neverOpenedTheBot(i) }));
  await stopInstance(first);
}, 60_000);

beforeEach(() => {
  connector.reset();
});

afterEach(async () => {
  await Promise.all([...running].map(stopInstance));
  // However the bots were started and stopped, together they kept to Teams' limits as Teams counts them: every request
  // the fake received, refused ones included, when it handled each (late, when the machine is busy).
  expect(connector.peakRequests()).toBeLessThanOrEqual(GLOBAL_WINDOW.max);
  expect(refusedForGoingOverTheLimits()).toEqual([]);
});

afterAll(async () => {
  // Instances a failed set-up left running too: a server left listening keeps the worker alive.
  await Promise.all([...running].map(stopInstance));
  await connector?.stop();
  await azurite?.stop();
});

/** Polls until the broadcast is in one of `states`; returns it. */
async function settledAs(b: Broadcast, states: Broadcast['state'][]): Promise<Broadcast> {
  let current: Broadcast | undefined;
  const look = async (): Promise<Broadcast | false | undefined> => {
    current = await repositories.broadcasts.find(frameworkId, b.id);
    return current && states.includes(current.state) && current;
  };
  // Sending 300 takes over ten seconds at this pace.
  return waitFor(`the broadcast to be ${states.join(' or ')}`, look, {
    timeoutMs: 60_000,
    seen: () => current && { state: current.state, progress: current.progress },
  });
}

/** How many copies of the notice each person's chat received. */
function copiesPerPerson(people: readonly StaffMember[]): number[] {
  return people.map((p) => connector.activities(p.conversationId).length);
}

/** The senders that delivered a broadcast's notices. */
async function sendersOf(b: Broadcast): Promise<string[]> {
  const senders = new Set<string>();
  for await (const page of repositories.deliveries.pages(b.id)) for (const d of page) if (d.sentBy) senders.add(d.sentBy);
  return [...senders];
}

/** The fake Teams' refusals for going over its rate limits (not the failures a test scripted), as their messages. */
function refusedForGoingOverTheLimits(): string[] {
  return connector.calls.map((c) => JSON.stringify(c.response ?? '')).filter((answer) => answer.includes('Rate limit exceeded'));
}

/** HR's progress card, as last updated in place. */
function lastProgressCard(): string {
  const updates = connector.updates('a:hr-officer');
  return updates.length === 0 ? '' : textOf(updates[updates.length - 1]!.attachments?.[0]?.content);
}

/** HR's card once it shows the report (the sender updates it just after recording the end). */
async function finalProgressCard(b: Broadcast): Promise<string> {
  // A line of its own: the card of a broadcast under way has "中止" in its cancel button too.
  const state = b.state === 'cancelled' ? '中止' : '送信完了';
  return waitFor(`HR's card to say "${state}"`, () => lastProgressCard().split('\n').includes(state) && lastProgressCard(), {
    seen: lastProgressCard,
  });
}

it('sends once to everyone reachable through 429s, 503s and a graceful restart half way, and reports who it could not reach', async () => {
  connector.failNext(429, { times: 20, retryAfterSeconds: 1 });
  connector.failNext(503, { times: 10 });
  const first = await startInstance();
  const broadcast = await confirmedBroadcast(repositories, frameworkId, { serviceUrl: connector.url });
  await connector.waitForActivities(100);

  await stopInstance(first); // SIGTERM: in-flight sends finish and are recorded, the lease and the queue messages are handed back
  const sentBeforeRestart = connector.activities().length;
  expect(sentBeforeRestart).toBeLessThan(reachable.length);
  await startInstance();
  const done = await settledAs(broadcast, ['completed']);

  expect(copiesPerPerson(reachable).every((n) => n === 1)).toBe(true);
  expect(copiesPerPerson(unreachable).every((n) => n === 0)).toBe(true);
  expect(done.progress).toMatchObject({
    total: STAFF,
    sent: reachable.length,
    unreachable: unreachable.length,
    failed: 0,
    pending: 0,
    possibleDuplicates: 0,
    failureReasons: { notInstalled: unreachable.length },
  });
  // Every scripted refusal was met (some by HR's card updates, which count towards Teams' limit too) and got over.
  expect(connector.calls.filter((c) => JSON.stringify(c.response).includes('scripted failure'))).toHaveLength(30);
  // Every recipient got the card HR previewed, byte for byte.
  expect(connector.activities(reachable[0]!.conversationId)[0]!.attachments?.[0]?.content).toEqual(broadcast.card);
  // HR watched it move and got the report in the same card.
  expect(connector.updates('a:hr-officer').length).toBeGreaterThanOrEqual(2);
  expect(await finalProgressCard(done)).toContain(String(reachable.length));
}, 120_000);

it('after a crash, sends again only what was in flight, and counts those as possible duplicates', async () => {
  const first = await startInstance();
  const broadcast = await confirmedBroadcast(repositories, frameworkId, { serviceUrl: connector.url });
  await connector.waitForActivities(100);
  await stopInstance(first);

  // What a SIGKILL leaves behind: deliveries the dead sender had claimed, two of which had already reached Teams,
  // and its lease, still running for a few seconds.
  const inFlight = (await repositories.deliveries.listRange(broadcast.id, '0', 'g')).filter((d) => d.state === 'pending').slice(0, 5);
  expect(inFlight).toHaveLength(5);
  for (const d of inFlight) {
    expect(await repositories.deliveries.update({ ...d, state: 'sending', attempts: 1, claimedBy: 'crashed-sender' }, d.etag!)).toBeDefined();
  }
  const wentOut = inFlight.slice(0, 2).map((d) => reachable.find((p) => p.aadObjectId === d.aadObjectId)!);
  const transport = new BotConnectorTransport(new TeamsAdapter({ MicrosoftAppId: '' }), '');
  const crashed = (await repositories.broadcasts.find(frameworkId, broadcast.id))!;
  for (const p of wentOut) {
    const reference = (await repositories.conversations.find('user', p.aadObjectId))!.reference;
    expect((await (await transport.prepareSend(reference, { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: crashed.card }] })).post()).status).toBe(201);
  }
  expect(await repositories.leases.acquire(SENDER_LEASE_NAME, { owner: 'crashed-sender' }, 3_000, Date.now())).toBeDefined();

  await startInstance();
  const done = await settledAs(broadcast, ['completed']);

  const copies = new Map(reachable.map((p) => [p.aadObjectId, connector.activities(p.conversationId).length]));
  expect(wentOut.map((p) => copies.get(p.aadObjectId))).toEqual([2, 2]);
  expect([...copies.values()].filter((n) => n !== 1)).toEqual([2, 2]);
  expect(done.progress).toMatchObject({ sent: reachable.length, possibleDuplicates: inFlight.length, pending: 0 });
}, 120_000);

// The storage client sends a write whose answer it lost again, twice at most, and Azurite refuses the retry (the row
// has changed: by that very write). Lose the answers to all three and the sender tries the write again itself.
it.each([
  ['the storage client’s retry', 1],
  ['the sender’s own retry', 3],
])('counts a notice whose "sent" was written but its answer lost as sent once, through %s, without waiting for the work to go quiet', async (_retry, lostAnswers) => {
  const proxy = await startStorageProxy(azurite);
  try {
    await startInstance({ connectionString: proxy.connectionString });
    // One notice's "sent" and its retries: the first such write names the row.
    let row: string | undefined;
    const sentWrite = (request: StorageRequest, body: string): boolean =>
      isWriteTo('broadcastDeliveries')(request) && body.includes('"state":"sent"') && (row ??= request.path) === request.path;
    proxy.loseAnswerTo(sentWrite, lostAnswers);
    const broadcast = await confirmedBroadcast(repositories, frameworkId, { serviceUrl: connector.url });
    // Taken for someone else's write, that notice would stay "sending" in the sender's counts until the work had been
    // quiet for a minute (the sender's STALL_MS), as long as this wait.
    const done = await settledAs(broadcast, ['completed']);

    expect(proxy.fired).toBe(true);
    expect(copiesPerPerson(reachable).every((n) => n === 1)).toBe(true);
    expect(done.progress).toMatchObject({ sent: reachable.length, failed: 0, pending: 0, possibleDuplicates: 0 });
  } finally {
    await Promise.all([...running].map(stopInstance));
    await proxy.stop();
  }
}, 120_000);

it('holds Teams’ limit in every second, the first included, when the first requests reach Teams late', async () => {
  // The first requests reach Teams only once the ones sent after them have: a new connection, a token, a busy network.
  const late = 20;
  const letThrough = connector.holdNext(late);
  await startInstance();
  const broadcast = await confirmedBroadcast(repositories, frameworkId, { serviceUrl: connector.url });
  // With those still unanswered, the sender lets the rest of one second's budget go, and then waits for answers.
  await waitFor('the held requests and the rest of the budget to reach Teams', () =>
    connector.held === late && connector.calls.length >= PROACTIVE_APP_WINDOW.max - late,
  );
  letThrough();
  const done = await settledAs(broadcast, ['completed']);

  expect(copiesPerPerson(reachable).every((n) => n === 1)).toBe(true);
  expect(done.progress).toMatchObject({ sent: reachable.length, failed: 0, pending: 0, possibleDuplicates: 0 });
  // Teams got the held ones together with those sent after them, and still no second held more than its limit allows,
  // nor was anything refused for going over it (checked after every test).
  expect(connector.peakRequests()).toBeGreaterThan(late);
  expect(connector.peakRequests()).toBeLessThanOrEqual(GLOBAL_WINDOW.max);
}, 120_000);

it('after a crash, the next process on the same instance takes the lease over at once; another instance waits for it', async () => {
  const first = await startInstance({ instanceId: 'vm-1' });
  const broadcast = await confirmedBroadcast(repositories, frameworkId, { serviceUrl: connector.url });
  await connector.waitForActivities(100);
  await stopInstance(first);
  // What a crash of vm-1's bot leaves behind: its lease, running for a long while yet.
  expect(await repositories.leases.acquire(SENDER_LEASE_NAME, { owner: 'crashed-boot', instance: 'vm-1' }, HOUR, Date.now())).toBeDefined();
  const sentBeforeTheCrash = connector.activities().length;

  const other = await startInstance({ instanceId: 'vm-2' });
  const looks = jest.spyOn(other.repositories.leases, 'acquire');
  await waitFor('the other instance to ask for the lease twice', () => looks.mock.calls.length >= 2);
  await stopInstance(other);
  expect(connector.activities()).toHaveLength(sentBeforeTheCrash);

  // vm-1's next process knows its predecessor is gone: the rest goes out long before the lease would have run out.
  await startInstance({ instanceId: 'vm-1' });
  const done = await settledAs(broadcast, ['completed']);
  expect(copiesPerPerson(reachable).every((n) => n === 1)).toBe(true);
  expect(done.progress).toMatchObject({ sent: reachable.length, pending: 0, possibleDuplicates: 0 });
}, 120_000);

it('sends each notice once when two instances share the storage, and together they stay under Teams’ limits', async () => {
  await Promise.all([startInstance(), startInstance()]);
  const broadcast = await confirmedBroadcast(repositories, frameworkId, { serviceUrl: connector.url });
  const done = await settledAs(broadcast, ['completed']);

  expect(copiesPerPerson(reachable).every((n) => n === 1)).toBe(true);
  expect(done.progress).toMatchObject({ sent: reachable.length, unreachable: unreachable.length, possibleDuplicates: 0 });
  // One lease for both: one of them sent everything, the other nothing.
  expect(await sendersOf(broadcast)).toHaveLength(1);
}, 120_000);

it('stops soon after HR cancels, and reports the rest as cancelled', async () => {
  const bot = await startInstance();
  const broadcast = await confirmedBroadcast(repositories, frameworkId, { serviceUrl: connector.url });
  await connector.waitForActivities(50);

  // Sends wait while HR cancels and the sender takes it in: how much goes out meanwhile must not depend on how long
  // that takes on a busy machine.
  const release = holdSends();
  let sentOnceTakenIn: number;
  try {
    for (let tries = 0; ; tries++) {
      const current = (await repositories.broadcasts.find(frameworkId, broadcast.id))!;
      const asked = { aadObjectId: 'hr-officer', name: '到津 由美', at: new Date().toISOString() };
      if (await repositories.broadcasts.update({ ...current, cancelRequestedBy: asked }, current.etag!)) break;
      expect(tries).toBeLessThan(10);
    }
    // The sender marks the rest cancelled only once it knows: from then on, no delivery starts.
    await waitFor('the sender to mark a delivery cancelled', async () =>
      (await repositories.deliveries.listRange(broadcast.id, '0', 'g')).some((d) => d.state === 'cancelled'),
    );
    sentOnceTakenIn = connector.activities().length;
  } finally {
    release();
  }
  const done = await settledAs(broadcast, ['cancelled']);

  const sent = connector.activities().length;
  expect(sent).toBeLessThan(reachable.length);
  // Only the deliveries already under way then (each holds one of the sender's slots) may still have gone out.
  expect(sent - sentOnceTakenIn).toBeLessThanOrEqual(MAX_IN_FLIGHT);
  expect(copiesPerPerson(reachable).every((n) => n <= 1)).toBe(true);
  expect(done.progress).toMatchObject({ total: STAFF, sent, cancelled: reachable.length - sent, unreachable: unreachable.length, pending: 0 });
  expect(await finalProgressCard(done)).toContain(String(sent));
  // Once it says "cancelled", nothing more leaves, not even while the sender winds up on a graceful stop.
  await stopInstance(bot);
  expect(connector.activities()).toHaveLength(sent);
}, 120_000);

it('"retry the failed" sends again to those Teams refused and to those who have opened the bot since', async () => {
  const inDepartment = (p: StaffMember): boolean => p.department === '市民局';
  const refused = reachable.filter(inDepartment).slice(0, 5);
  for (const p of refused) connector.failNext(500, { conversationId: p.conversationId });
  await startInstance();
  const broadcast = await confirmedBroadcast(repositories, frameworkId, { serviceUrl: connector.url, audience: { kind: 'departments', departments: ['市民局'] } });
  const first = await settledAs(broadcast, ['completed']);
  expect(first.progress).toMatchObject({ failed: 5, failureReasons: { serviceUnavailable: 5 } });
  expect(refused.every((p) => connector.activities(p.conversationId).length === 0)).toBe(true);

  const latecomer = unreachable.find(inDepartment)!;
  await meetBot(repositories, latecomer, connector.url);
  const retry = await repositories.broadcasts.update({ ...first, state: 'scheduled', round: 2, startAt: new Date().toISOString() }, first.etag!);
  expect(retry).toBeDefined();
  const second = await settledAs(broadcast, ['completed']);

  expect(refused.every((p) => connector.activities(p.conversationId).length === 1)).toBe(true);
  expect(connector.activities(latecomer.conversationId)).toHaveLength(1);
  expect(copiesPerPerson(reachable.filter(inDepartment)).every((n) => n === 1)).toBe(true);
  expect(copiesPerPerson(reachable.filter((p) => !inDepartment(p))).every((n) => n === 0)).toBe(true);
  const department = [...reachable, ...unreachable].filter(inDepartment).length;
  expect(second.progress).toMatchObject({ total: department, failed: 0, unreachable: unreachable.filter(inDepartment).length - 1 });
}, 120_000);

it('waits for a scheduled start', async () => {
  // The sender's clock, which the test moves to the start: no wait that a slow machine could outlast.
  let shift = 0;
  const bot = await startInstance({ now: () => Date.now() + shift });
  const startAt = new Date(Date.now() + HOUR);
  const broadcast = await confirmedBroadcast(repositories, frameworkId, {
    serviceUrl: connector.url,
    startAt,
    audience: { kind: 'departments', departments: ['建設局'] },
  });
  // The sender has weighed it against its clock once it looks for work again after finding it.
  const { broadcasts } = bot.repositories;
  const listActive = broadcasts.listActive.bind(broadcasts);
  let looks = 0;
  jest.spyOn(broadcasts, 'listActive').mockImplementation(async () => {
    const active = await listActive();
    if (active.some((b) => b.id === broadcast.id)) looks++;
    return active;
  });
  await waitFor('the sender to look at the scheduled broadcast twice', () => looks >= 2);
  expect((await repositories.broadcasts.find(frameworkId, broadcast.id))?.state).toBe('scheduled');
  expect(connector.activities()).toHaveLength(0);

  shift = startAt.getTime() - Date.now();
  const done = await settledAs(broadcast, ['completed']);
  expect(Date.parse(done.startedAt!)).toBeGreaterThanOrEqual(startAt.getTime());
  expect(done.progress.sent).toBe(reachable.filter((p) => p.department === '建設局').length);
}, 120_000);
