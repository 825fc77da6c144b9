import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, type ConversationReference } from 'botbuilder';
import { BotConnectorTransport } from '../../src/broadcast/channelTransport';
import { submitApplication } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { startAzurite } from '../../src/local/azurite';
import type { Logger } from '../../src/logger';
import { startBotHarness, textOf } from '../support/botHarness';
import { confirmedBroadcast } from '../support/broadcastFixtures';
import { importRosterRows, meet, openWindows, talkingTo } from '../support/conversation';
import { keepingWarnings, person, rosterOf, type Person } from './fixtures';
import { waitFor } from '../support/waitFor';

// A forged serviceUrl in a stored conversation reference. A reference is stored data, and whoever can write to the
// storage (or slip a reference in) chooses where the bot posts next: with an app id every post carries the bot's
// token, which would then go to the attacker. What must hold: a bot with an app id posts to Teams' own service hosts
// only, a bot without one (a local run) to this machine only, and anything else is refused before any request leaves,
// by the notifier (approval requests, reminders, decisions) and by the broadcast's transport alike.

/** An HTTP server on this machine standing in for the attacker's: it notes every request and answers 201. */
async function startTrap(): Promise<{ url: string; requests: string[]; stop(): Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    req.resume();
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end('{"id":"1"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** A reference to someone's personal chat, as Teams would have given it, but for its serviceUrl. */
function referenceOf(who: Person, serviceUrl: string): Partial<ConversationReference> {
  return {
    serviceUrl,
    channelId: 'msteams',
    conversation: { id: `a:${who.id}`, conversationType: 'personal', tenantId: 'tenant-1', isGroup: false, name: '' },
    user: { id: who.id, aadObjectId: who.aadObjectId, name: who.name },
    bot: { id: '28:dx-navi', name: 'DX Navi' },
  };
}

/** A bot on its own Azurite with an employee and her manager on the roster; `logger` hears what it logs. */
async function startBotWith(environment: NodeJS.ProcessEnv, logger: Logger) {
  const azurite = await startAzurite();
  const harness = await startBotHarness({ connectionString: azurite.connectionString, logger, environment });
  const roster = rosterOf();
  const manager = roster.add('門司 花子', '課長');
  const applicant = roster.add('北九 太郎', '主事', { manager });
  await importRosterRows(harness, roster.rows);
  await openWindows(harness, ['gold']);
  /** Stores a reference to someone's chat that names `serviceUrl`, as a write to the storage could. */
  const forge = (who: Person, serviceUrl: string): Promise<void> =>
    harness.bot.repositories.conversations.save({ scope: 'user', key: who.aadObjectId, locale: 'ja-JP', reference: referenceOf(who, serviceUrl) });
  return {
    harness,
    applicant,
    manager,
    forge,
    async stop() {
      await harness.stop();
      await azurite.stop();
    },
  };
}

const REFUSED = 'proactive message refused: not a Teams service URL';

describe('a bot with an app id, whose every post carries its token', () => {
  const { logger, warnings } = keepingWarnings();
  let bot: Awaited<ReturnType<typeof startBotWith>>;
  let trap: Awaited<ReturnType<typeof startTrap>>;

  beforeAll(async () => {
    bot = await startBotWith({ BOT_ID: randomUUID(), BOT_PASSWORD: 'x', BOT_TYPE: 'MultiTenant', BOT_TENANT_ID: randomUUID() }, logger);
    trap = await startTrap();
    await bot.forge(bot.manager, trap.url);
    await bot.forge(bot.applicant, trap.url);
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await trap?.stop();
  });

  it('sends no reminder to a manager whose reference names another host: no request at all, and a log line', async () => {
    // An application waiting five days for its manager: the hourly reminder is due.
    const fiveDaysAgo = new Date(Date.now() - 5 * 24 * 3600 * 1000);
    const { applicant, manager } = bot;
    await bot.harness.bot.repositories.applications.create(
      submitApplication(
        {
          frameworkId: bot.harness.frameworkId,
          fiscalYear: fiscalYearOf(new Date()),
          track: 'gold',
          applicant: { aadObjectId: applicant.aadObjectId, name: applicant.name, employeeNo: 'E01', department: '市民局', grade: '主事' },
          approver: { aadObjectId: manager.aadObjectId, name: manager.name },
          motivation: '窓口のオンライン予約を全区に広げたいです。',
        },
        fiveDaysAgo,
      ),
    );

    expect(await bot.harness.bot.remindApprovers()).toBe(0);
    expect(trap.requests).toEqual([]);
    expect(warnings.filter((w) => w.message === REFUSED).map((w) => w.fields?.aadObjectId)).toEqual([manager.aadObjectId]);
  });

  it('sends no broadcast to such a reference, nor HR\'s progress card: each is refused as a bad reference, never posted', async () => {
    const { repositories } = bot.harness.bot;
    const broadcast = await confirmedBroadcast(repositories, bot.harness.frameworkId, { serviceUrl: trap.url });
    const done = await waitFor('the broadcast to complete', async () => {
      const latest = await repositories.broadcasts.find(bot.harness.frameworkId, broadcast.id);
      return latest?.state === 'completed' ? latest : undefined;
    });

    expect(done.progress).toMatchObject({ total: 2, sent: 0, failed: 2, failureReasons: { rejected: 2 } });
    const deliveries = [];
    for await (const page of repositories.deliveries.pages(broadcast.id)) deliveries.push(...page);
    expect(deliveries.map((d) => [d.state, d.lastStatus])).toEqual([
      ['failed', 400],
      ['failed', 400],
    ]);
    expect(trap.requests).toEqual([]);
  });
});

describe('a bot without an app id (a local run)', () => {
  const { logger, warnings } = keepingWarnings();
  let bot: Awaited<ReturnType<typeof startBotWith>>;
  const { click } = talkingTo(() => bot.harness);

  beforeAll(async () => {
    bot = await startBotWith({}, logger);
    await meet(bot.harness, [bot.applicant]);
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
  });

  it.each(['http://example.invalid/', 'https://smba.trafficmanager.net.example.invalid/', 'http://127.0.0.1.example.invalid/'])(
    'posts only to this machine: a manager whose reference names %s is not sent the approval request, and it is logged',
    async (serviceUrl) => {
      await bot.forge(bot.manager, serviceUrl);
      const warned = warnings.length;
      const submitted = await click(bot.applicant, 'application.submit', { track: 'gold', motivation: '窓口のオンライン予約を全区に広げたいです。', attachAssessment: 'false' });
      await click(bot.applicant, 'application.withdraw', { applicationId: `${fiscalYearOf(new Date())}-gold-${bot.applicant.aadObjectId}`, confirmed: true });

      expect(textOf(submitted)).toContain('門司 花子さんへの承認依頼はまだ届いていません');
      expect(warnings.slice(warned).filter((w) => w.message === REFUSED).map((w) => w.fields?.aadObjectId)).toEqual([bot.manager.aadObjectId]);
      expect(bot.harness.connector.activities(`a:${bot.manager.id}`)).toEqual([]);
    },
  );
});

describe("the broadcast's transport", () => {
  const appId = '22222222-2222-4222-8222-222222222222';
  /** Stands in for Entra ID: a token for the bot's app id, without the network. */
  class IssuingFactory extends ConfigurationServiceClientCredentialFactory {
    override createCredentials(): ReturnType<ConfigurationServiceClientCredentialFactory['createCredentials']> {
      return Promise.resolve({
        signRequest: (request) => {
          request.headers.set('Authorization', `Bearer token-for-${appId}`);
          return Promise.resolve(request);
        },
      });
    }
  }
  const signed = (): BotConnectorTransport =>
    new BotConnectorTransport(
      new TeamsAdapter(
        { MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used', MicrosoftAppType: 'MultiTenant' },
        new IssuingFactory({ MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used' }),
      ),
      appId,
    );
  const anonymous = (): BotConnectorTransport => new BotConnectorTransport(new TeamsAdapter({ MicrosoftAppId: '' }), '');
  const someone = person('北九 太郎');
  let trap: Awaited<ReturnType<typeof startTrap>>;

  beforeEach(async () => {
    trap = await startTrap();
  });
  afterEach(async () => {
    await trap.stop();
  });

  it.each([
    ['a signed post to this machine', signed, (url: string) => url],
    ['a signed post to a Teams host over plain HTTP', signed, () => 'http://smba.trafficmanager.net/jp/'],
    ['a signed post to a look-alike of a Teams host', signed, () => 'https://smba.trafficmanager.net.example.invalid/'],
    ['a signed post to a Teams host posing as the user name of another host', signed, () => 'https://smba.trafficmanager.net@example.invalid/'],
    ['an unsigned post to another host', anonymous, () => 'http://example.invalid/'],
  ] as const)('refuses %s with 400 BadConversationReference, sending no request', async (_case, transport, url) => {
    const reference = referenceOf(someone, url(trap.url));
    const sent = await (await transport().prepareSend(reference, { text: '募集のお知らせ' })).post();
    const updated = await transport().update(reference, 'progress-card-1', { text: '送信中' });

    expect([sent, updated]).toEqual([
      { status: 400, errorCode: 'BadConversationReference' },
      { status: 400, errorCode: 'BadConversationReference' },
    ]);
    expect(trap.requests).toEqual([]);
  });

  it('does post to this machine without an app id: the refusals above are about where, not a transport that never posts', async () => {
    const sent = await (await anonymous().prepareSend(referenceOf(someone, trap.url), { text: '募集のお知らせ' })).post();
    expect(sent).toEqual({ status: 201, activityId: '1' });
    expect(trap.requests).toEqual([`POST /v3/conversations/${encodeURIComponent(`a:${someone.id}`)}/activities `]);
  });
});
