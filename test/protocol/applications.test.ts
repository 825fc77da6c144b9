import { randomUUID } from 'node:crypto';
import { importRoster } from '../../src/importing/importRoster';
import { executeActions, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';

// One roster per storage: this file imports its own people into the shared Azurite under unique ids… the roster is a
// single data set, so the file runs against the run's Azurite only for its own, unique people.
let harness: BotHarness;
const id = (): string => randomUUID();
const people = { employee: id(), manager: id(), other: id(), hr: id() };
const user = (aad: string, name: string): TestUser => ({ id: `29:${aad}`, aadObjectId: aad, name });
const taro = user(people.employee, '北九 太郎');
const hanako = user(people.manager, '門司 花子');
const stranger = user(people.other, '戸畑 健二');

beforeAll(async () => {
  harness = await startBotHarness();
  const csv = [
    'employeeNo,name,email,aadObjectId,department,section,grade,managerEmail,roles',
    `E1,北九 太郎,taro@example.city.jp,${people.employee},市民局,区政推進課,主事,hanako@example.city.jp,`,
    `E2,門司 花子,hanako@example.city.jp,${people.manager},市民局,区政推進課,課長,boss@example.city.jp,`,
    `E3,戸畑 健二,kenji@example.city.jp,${people.other},市民局,区政推進課,係長,hanako@example.city.jp,`,
    `E4,到津 由美,yumi@example.city.jp,${people.hr},政策局,DX・AI戦略室,主任,boss@example.city.jp,hr`,
    'E5,小倉 一郎,boss@example.city.jp,,市民局,,部長,,',
  ].join('\n');
  const outcome = await importRoster(csv.replace(',,市民局,,部長', `,${id()},市民局,,部長`), harness.bot.repositories.roster);
  if (outcome.status === 'invalid') throw new Error(JSON.stringify(outcome.issues));
  const now = Date.now();
  for (const track of ['gold', 'silver', 'professional']) {
    await harness.bot.repositories.applicationWindows.save({
      frameworkId: harness.frameworkId,
      fiscalYear: 2026,
      track,
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 7 * 86_400_000).toISOString(),
    });
  }
  // The manager has talked to the bot, so the approval request can reach them.
  await harness.say('メニュー', { user: hanako });
});
afterAll(async () => {
  await harness.stop();
});

async function click(who: TestUser, verb: string, data: Record<string, unknown>): Promise<Card> {
  const { status, body } = await harness.click(verb, data, { user: who });
  expect(status).toBe(200);
  return body.value;
}

describe('applying and approving', () => {
  it('an employee applies, the manager gets a card and approves, the employee hears of it', async () => {
    const home = await click(taro, 'application.open', {});
    expect(textOf(home)).toContain('受付中');
    const form = await click(taro, 'application.form', { track: 'silver' });
    expect(textOf(form)).toContain('シルバーに応募する');
    const confirm = await click(taro, 'application.confirm', { track: 'silver', motivation: '窓口のオンライン予約を広げたいです。', attachAssessment: 'false' });
    expect(textOf(confirm)).toContain('門司 花子');
    const before = harness.connector.activities(`a:${hanako.id}`).length;
    const done = await click(taro, 'application.submit', { track: 'silver', motivation: '窓口のオンライン予約を広げたいです。', attachAssessment: 'false' });
    expect(textOf(done)).toContain('門司 花子さんに承認依頼を送りました');

    const [request] = (await harness.connector.waitForActivities(before + 1, { conversationId: `a:${hanako.id}` })).slice(-1);
    const card = request!.attachments![0]!.content as Card;
    expect(textOf(card)).toContain('北九 太郎');
    const approve = executeActions(card).find((a) => a.verb === 'approval.decide' && (a.data as { decision: string }).decision === 'approve')!;

    const refused = await click(stranger, approve.verb, approve.data as Record<string, unknown>);
    expect(textOf(refused)).toContain('権限がありません');
    const own = await click(taro, approve.verb, approve.data as Record<string, unknown>);
    expect(textOf(own)).toContain('ご自身の応募は承認・判定できません');

    const toTaro = harness.connector.activities(`a:${taro.id}`).length;
    const decided = await click(hanako, approve.verb, approve.data as Record<string, unknown>);
    expect(textOf(decided)).toContain('上司が承認');
    expect(textOf(decided)).toContain('門司 花子');
    const [news] = (await harness.connector.waitForActivities(toTaro + 1, { conversationId: `a:${taro.id}` })).slice(-1);
    expect(textOf(news!.attachments![0]!.content)).toContain('上司が承認');

    const again = await click(hanako, approve.verb, approve.data as Record<string, unknown>);
    expect(textOf(again)).toContain('門司 花子さんがすでに「上司が承認（選考待ち）」としました');
  });
});
