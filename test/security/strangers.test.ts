import { randomUUID } from 'node:crypto';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import type { Logger } from '../../src/logger';
import { cardOf, startBotHarness, textOf, type BotHarness, type TestUser } from '../support/botHarness';
import { importRosterRows, openWindows } from '../support/conversation';
import { snapshotTables } from '../faults/storageSnapshot';

// Who may leave traces in the bot's storage: people of the city's tenant who are on its roster. Activities from
// another tenant are refused outright; a colleague of the tenant who is not on the roster may browse the framework,
// but every personal feature tells them, in their language, why it needs the roster, and nothing of theirs is stored.

const CITY_TENANT = 'city-tenant';
let azurite: Azurite;
let harness: BotHarness;
const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
const logger: Logger = { info: () => undefined, warn: (message, fields) => warnings.push({ message, fields }), error: () => undefined };

const person = (name: string): TestUser => {
  const aadObjectId = randomUUID();
  return { id: `29:${aadObjectId}`, aadObjectId, name };
};
const staff = person('北九 太郎');
const stranger = person('部外 者');
const outsider = person('Other Org');

beforeAll(async () => {
  azurite = await startAzurite();
  harness = await startBotHarness({ connectionString: azurite.connectionString, logger, environment: { ALLOWED_TENANT_ID: CITY_TENANT } });
  await importRosterRows(harness, [`E01,${staff.name},taro@example.city.jp,${staff.aadObjectId},市民局,区政推進課,主事,,hr`]);
  await openWindows(harness);
});
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

/** An activity from `user` in `tenant`, which Teams names both in the conversation and in channelData. */
function from(user: TestUser, tenant: string, fields: Record<string, unknown>): Parameters<BotHarness['post']>[0] {
  const activity = harness.activity(fields, { user });
  return { ...activity, conversation: { ...activity.conversation!, tenantId: tenant }, channelData: { tenant: { id: tenant } } };
}

const state = (): ReturnType<typeof snapshotTables> => snapshotTables(azurite.connectionString, (table) => table !== 'leases');

describe('an activity from another tenant', () => {
  it('is refused with one log line, gets no answer and changes nothing: a message, a click, an installation', async () => {
    const before = await state();
    const warned = warnings.length;
    const click = { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'assessment.start', data: {} } } };

    expect((await harness.post(from(outsider, 'other-tenant', { type: 'message', text: 'メニュー' }))).status).toBe(200);
    expect((await harness.post(from(outsider, 'other-tenant', click))).status).toBe(403);
    expect((await harness.post(from(outsider, 'other-tenant', { type: 'installationUpdate', action: 'add' }))).status).toBeLessThan(300);
    // A Teams activity naming the city's tenant in one place and another in the other is not the city's.
    const mixed = { ...from(outsider, CITY_TENANT, { type: 'message', text: 'メニュー' }), channelData: { tenant: { id: 'other-tenant' } } };
    expect((await harness.post(mixed)).status).toBe(200);

    expect(harness.connector.activities(`a:${outsider.id}`)).toEqual([]);
    expect(warnings.slice(warned).map((w) => w.message)).toEqual(Array(4).fill('activity from another tenant refused'));
    expect(await state()).toEqual(before);
  });

  it('is served when it comes from the city tenant (the guard lets the city in)', async () => {
    const chat = `a:${staff.id}`;
    const sent = harness.connector.activities(chat).length;
    expect((await harness.post(from(staff, CITY_TENANT, { type: 'message', text: 'メニュー' }))).status).toBe(200);
    const reply = (await harness.connector.waitForActivities(sent + 1, { conversationId: chat })).at(-1)!;
    expect(textOf(cardOf(reply))).toContain('メニュー');
  });
});

describe('a colleague of the tenant who is not on the roster', () => {
  const personal: readonly [string, Parameters<BotHarness['post']>[0]][] = [
    ['the self-assessment (chat)', { type: 'message', text: '診断' }],
    ['the self-assessment (button)', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'assessment.start', data: {} } } }],
    ['applying (chat)', { type: 'message', text: '応募' }],
    [
      'submitting an application',
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'application.submit', data: { track: 'gold', motivation: '窓口のオンライン化を進めたいです。', attachAssessment: 'false' } } },
      },
    ],
    ['the team view', { type: 'message', text: 'チーム' }],
    ['an appointment', { type: 'message', text: '任命' }],
    ['an evaluation', { type: 'message', text: '評価' }],
    ['the KPI', { type: 'message', text: 'KPI' }],
    ['the exports', { type: 'message', text: 'エクスポート' }],
  ];

  it.each(personal)('is told, in Japanese, that %s needs them on the roster, and nothing is stored', async (_what, fields) => {
    const before = await state();
    const chat = `a:${stranger.id}`;
    const sent = harness.connector.activities(chat).length;
    const { status, body } = await harness.post(from(stranger, CITY_TENANT, fields));
    expect(status).toBe(200);
    const card = fields.type === 'invoke' ? (body as { value: unknown }).value : cardOf((await harness.connector.waitForActivities(sent + 1, { conversationId: chat })).at(-1)!);
    expect(textOf(card)).toContain('職員名簿にお名前が見つかりません');
    expect(textOf(card)).toContain('何も記録していません');
    expect(await state()).toEqual(before);
  });

  it('is told in English when their Teams is in English', async () => {
    const activity = from(stranger, CITY_TENANT, { type: 'message', text: 'assessment' });
    const sent = harness.connector.activities(`a:${stranger.id}`).length;
    await harness.post({ ...activity, locale: 'en-US' });
    const reply = (await harness.connector.waitForActivities(sent + 1, { conversationId: `a:${stranger.id}` })).at(-1)!;
    expect(textOf(cardOf(reply))).toContain('You are not on the staff roster');
  });

  it('may browse the framework, and is not remembered for it', async () => {
    const before = await state();
    const sent = harness.connector.activities(`a:${stranger.id}`).length;
    await harness.post(from(stranger, CITY_TENANT, { type: 'message', text: 'レベル一覧' }));
    const reply = (await harness.connector.waitForActivities(sent + 1, { conversationId: `a:${stranger.id}` })).at(-1)!;
    expect(textOf(cardOf(reply))).toContain('Lv.1');
    expect(await harness.bot.repositories.conversations.find('user', stranger.aadObjectId)).toBeUndefined();
    expect(await state()).toEqual(before);
  });
});
