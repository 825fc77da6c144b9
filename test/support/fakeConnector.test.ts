import { startFakeConnector, type FakeConnector } from './fakeConnector';
import { waitFor } from './waitFor';

/** A clock the tests move by hand, so no rate-limit test waits for real time. */
function manualClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

function activitiesUrl(fake: FakeConnector, conversationId: string, activityId?: string): string {
  const base = `${fake.url}v3/conversations/${encodeURIComponent(conversationId)}/activities`;
  return activityId === undefined ? base : `${base}/${encodeURIComponent(activityId)}`;
}

async function send(fake: FakeConnector, conversationId: string, text = 'hello'): Promise<Response> {
  return fetch(activitiesUrl(fake, conversationId), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'message', text }),
  });
}

async function sendMany(fake: FakeConnector, conversationId: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await send(fake, conversationId, `message ${i}`)).status);
  return statuses;
}

interface Member {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}

/** `count` copies of `value`. */
function times(count: number, value: number): number[] {
  return new Array<number>(count).fill(value);
}

/** Asserts a Teams-style error body `{ error: { code, message } }`. */
async function expectError(response: Response, code: string, messagePart = ''): Promise<void> {
  const body = (await response.json()) as { error?: { code?: string; message?: string } };
  expect(body.error?.code).toBe(code);
  expect(body.error?.message).toEqual(expect.stringContaining(messagePart));
}

