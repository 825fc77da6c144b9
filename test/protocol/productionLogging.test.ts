import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { jsonLogger } from '../../src/logger';
import { executeActions, startBotHarness, type BotHarness, type Card, type InvokeBody, type TestUser } from '../support/botHarness';
import { importRosterRows, meet } from '../support/conversation';

// What the bot logs while people use it: ids only, and every line of a request carries that request's id.
// The roster is one data set per storage, so this file has an Azurite of its own.
let azurite: Azurite;
let harness: BotHarness;
const lines: Record<string, unknown>[] = [];

const person = (name: string, email: string): TestUser & { email: string } => {
  const aad = randomUUID();
  return { id: `29:${aad}`, aadObjectId: aad, name, email };
};
const taro = person('北九 太郎', 'taro.kitakyu@example.city.jp');
const hanako = person('門司 花子', 'hanako.moji@example.city.jp');
// 主事 whose manager never opened the bot: his application's approval request cannot be delivered, which is logged.
const goro = person('門司 五郎', 'goro.moji@example.city.jp');
const boss = person('小倉 一郎', 'ichiro.kokura@example.city.jp');
const MOTIVATION = '窓口のオンライン予約を全区に広げ、待ち時間を減らしたいです。';
const COMMENT = '今年度は係の体制が整わないため、来年度の応募をお願いします。';
/** Nothing of this may appear in any log line. */
const PERSONAL = [...[taro, hanako, goro, boss].flatMap((p) => [p.name, p.email]), MOTIVATION, COMMENT];

beforeAll(async () => {
  azurite = await startAzurite();
  const logger = jsonLogger((_level, text) => lines.push(JSON.parse(text) as Record<string, unknown>));
  harness = await startBotHarness({ connectionString: azurite.connectionString, logger });
  await importRosterRows(harness, [
    `E01,${taro.name},${taro.email},${taro.aadObjectId},市民局,区政推進課,主事,${hanako.email},`,
    `E02,${hanako.name},${hanako.email},${hanako.aadObjectId},市民局,区政推進課,課長,${boss.email},`,
    `E03,${goro.name},${goro.email},${goro.aadObjectId},市民局,区政推進課,主事,${boss.email},`,
    `E04,${boss.name},${boss.email},${boss.aadObjectId},市民局,,部長,,`,
  ]);
  const now = Date.now();
  await harness.bot.repositories.applicationWindows.save({
    frameworkId: harness.frameworkId,
    fiscalYear: fiscalYearOf(new Date()),
    track: 'silver',
    opensAt: new Date(now - 86_400_000).toISOString(),
    closesAt: new Date(now + 86_400_000).toISOString(),
  });
  // 花子 can be reached; their manager cannot.
  await meet(harness, [hanako]);
});
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

/** Clicks a button as `who` with a known activity id; returns the card and the log lines written meanwhile. */
async function clickLogged(who: TestUser, verb: string, data: unknown): Promise<{ card: Card; logged: Record<string, unknown>[]; id: string }> {
  const id = randomUUID();
  const activity: Partial<Activity> = harness.activity(
    { id, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } }, replyToId: 'card-1' },
    { user: who },
  );
  const before = lines.length;
  const { status, body } = await harness.post(activity);
  expect({ verb, status }).toEqual({ verb, status: 200 });
  return { card: (body as InvokeBody).value, logged: lines.slice(before), id };
}

describe('logging', () => {
  it('logs each event of a request once, with that request id, and without names, e-mails or what people wrote', async () => {
    const submitted = await clickLogged(taro, 'application.submit', { track: 'silver', motivation: MOTIVATION, attachAssessment: 'false' });
    const approvalCard = (await harness.connector.waitForActivities(1, { conversationId: `a:${hanako.id}` }))
      .map((a) => a.attachments?.[0]?.content as Card)
      .find((card) => executeActions(card).some((a) => a.verb === 'approval.decide'))!;
    const reject = executeActions(approvalCard).find((a) => a.verb === 'approval.decide' && (a.data as { decision?: string }).decision === 'reject')!;
    const decided = await clickLogged(hanako, 'approval.decide', { ...(reject.data as object), comment: COMMENT });
    const refused = await clickLogged(taro, 'team.show', { managerEmail: hanako.email });
    const opened = await clickLogged(hanako, 'team.show', { managerEmail: '' });

    const unreachable = await clickLogged(goro, 'application.submit', { track: 'silver', motivation: MOTIVATION, attachAssessment: 'false' });

    // The flows that succeed quietly log nothing; the others log one line each.
    expect([submitted, decided].flatMap((r) => r.logged)).toEqual([]);
    expect(unreachable.logged.map((l) => l.message)).toEqual(['approval request not delivered']);
    expect(refused.logged.map((l) => l.message)).toEqual(['team view refused']);
    expect(opened.logged.map((l) => l.message)).toEqual(['team view opened']);
    const requests = [submitted, decided, unreachable, refused, opened];
    for (const { logged, id } of requests) {
      expect(logged.map((l) => l.requestId)).toEqual(logged.map(() => id));
    }
    const everything = lines.map((l) => JSON.stringify(l)).join('\n');
    for (const text of PERSONAL) expect(everything).not.toContain(text);
  });
});
