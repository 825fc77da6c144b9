import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, type ConversationReference } from 'botbuilder';
import { BotConnectorTransport } from '../../src/broadcast/channelTransport';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';

function referenceTo(serviceUrl: string, conversationId: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl,
    locale: 'ja-JP',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '', tenantId: 'tenant-id' },
    bot: { id: '28:bot-id', name: 'DX Navi' },
    user: { id: '29:1user', name: '北九 太郎', aadObjectId: '11111111-1111-4111-8111-111111111111' },
    // The activity the reference was taken from: a broadcast is a new message, not a reply to it.
    activityId: '1699999999999',
  };
}

/** A bare HTTP server that notes each request's headers and answers with `answer` (or never, when it returns false). */
async function startRecordingServer(answer: (res: http.ServerResponse) => boolean): Promise<{
  url: string;
  requests: http.IncomingHttpHeaders[];
  stop: () => Promise<void>;
}> {
  const requests: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.headers);
    req.resume();
    if (answer(res)) res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

const created = (res: http.ServerResponse): boolean => {
  // Not chained: restify, loaded by other test files in this worker, patches writeHead to return nothing.
  res.writeHead(201, { 'Content-Type': 'application/json' });
  res.write('{"id":"1"}');
  return true;
};

describe('BotConnectorTransport against the fake Bot Connector', () => {
  let connector: FakeConnector;
  let transport: BotConnectorTransport;
  const conversationId = 'a:1broadcast-recipient';

  beforeEach(async () => {
    connector = await startFakeConnector();
    // As src/app.ts builds it; no app id: anonymous, as locally.
    transport = new BotConnectorTransport(new TeamsAdapter({ MicrosoftAppId: '' }), '');
  });
  afterEach(async () => {
    await connector.stop();
  });

  it('sends a new message from the bot to the user and returns 201 with its id', async () => {
    const outcome = await (await transport.prepareSend(referenceTo(connector.url, conversationId), { text: '募集のお知らせ' })).post();

    const [call, ...others] = connector.calls;
    expect(others).toEqual([]);
    expect(call).toMatchObject({ method: 'POST', conversationId, status: 201 });
    expect(call?.activityId).toBeUndefined(); // POST .../activities, not a reply
    expect(outcome).toEqual({ status: 201, activityId: (call?.response as { id: string }).id });
    const [activity] = connector.activities(conversationId);
    expect(activity).toMatchObject({
      type: 'message',
      text: '募集のお知らせ',
      channelId: 'msteams',
      locale: 'ja-JP',
      from: { id: '28:bot-id' },
      recipient: { id: '29:1user' },
      conversation: { id: conversationId },
    });
    expect(activity?.replyToId).toBeUndefined();
  });

  it('updates an activity in place', async () => {
    const reference = referenceTo(connector.url, conversationId);
    const outcome = await transport.update(reference, '1700000000042', { text: '送信済み 10 / 300' });

    expect(outcome).toEqual({ status: 200, activityId: '1700000000042' });
    expect(connector.calls.map((c) => [c.method, c.activityId])).toEqual([['PUT', '1700000000042']]);
    expect(connector.updates(conversationId)).toEqual([
      expect.objectContaining({ id: '1700000000042', type: 'message', text: '送信済み 10 / 300', from: { id: '28:bot-id', name: 'DX Navi' } }),
    ]);
  });

  it('returns a 429 with its Retry-After after exactly one request: no hidden retries', async () => {
    connector.failNext(429, { retryAfterSeconds: 2 });
    const outcome = await (await transport.prepareSend(referenceTo(connector.url, conversationId), { text: 'x' })).post();

    expect(outcome).toEqual({ status: 429, retryAfterMs: 2000, errorCode: 'Throttled' });
    expect(connector.calls).toHaveLength(1);
    expect(connector.activities()).toEqual([]);
  });

  it('returns a 503 after exactly one request', async () => {
    connector.failNext(503, { times: 2 });
    const outcome = await (await transport.prepareSend(referenceTo(connector.url, conversationId), { text: 'x' })).post();

    expect(outcome).toEqual({ status: 503, errorCode: 'ServiceUnavailable' });
    expect(connector.calls).toHaveLength(1);
  });

  it('returns status 0 when the connector cannot be reached', async () => {
    const reference = referenceTo(connector.url, conversationId);
    await connector.stop();

    expect(await (await transport.prepareSend(reference, { text: 'x' })).post()).toEqual({ status: 0, errorCode: 'ECONNREFUSED' });
  });

  it('answers a reference with nowhere to post to without a request', async () => {
    const reference = { ...referenceTo(connector.url, conversationId), serviceUrl: undefined };

    expect(await (await transport.prepareSend(reference, { text: 'x' })).post()).toEqual({ status: 400, errorCode: 'BadConversationReference' });
    expect(connector.calls).toEqual([]);
  });
});

describe('BotConnectorTransport, network and authentication', () => {
  it('gives up after the timeout with status 0', async () => {
    const silent = await startRecordingServer(() => false);
    try {
      const transport = new BotConnectorTransport(new TeamsAdapter({ MicrosoftAppId: '' }), '', { timeoutMs: 200 });
      expect(await (await transport.prepareSend(referenceTo(silent.url, 'a:1'), { text: 'x' })).post()).toEqual({ status: 0, errorCode: 'Timeout' });
      expect(silent.requests).toHaveLength(1);
    } finally {
      await silent.stop();
    }
  });

  it('sends no Authorization header in anonymous mode', async () => {
    const server = await startRecordingServer(created);
    try {
      const transport = new BotConnectorTransport(new TeamsAdapter({ MicrosoftAppId: '' }), '');
      expect(await (await transport.prepareSend(referenceTo(server.url, 'a:1'), { text: 'x' })).post()).toMatchObject({ status: 201 });
      expect(server.requests[0]).not.toHaveProperty('authorization');
    } finally {
      await server.stop();
    }
  });

  it('with an app id, signs with the same Bearer token as the adapter’s own client', async () => {
    const asked: { appId: string; audience: string }[] = [];
    /** Stands in for Entra ID: botbuilder asks it for the credentials of the bot's app id. */
    class IssuingFactory extends ConfigurationServiceClientCredentialFactory {
      override createCredentials(appId: string, audience: string): ReturnType<ConfigurationServiceClientCredentialFactory['createCredentials']> {
        asked.push({ appId, audience });
        return Promise.resolve({
          signRequest: (request) => {
            request.headers.set('Authorization', `Bearer token-for-${appId}`);
            return Promise.resolve(request);
          },
        });
      }
    }
    const appId = '22222222-2222-4222-8222-222222222222';
    const adapter = new TeamsAdapter(
      { MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used', MicrosoftAppType: 'MultiTenant' },
      new IssuingFactory({ MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used' }),
    );
    const server = await startRecordingServer(created);
    try {
      const reference = referenceTo(server.url, 'a:1');
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        await context.sendActivity('from botbuilder');
      });
      // The stand-in for Teams is on this machine: trusted here as Teams' own hosts are in production.
      const transport = new BotConnectorTransport(adapter, appId, { trusts: (url) => url.startsWith(server.url) });
      await (await transport.prepareSend(reference, { text: 'from the transport' })).post();

      const [byAdapter, byTransport] = server.requests;
      expect(byTransport?.authorization).toBe(`Bearer token-for-${appId}`);
      expect(byTransport?.authorization).toBe(byAdapter?.authorization);
      expect(asked[asked.length - 1]).toEqual(asked[0]);
      expect(asked[0]?.appId).toBe(appId);
    } finally {
      await server.stop();
    }
  });
});
