import { randomUUID } from 'node:crypto';
import { cardOf, someone, startBotHarness, textOf, type BotHarness } from '../support/botHarness';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness();
});
afterAll(async () => {
  await harness.stop();
});

// Fresh Entra ids: the storage is the run's, so "remembered" and "records nothing" are about this file's activities.
const newcomer = someone('新人 花子');

describe('installation and conversation references', () => {
  it('welcomes a user who installs the app and remembers where to reach them', async () => {
    const install = harness.activity(
      { type: 'conversationUpdate', membersAdded: [{ id: '28:dx-navi', name: 'DX Navi' }] },
      { user: newcomer },
    );
    const { status } = await harness.post(install);
    expect(status).toBeLessThan(300);
    const [welcome] = await harness.connector.waitForActivities(1, { conversationId: `a:${newcomer.id}` });
    expect(textOf(cardOf(welcome!))).toContain('DX Naviへようこそ');
    const record = await harness.bot.repositories.conversations.find('user', newcomer.aadObjectId);
    expect(record).toMatchObject({ scope: 'user', name: '新人 花子', tenantId: 'tenant-1', locale: 'ja' });
  });

  it('remembers the user on an installationUpdate too', async () => {
    const user = someone('Other');
    await harness.post(harness.activity({ type: 'installationUpdate', action: 'add' }, { user }));
    expect(await harness.bot.repositories.conversations.find('user', user.aadObjectId)).toBeDefined();
  });

  it('keeps a known name when a later event comes without one', async () => {
    const user = someone('若松 一郎');
    await harness.say('メニュー', { user });
    const reinstall = harness.activity({ type: 'installationUpdate', action: 'add' }, { user });
    reinstall.from = { id: user.id, aadObjectId: user.aadObjectId, name: '' };
    await harness.post(reinstall);
    expect(await harness.bot.repositories.conversations.find('user', user.aadObjectId)).toMatchObject({ name: '若松 一郎' });
  });

  it('does not welcome anyone when another member joins a conversation', async () => {
    const before = harness.connector.activities().length;
    await harness.post(harness.activity({ type: 'conversationUpdate', membersAdded: [{ id: '29:someone', name: 'Someone' }] }));
    expect(harness.connector.activities().length).toBe(before);
  });

  it('records a team when the bot is used in a channel', async () => {
    const team = `19:${randomUUID()}@thread.tacv2`;
    const channelMessage = harness.activity({
      type: 'message',
      text: 'メニュー',
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, name: '', tenantId: 'tenant-1' },
      channelData: { team: { id: team } },
    });
    await harness.post(channelMessage);
    await harness.connector.waitForActivities(1, { conversationId: '19:general@thread.tacv2' });
    expect(await harness.bot.repositories.conversations.find('team', team)).toBeDefined();
  });

  it('keeps the self-assessment out of team channels, where everyone would see the answers', async () => {
    const conversation = { id: '19:dx@thread.tacv2', conversationType: 'channel', isGroup: true, name: '', tenantId: 'tenant-1' };
    const channelData = { team: { id: '19:team@thread.tacv2' } };
    await harness.post(harness.activity({ type: 'message', text: '診断', conversation, channelData }));
    const [reply] = await harness.connector.waitForActivities(1, { conversationId: conversation.id });
    expect(textOf(cardOf(reply!))).toContain('個人チャットで行えます');
    const click = harness.activity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'assessment.start', data: {} } },
      conversation,
      channelData,
    });
    const { body } = await harness.post(click);
    expect(textOf((body as { value: unknown }).value)).toContain('個人チャットで行えます');
  });

  it('turns away other channels with a clear message and records nothing', async () => {
    const stranger = { ...someone('Stranger'), id: 'slack-user' };
    const reply = await harness.say('メニュー', { channelId: 'slack', user: stranger });
    expect(reply.text).toBe('DX NaviはMicrosoft Teamsでご利用ください。');
    expect(await harness.bot.repositories.conversations.find('user', stranger.aadObjectId)).toBeUndefined();
  });
});

describe('before any framework is imported', () => {
  let empty: BotHarness;
  beforeAll(async () => {
    empty = await startBotHarness({ importFramework: false });
  });
  afterAll(async () => {
    await empty.stop();
  });

  it('says the framework is not ready yet instead of failing', async () => {
    expect(textOf(cardOf(await empty.say('メニュー')))).toContain('まだ登録されていません');
    const { body } = await empty.click('framework.level', { level: 2 });
    expect(textOf(body.value)).toContain('まだ登録されていません');
  });
});
