import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsInfo,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import { startFakeConnector, type FakeConnector } from './fakeConnector';

/*
 * Anonymous sending, as the bot does locally and in tests:
 * `ConfigurationBotFrameworkAuthentication({})` builds a `ConfigurationServiceClientCredentialFactory` with no
 * MicrosoftAppId. Its `isAuthenticationDisabled()` is then true, so `createCredentials()` returns
 * `MicrosoftAppCredentials.Empty`, which signs nothing: requests go out with no Authorization header and no token is
 * ever fetched. `continueConversationAsync('', ...)` builds a claims identity for the empty app id, and the
 * ConnectorClient it creates uses the reference's `serviceUrl` as its base URI (plain http is allowed), so every call
 * lands on the fake. With an app id set, the same code would first ask Entra ID for a token.
 */
describe('fake Bot Connector with the real botbuilder client', () => {
  let fake: FakeConnector;
  let adapter: CloudAdapter;

  const reference = (conversationId: string): Partial<ConversationReference> => ({
    channelId: 'msteams',
    serviceUrl: fake.url,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '', tenantId: 'tenant-id' },
    bot: { id: '28:bot-id', name: 'DX Navi' },
    user: { id: '29:1user', name: 'Test User', aadObjectId: '00000000-0000-0000-0000-000000000001' },
  });

  beforeEach(async () => {
    fake = await startFakeConnector();
    adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('receives a proactive message sent with continueConversationAsync', async () => {
    const conversationId = '19:abc@thread.tacv2;messageid=123';
    let sentId: string | undefined;
    await adapter.continueConversationAsync('', reference(conversationId), async (context) => {
      sentId = (await context.sendActivity('Hello from DX Navi'))?.id;
    });

    const [activity, ...others] = fake.activities(conversationId);
    expect(others).toEqual([]);
    expect(activity).toMatchObject({ type: 'message', text: 'Hello from DX Navi', conversation: { id: conversationId } });
    expect(fake.calls).toHaveLength(1);
    // continueConversationAsync replies to its made-up continuation activity: POST .../activities/{uuid}.
    expect(fake.calls[0]).toMatchObject({ method: 'POST', activityId: activity?.replyToId, status: 201, response: { id: sentId } });
    expect(sentId).toEqual(expect.any(String));
    expect(activity?.replyToId).toEqual(expect.any(String));
  });

  it('takes replies, updates and deletes at the paths botbuilder uses', async () => {
    await adapter.continueConversationAsync('', reference('a:1xyz'), async (context) => {
      const sent = await context.sendActivity('first version');
      const id = sent?.id ?? '';
      await context.updateActivity({ type: 'message', id, text: 'second version' });
      await context.deleteActivity(id);
    });

    // A proactive send is a reply to the continuation activity, whose id botbuilder makes up (a UUID).
    const replyToId = fake.activities('a:1xyz')[0]?.replyToId;
    const sentId = (fake.calls[0]?.response as { id: string }).id;
    expect(fake.calls.map((c) => [c.method, c.activityId, c.status])).toEqual([
      ['POST', replyToId, 201],
      ['PUT', sentId, 200],
      ['DELETE', sentId, 200],
    ]);
    expect(replyToId).toEqual(expect.any(String));
    expect(fake.updates('a:1xyz').map((a) => a.text)).toEqual(['second version']);
  });

  it('creates a 1:1 conversation and reads a member', async () => {
    const parameters = {
      isGroup: false,
      bot: { id: '28:bot-id', name: 'DX Navi' },
      members: [{ id: '29:1user', name: '' }],
      tenantId: 'tenant-id',
      channelData: { tenant: { id: 'tenant-id' } },
    } as ConversationParameters;
    let conversationId = '';
    let memberEmail: string | undefined;
    await adapter.createConversationAsync('', 'msteams', fake.url, '', parameters, async (context) => {
      conversationId = context.activity.conversation.id;
      memberEmail = (await TeamsInfo.getMember(context, '29:1user')).email;
      await context.sendActivity('Welcome');
    });

    expect(conversationId).toMatch(/^a:1/);
    expect(memberEmail).toEqual(expect.stringContaining('@'));
    expect(fake.activities(conversationId).map((a) => a.text)).toEqual(['Welcome']);
  });

  it('botbuilder retries a 429 after Retry-After and the message still arrives', async () => {
    fake.failNext(429, { retryAfterSeconds: 1 });
    await adapter.continueConversationAsync('', reference('a:1xyz'), async (context) => {
      await context.sendActivity('Eventually delivered');
    });

    expect(fake.calls.map((c) => c.status)).toEqual([429, 201]);
    expect(fake.calls[1]!.at - fake.calls[0]!.at).toBeGreaterThanOrEqual(900);
    expect(fake.activities('a:1xyz').map((a) => a.text)).toEqual(['Eventually delivered']);
  });
});
