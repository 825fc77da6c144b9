import { randomUUID } from 'node:crypto';
import { cardOf, someone, startBotHarness, textOf, type BotHarness } from '../support/botHarness';

// Employees on the roster, each new to the bot: "remembered" is about this file's activities.
const newcomer = someone('新人 花子');
const installer = someone('Other');
const renamed = someone('若松 一郎');

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness({ staff: [newcomer, installer, renamed] });
});
afterAll(async () => {
  await harness.stop();
});

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
    await harness.post(harness.activity({ type: 'installationUpdate', action: 'add' }, { user: installer }));
    expect(await harness.bot.repositories.conversations.find('user', installer.aadObjectId)).toBeDefined();
  });

  it('welcomes someone not on the roster who installs the app, and keeps nothing about them', async () => {
    const guest = someone('来訪 者');
    const install = harness.activity({ type: 'conversationUpdate', membersAdded: [{ id: '28:dx-navi', name: 'DX Navi' }] }, { user: guest });
    await harness.post(install);
    const [welcome] = await harness.connector.waitForActivities(1, { conversationId: `a:${guest.id}` });
    expect(textOf(cardOf(welcome!))).toContain('DX Naviへようこそ');
    await harness.post(harness.activity({ type: 'installationUpdate', action: 'add' }, { user: guest }));
    expect(await harness.bot.repositories.conversations.find('user', guest.aadObjectId)).toBeUndefined();
  });

  it('keeps a known name when a later event comes without one', async () => {
    const user = renamed;
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