describe('fake Bot Connector', () => {
  let fake: FakeConnector;
  let clock: ReturnType<typeof manualClock>;

  beforeEach(async () => {
    clock = manualClock();
    fake = await startFakeConnector({ now: clock.now });
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('records a send and answers 201 with a fresh activity id', async () => {
    const first = await send(fake, 'a:1conversation', 'first');
    const second = await send(fake, 'a:1conversation', 'second');

    expect(first.status).toBe(201);
    const { id: firstId } = (await first.json()) as { id: string };
    const { id: secondId } = (await second.json()) as { id: string };
    expect(firstId).toEqual(expect.any(String));
    expect(secondId).not.toBe(firstId);
    expect(fake.activities('a:1conversation').map((a) => a.text)).toEqual(['first', 'second']);
    expect(fake.calls[0]).toMatchObject({
      method: 'POST',
      conversationId: 'a:1conversation',
      status: 201,
      response: { id: firstId },
      at: clock.now(),
    });
  });

  it('decodes conversation ids with ":", "@" and ";" and keeps conversations apart', async () => {
    const channelThread = '19:abc@thread.tacv2;messageid=123';
    await send(fake, channelThread, 'in the channel');
    await send(fake, 'a:1xyz', 'in the chat');

    expect(fake.activities(channelThread).map((a) => a.text)).toEqual(['in the channel']);
    expect(fake.activities('a:1xyz').map((a) => a.text)).toEqual(['in the chat']);
    expect(fake.activities()).toHaveLength(2);
    expect(fake.calls[0]?.path).toBe(`/v3/conversations/${encodeURIComponent(channelThread)}/activities`);
  });

  it('handles replies, updates, deletes, conversation creation and member reads', async () => {
    const reply = await fetch(activitiesUrl(fake, 'a:1xyz', '1700000000001'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'a reply', replyToId: '1700000000001' }),
    });
    expect(reply.status).toBe(201);
    const update = await fetch(activitiesUrl(fake, 'a:1xyz', '1700000000001'), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: '1700000000001', text: 'edited' }),
    });
    expect(update.status).toBe(200);
    expect(await update.json()).toEqual({ id: '1700000000001' });
    const removal = await fetch(activitiesUrl(fake, 'a:1xyz', '1700000000001'), { method: 'DELETE' });
    expect(removal.status).toBe(200);

    expect(fake.activities('a:1xyz').map((a) => a.text)).toEqual(['a reply']);
    expect(fake.updates('a:1xyz').map((a) => a.text)).toEqual(['edited']);
    expect(fake.calls.map((c) => [c.method, c.activityId, c.status])).toEqual([
      ['POST', '1700000000001', 201],
      ['PUT', '1700000000001', 200],
      ['DELETE', '1700000000001', 200],
    ]);

    const create = (body: unknown): Promise<Response> =>
      fetch(`${fake.url}v3/conversations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const params = { isGroup: false, bot: { id: '28:bot' }, members: [{ id: '29:1user' }], tenantId: 'tenant' };
    const created = await create(params);
    expect(created.status).toBe(201);
    const { id: conversationId } = (await created.json()) as { id: string };
    expect(conversationId).toMatch(/^a:1/);
    expect(((await (await create(params)).json()) as { id: string }).id).toBe(conversationId);

    const members = (await (await fetch(`${fake.url}v3/conversations/${encodeURIComponent(conversationId)}/members`)).json()) as Member[];
    expect(members.map((m) => m.id)).toEqual(['29:1user']);
    const response = await fetch(`${fake.url}v3/conversations/${encodeURIComponent(conversationId)}/members/${encodeURIComponent('29:1user')}`);
    const member = (await response.json()) as Member;
    expect(member.id).toBe('29:1user');
    expect(member.name).toMatch(/\S/);
    expect(member.aadObjectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(member.email).toContain('@');
    expect(member).toEqual(members[0]);
  });

  it('answers unknown routes and non-JSON activities like an API would, and records them', async () => {
    const unknown = await fetch(`${fake.url}v3/nothing`);
    expect(unknown.status).toBe(404);
    const bad = await fetch(activitiesUrl(fake, 'a:1xyz'), { method: 'POST', body: 'not json' });
    expect(bad.status).toBe(400);
    await expectError(bad, 'BadArgument');
    expect(fake.calls.map((c) => c.status)).toEqual([404, 400]);
    expect(fake.activities()).toEqual([]);
  });

  it('failNext(429, { retryAfterSeconds: 2 }) refuses once with Retry-After: 2, then accepts', async () => {
    fake.failNext(429, { retryAfterSeconds: 2 });

    const refused = await send(fake, 'a:1xyz');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    await expectError(refused, 'Throttled');
    expect((await send(fake, 'a:1xyz')).status).toBe(201);

    expect(fake.calls.map((c) => c.status)).toEqual([429, 201]);
    expect(fake.activities('a:1xyz')).toHaveLength(1);
  });

  it('plays scripted failures in order, for a given conversation and number of times', async () => {
    fake.failNext(503, { times: 2, conversationId: 'a:1other' });
    fake.failNext(412);

    expect((await send(fake, 'a:1xyz')).status).toBe(412);
    const unavailable = await send(fake, 'a:1other');
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBeNull();
    expect((await send(fake, 'a:1xyz')).status).toBe(201);
    expect((await send(fake, 'a:1other')).status).toBe(503);
    expect((await send(fake, 'a:1other')).status).toBe(201);

    fake.failNext(412);
    const precondition = await send(fake, 'a:1xyz');
    await expectError(precondition, 'PreconditionFailed');
  });

  it('scripted failures come before rate limits, and take a slot in the windows like any request', async () => {
    fake.enforceRateLimits(true);
    fake.failNext(500);
    expect((await send(fake, 'a:1xyz')).status).toBe(500);
    expect(await sendMany(fake, 'a:1xyz', 7)).toEqual([...times(6, 201), 429]);
  });

  it('does not limit anything unless rate limits are enforced', async () => {
    expect(await sendMany(fake, 'a:1xyz', 20)).toEqual(times(20, 201));
  });

  it('enforces 7 sends per second in a conversation, with Retry-After until a slot frees', async () => {
    fake.enforceRateLimits(true);
    expect(await sendMany(fake, 'a:1xyz', 7)).toEqual(times(7, 201));

    const refused = await send(fake, 'a:1xyz');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    await expectError(refused, 'Throttled', '7 sends per 1 s');
    // Another conversation is not affected.
    expect((await send(fake, 'a:1other')).status).toBe(201);

    // Refused sends count too, as Teams counts them: the 7 accepted and the 1 refused at 0 fill the 8-per-2-s window.
    clock.advance(1000);
    const eightPerTwo = await send(fake, 'a:1xyz');
    expect(eightPerTwo.status).toBe(429);
    await expectError(eightPerTwo, 'Throttled', '8 sends per 2 s');
    expect(fake.activities('a:1xyz')).toHaveLength(7);
  });

  it('counts refused requests in its windows, as Teams does: retrying too soon costs a slot', async () => {
    fake.enforceRateLimits(true);
    for (let conversation = 0; conversation < 10; conversation++) {
      expect(await sendMany(fake, `a:1user${conversation}`, 5)).toEqual(times(5, 201));
    }
    clock.advance(500);
    for (let retry = 0; retry < 5; retry++) expect((await send(fake, `a:1late${retry}`)).status).toBe(429);

    // The 50 accepted at 0 have left the window, the 5 refused at 500 have not: 45 fit, not 50.
    clock.advance(500);
    const statuses: number[] = [];
    for (let i = 0; i < 46; i++) statuses.push((await send(fake, `a:1next${i}`)).status);
    expect(statuses).toEqual([...times(45, 201), 429]);
    // The busiest second, as Teams counts it: 50 accepted and 5 refused, from 0 to 500.
    expect(fake.peakRequests()).toBe(55);
    expect(fake.peakRequests(1)).toBe(50);
  });

  it('enforces 60 sends per 30 s in a conversation', async () => {
    fake.enforceRateLimits(true);
    // 4 sends a second stays within 7/1 s and 8/2 s; after 15 s the 30-s window holds 60.
    for (let second = 0; second < 15; second++) {
      expect(await sendMany(fake, 'a:1xyz', 4)).toEqual(times(4, 201));
      clock.advance(1000);
    }
    const refused = await send(fake, 'a:1xyz');
    expect(refused.status).toBe(429);
    // The first four sends (at 0 s) leave the window at 30 s: 15 s from now.
    expect(refused.headers.get('retry-after')).toBe('15');
    await expectError(refused, 'Throttled', '60 sends per 30 s');

    clock.advance(14_999);
    expect((await send(fake, 'a:1xyz')).status).toBe(429);
    clock.advance(1);
    // The four at 0 have left; the two refused count: 56 + 2 leave room for two.
    expect(await sendMany(fake, 'a:1xyz', 4)).toEqual([201, 201, 429, 429]);
  });

  it('enforces 50 requests per second across conversations', async () => {
    fake.enforceRateLimits(true);
    for (let conversation = 0; conversation < 10; conversation++) {
      expect(await sendMany(fake, `a:1user${conversation}`, 5)).toEqual(times(5, 201));
    }
    const refused = await send(fake, 'a:1fresh');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    await expectError(refused, 'Throttled', '50 requests per 1 s');
    // Other requests count too.
    expect((await fetch(`${fake.url}v3/conversations/a%3A1fresh/members`)).status).toBe(429);

    clock.advance(1000);
    expect((await send(fake, 'a:1fresh')).status).toBe(201);
  });

  it('can be told to enforce rate limits from the start', async () => {
    const limited = await startFakeConnector({ enforceRateLimits: true, now: clock.now });
    try {
      expect(await sendMany(limited, 'a:1xyz', 8)).toEqual([...times(7, 201), 429]);
    } finally {
      await limited.stop();
    }
  });

  it('randomFailures refuses a share of sends after the scripted failures; refused sends count in the windows', async () => {
    // Each send draws once to decide, and once more to pick the status when it fails.
    const draws = [0.1, 0.9, 0.7, 0.1, 0.2];
    const random = (): number => draws.shift() ?? 0.9; // then every send passes
    const flaky = await startFakeConnector({
      now: clock.now,
      enforceRateLimits: true,
      randomFailures: { rate: 0.3, statuses: [429, 503], retryAfterSeconds: 3, random },
    });
    try {
      flaky.failNext(412);
      expect((await send(flaky, 'a:1xyz')).status).toBe(412); // scripted: no draw
      const throttled = await send(flaky, 'a:1xyz'); // 0.1 < 0.3 fails, 0.9 picks 503
      expect(throttled.status).toBe(503);
      expect(throttled.headers.get('retry-after')).toBe('3');
      await expectError(throttled, 'ServiceUnavailable', 'random failure');
      expect((await send(flaky, 'a:1xyz')).status).toBe(201); // 0.7 passes
      const refused = await send(flaky, 'a:1xyz'); // 0.1 fails, 0.2 picks 429
      expect(refused.status).toBe(429);
      await expectError(refused, 'Throttled', 'random failure');
      // Updates are never refused at random.
      const update = await fetch(activitiesUrl(flaky, 'a:1xyz', '1700000000001'), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'edited' }),
      });
      expect(update.status).toBe(200);
      // The 412, the 503 and the 429 took their slots like the accepted send: 3 more fit in the 7 per second.
      expect(await sendMany(flaky, 'a:1xyz', 4)).toEqual([...times(3, 201), 429]);
      expect(flaky.activities('a:1xyz')).toHaveLength(4);
    } finally {
      await flaky.stop();
    }
  });

  it('holdNext counts held requests when they are let go, after the ones that overtook them', async () => {
    fake.enforceRateLimits(true);
    const release = fake.holdNext(2);
    const late = [send(fake, 'a:1late', 'one'), send(fake, 'a:1late', 'two')];
    await waitFor('both requests to be held', () => fake.held === 2);
    const start = clock.now();
    clock.advance(700);
    expect(await sendMany(fake, 'a:1onTime', 3)).toEqual(times(3, 201));
    clock.advance(100);
    release();
    expect((await Promise.all(late)).map((r) => r.status)).toEqual([201, 201]);

    expect(fake.held).toBe(0);
    expect(fake.calls.map((c) => [c.conversationId, c.at - start])).toEqual([
      ['a:1onTime', 700],
      ['a:1onTime', 700],
      ['a:1onTime', 700],
      ['a:1late', 800],
      ['a:1late', 800],
    ]);
    expect(fake.peakRequests()).toBe(5);
  });

  it('holdNext with a conversation holds only the next request to it, and lets the others through', async () => {
    const release = fake.holdNext(1, 'a:1held');
    const held = send(fake, 'a:1held', 'held');
    await waitFor('the request to be held', () => fake.held === 1);
    expect(await sendMany(fake, 'a:1other', 2)).toEqual(times(2, 201));
    expect(fake.calls.map((c) => c.conversationId)).toEqual(['a:1other', 'a:1other']);
    release();
    expect((await held).status).toBe(201);
    expect(fake.calls.map((c) => c.conversationId)).toEqual(['a:1other', 'a:1other', 'a:1held']);
  });

  it('reset() forgets calls, activities, scripted failures and rate-limit history', async () => {
    fake.enforceRateLimits(true);
    await sendMany(fake, 'a:1xyz', 7);
    fake.failNext(500);
    fake.reset();

    expect(fake.calls).toEqual([]);
    expect(fake.activities()).toEqual([]);
    expect((await send(fake, 'a:1xyz')).status).toBe(201);
  });

  it('waitForActivities resolves when enough sends arrive', async () => {
    const waiting = fake.waitForActivities(2, { conversationId: 'a:1xyz' });
    await send(fake, 'a:1other');
    await send(fake, 'a:1xyz', 'one');
    await send(fake, 'a:1xyz', 'two');
    expect((await waiting).map((a) => a.text)).toEqual(['one', 'two']);
    expect(await fake.waitForActivities(3)).toHaveLength(3);
  });

  it('waitForActivities times out with a message listing what arrived', async () => {
    await send(fake, 'a:1xyz', 'only this one');
    fake.failNext(429, { retryAfterSeconds: 1 });
    await send(fake, 'a:1xyz', 'refused');

    const error = await fake.waitForActivities(2, { conversationId: 'a:1xyz', timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('expected 2 activities in conversation "a:1xyz" within 50 ms, got 1');
    expect(message).toContain('message "only this one"');
    expect(message).toMatch(/POST \/v3\/conversations\/a%3A1xyz\/activities -> 429/);
  });

  it('stop() closes the server: later requests cannot connect', async () => {
    await send(fake, 'a:1xyz'); // leaves a keep-alive socket open
    const pending = fake.waitForActivities(5);
    await fake.stop();

    await expect(pending).rejects.toThrow(/stopped/);
    const error = await send(fake, 'a:1xyz').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TypeError', message: 'fetch failed' }); // fetch's TypeError is from another realm than Jest's
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    await fake.stop(); // idempotent
  });
});
