import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTracingClient } from '@azure/core-tracing';
import { importFramework } from '../../src/importing/importFramework';
import { createRepositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';
import { startTelemetry } from '../../src/telemetry';
import { frameworkFileText, type TestUser } from '../support/botHarness';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';

// The production entry (src/index.ts) as a real process with APPLICATIONINSIGHTS_CONNECTION_STRING set: it answers as
// usual, and what reaches Application Insights (a local stand-in here) has no paths with row keys, no ids, names or
// download tokens. A real process, because the SDK instruments modules as Node loads them, which Jest's loader bypasses.

const TLS_DIR = path.join(__dirname, '..', 'support', 'tls');

/** One Application Insights envelope as the SDK sends it. */
interface Envelope {
  data?: { baseType?: string; baseData?: { url?: string; data?: string } };
}

let ingestion: Server;
const envelopes: Envelope[] = [];
let connector: FakeConnector;
let bot: BotProcess;
const user: TestUser = { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name: 'テレメトリ 太郎' };
const token = randomUUID();

/** The SDK speaks only HTTPS, so the stand-in has a throw-away certificate, which the bot process is told to accept. */
async function startIngestion(): Promise<Server> {
  const tls = { key: readFileSync(path.join(TLS_DIR, 'localhost.key.pem')), cert: readFileSync(path.join(TLS_DIR, 'localhost.cert.pem')) };
  const server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url?.endsWith('/track')) {
        const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
        envelopes.push(...(JSON.parse(text) as Envelope[]));
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"itemsReceived":0,"itemsAccepted":0,"errors":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeAll(async () => {
  ingestion = await startIngestion();
  connector = await startFakeConnector();
  const frameworkId = `tl-${randomUUID().slice(0, 8)}`;
  const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
  await storage.ensureTables();
  await importFramework(frameworkFileText('kitakyushu', frameworkId), createRepositories(storage).frameworks);
  const endpoint = `https://127.0.0.1:${(ingestion.address() as AddressInfo).port}/`;
  bot = await startBotProcess({
    PORT: '0',
    STORAGE_CONNECTION_STRING: process.env.TEST_STORAGE_CONNECTION_STRING,
    FRAMEWORK_ID: frameworkId,
    APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${randomUUID()};IngestionEndpoint=${endpoint};LiveEndpoint=${endpoint}`,
    APPLICATIONINSIGHTS_INSTRUMENTATION_LOGGING_LEVEL: 'ERROR',
    // Every trace: by default the SDK keeps 5 a second, which the start-up's storage calls can use up.
    OTEL_TRACES_SAMPLER: 'always_on',
    // Accepts the stand-in's certificate; statsbeat (the SDK's usage reports to Microsoft) is off, so the telemetry goes
    // to the stand-in only.
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    NODE_TLS_REJECT_UNAUTHORIZED: '0',
  });
});
afterAll(async () => {
  await bot?.stop();
  await connector?.stop();
  await new Promise((resolve) => ingestion?.close(resolve));
});

describe('the production entry with Application Insights configured', () => {
  it('answers as usual, and sends requests and outgoing calls without paths, ids, names or download tokens', async () => {
    expect(bot.listening.telemetry).toBe(true);
    const conversationId = `a:${user.id}`;
    const activity = {
      type: 'message',
      id: randomUUID(),
      text: 'メニュー',
      channelId: 'msteams',
      serviceUrl: connector.url,
      locale: 'ja-JP',
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: '28:dx-navi', name: 'DX Navi' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    };
    const posted = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(posted.status).toBe(200);
    expect(await connector.waitForActivities(1, { conversationId })).toHaveLength(1);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${bot.url}/api/exports/${token}`)).status).toBeGreaterThanOrEqual(400);

    // Stopping sends what is queued, so nothing waits for the SDK's batching.
    expect(await bot.stop()).toBe(0);

    const sent = (baseType: string): { url?: string; data?: string }[] =>
      envelopes.filter((e) => e.data?.baseType === baseType).map((e) => e.data!.baseData!);
    expect(sent('RequestData').map((r) => new URL(r.url!).pathname)).toEqual(['/api/messages']);
    const calls = sent('RemoteDependencyData').map((call) => call.data);
    expect(calls).toContain(new URL(connector.url).origin);
    for (const call of calls) expect(call).toMatch(/^https?:\/\/[^/]+$/);
    const everything = JSON.stringify(envelopes);
    for (const secret of [user.aadObjectId, user.name, token]) expect(everything).not.toContain(secret);
  });
});

describe('starting telemetry in this process', () => {
  it('leaves the Azure SDKs untraced: their spans would carry storage URLs with row keys, e-mail addresses among them', async () => {
    const telemetry = await startTelemetry(`InstrumentationKey=${randomUUID()};IngestionEndpoint=https://127.0.0.1:9/`);
    try {
      const { span } = createTracingClient({ namespace: 'Microsoft.Data.Tables', packageName: '@azure/data-tables' }).startSpan('probe');
      expect(span.isRecording()).toBe(false);
      span.end();
    } finally {
      await telemetry?.stop().catch(() => undefined);
    }
  });
});
