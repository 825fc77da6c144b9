import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { Pacer } from '../../src/broadcast/rateLimiter';
import { VERBS } from '../../src/features/verbs';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { confirmedBroadcast, seedStaff, type StaffMember } from '../support/broadcastFixtures';
import { startBotHarness, textOf, type BotHarness, type TestUser } from '../support/botHarness';
import { meet, openWindows, talkingTo } from '../support/conversation';
import type { ConnectorCall } from '../support/fakeConnector';
import { waitFor } from '../support/waitFor';

// The bot's own notices and a broadcast running at the same moment take their turns from one pacer, so together they
// keep to Teams' budget in every second, as the fake Teams counts what it receives. A small budget makes the broadcast
// last a few seconds, and one of its copies is held back until the applications sent meanwhile have reached Teams.

const BUDGET = { max: 4, ms: 1_000 };
const STAFF = 12;

let azurite: Azurite;
let harness: BotHarness;
let staff: readonly StaffMember[];
const { click } = talkingTo(() => harness);

interface Person extends TestUser {
  readonly email: string;
  readonly row: string;
}
function person(employeeNo: string, name: string, email: string, grade: string, managerEmail = ''): Person {
  const aadObjectId = randomUUID();
  return { id: `29:${aadObjectId}`, aadObjectId, name, email, row: [employeeNo, name, email, aadObjectId, '市民局', '区政推進課', grade, managerEmail, ''].join(',') };
}

const manager = person('P1', '門司 花子', 'hanako@example.city.jp', '課長');
const applicants = ['北九 太郎', '八幡 次郎', '戸畑 健二', '小倉 美香'].map((name, i) =>
  person(`P${i + 2}`, name, `applicant${i}@example.city.jp`, '主事', manager.email),
);

beforeAll(async () => {
  azurite = await startAzurite();
  harness = await startBotHarness({ connectionString: azurite.connectionString, pacer: new Pacer({ appWindow: BUDGET }) });
  const { connector } = harness;
  ({ reachable: staff } = await seedStaff(harness.bot.repositories, { count: STAFF, serviceUrl: connector.url, reachable: () => true, extraRows: [manager, ...applicants].map((p) => p.row) }));
  await meet(harness, [manager, ...applicants]);
  await openWindows(harness);
}, 60_000);

afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

it('keeps the notices sent during a broadcast within the same budget per second as the broadcast, and delivers both', async () => {
  const { connector } = harness;
  connector.reset();
  const broadcast = await confirmedBroadcast(harness.bot.repositories, harness.frameworkId, { serviceUrl: connector.url });
  await connector.waitForActivities(BUDGET.max);
  // A copy not sent yet reaches Teams only once the first approval request has: the broadcast is still sending then,
  // however slow the machine (the pacer counts the held copy from when it left, as a late request).
  const notSentYet = staff.find((s) => connector.activities(s.conversationId).length === 0)!;
  const letTheCopyThrough = connector.holdNext(1, notSentYet.conversationId);

  // Four applications at once while the broadcast sends: each asks the manager for approval in her chat.
  const answers = await Promise.all(
    applicants.map((a) => click(a, VERBS.applicationSubmit, { track: 'silver', motivation: '窓口のオンライン化を進めたいです。', attachAssessment: 'false' })),
  );
  for (const answer of answers) expect(textOf(answer)).toContain('門司 花子さんに承認依頼を送りました');
  const approvalRequests = (): string[] =>
    connector.activities(`a:${manager.id}`).map((a) => textOf(a.attachments?.[0]?.content)).filter((text) => text.includes('承認'));
  await waitFor('the first approval request to reach Teams', () => approvalRequests().length > 0);
  letTheCopyThrough();

  const everyone = STAFF + 1 + applicants.length;
  const done = await waitFor('the broadcast to complete', async () => {
    const current = await harness.bot.repositories.broadcasts.find(harness.frameworkId, broadcast.id);
    return current?.state === 'completed' && current;
  });
  expect(done.progress).toMatchObject({ sent: everyone, failed: 0 });
  // The manager's chat holds the notice of the broadcast and the four requests.
  const managerChat = connector.activities(`a:${manager.id}`).map((a) => textOf(a.attachments?.[0]?.content));
  expect(approvalRequests()).toHaveLength(applicants.length);
  expect(managerChat.filter((text) => text.includes('募集のお知らせ'))).toHaveLength(1);
  // The first request reached Teams while the broadcast was still sending, so the two shared its seconds.
  const cardText = (c: ConnectorCall): string => textOf((c.body as Partial<Activity> | undefined)?.attachments?.[0]?.content);
  const posts = connector.calls.filter((c) => c.method === 'POST');
  const copies = posts.filter((c) => cardText(c).includes('募集のお知らせ')).map((c) => c.at);
  const requests = posts.filter((c) => c.conversationId === `a:${manager.id}` && cardText(c).includes('承認')).map((c) => c.at);
  expect(copies).toHaveLength(everyone);
  expect(requests).toHaveLength(applicants.length);
  expect(Math.min(...requests)).toBeGreaterThan(Math.min(...copies));
  expect(Math.min(...requests)).toBeLessThan(Math.max(...copies));
  // Every second Teams saw held at most the budget, the notices included.
  expect(connector.peakRequests(BUDGET.ms)).toBeLessThanOrEqual(BUDGET.max);
}, 60_000);
