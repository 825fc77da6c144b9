import { applicationId } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { summaryOf } from '../../src/storage/assessmentSummaryRepository';
import { createRepositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';
import type { Logger } from '../../src/logger';
import { startStorageProxy, type StorageRequest, type StorageProxy } from '../faults/storageProxy';
import { buttonData, someone, startBotHarness, textOf, type BotHarness, type TestUser } from '../support/botHarness';
import { importRosterRows, meet, openWindows, talkingTo } from '../support/conversation';
import { completedAssessment } from '../support/trainingFixtures';
import { waitFor } from '../support/waitFor';
import { loadKitakyushu } from '../unit/realFramework';

// The storage-call budget of each kind of turn, counted at the wire between the bot and Azurite (counts are exact;
// times are not). The bot runs as in production: what it read of the framework and the roster is reused for its
// recheck interval, set long here so that only a turn's own calls are counted. Someone who talks to the bot costs no
// storage call for reading: who they are, their chat, their outbox and what waits for their approval are known from
// their last turn until something changes, and a change made through the bot shows at once.

let azurite: Azurite;
let proxy: StorageProxy;
let harness: BotHarness;
const logged: string[] = [];
const logger: Logger = { info: (message) => logged.push(message), warn: (message) => logged.push(message), error: () => undefined };
const { click, say } = talkingTo(() => harness);

const employee = someone('北九 太郎');
const manager = someone('門司 花子');
const MOTIVATION = '窓口のオンライン予約を全区に広げ、待ち時間を減らしたいです。';

function rosterRows(managerRoles = ''): string[] {
  return [
    `E01,${employee.name},taro@example.city.jp,${employee.aadObjectId},市民局,区政推進課,主事,hanako@example.city.jp,`,
    `E02,${manager.name},hanako@example.city.jp,${manager.aadObjectId},市民局,区政推進課,課長,,${managerRoles}`,
  ];
}

beforeAll(async () => {
  azurite = await startAzurite();
  proxy = await startStorageProxy(azurite);
  // No sender: its polling for scheduled broadcasts would be counted with the turns.
  harness = await startBotHarness({ connectionString: proxy.connectionString, broadcastSender: false, recheckMs: 3_600_000, logger });
  await importRosterRows(harness, rosterRows());
  await openWindows(harness);
  // Their first turns: the bot learns who they are, records their chats and looks in their outbox, after answering.
  await meet(harness, [employee, manager]);
  await waitFor('their outboxes looked at', () => [employee, manager].every((who) => !outboxMayHold(who)));
});
afterAll(async () => {
  await harness?.stop();
  await proxy?.stop();
  await azurite?.stop();
});

/** Whether the bot would look in this person's outbox on their next turn (it looks after answering, not before). */
const outboxMayHold = (who: TestUser): boolean => harness.bot.repositories.outbox.mayHoldFor(who.aadObjectId);

/** The storage requests made while `turn` ran. */
async function callsOf(turn: () => Promise<unknown>): Promise<StorageRequest[]> {
  const before = proxy.requests.length;
  await turn();
  return proxy.requests.slice(before);
}

const described = (requests: readonly StorageRequest[]): string[] => requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

describe('a turn that only reads', () => {
  it.each([
    ['the menu', 'メニュー'],
    ['a keyword search', '検索 プロジェクト'],
    ['a level', 'レベル3'],
    ['a question understood by the router', 'シルバーになるにはどうすればいいですか'],
    ['a question answered from the framework', 'AIの研修はありますか？'],
    ['a word the bot does not know', '量子コンピュータの話'],
    ['thanks', 'ありがとう'],
  ])('costs no storage call: %s', async (_, text) => {
    const calls = await callsOf(() => say(employee, text));
    expect(described(calls)).toEqual([]);
  });

  it.each([
    ['a level', 'framework.level', { level: 3 }],
    ['a skill', 'framework.skill', { skillId: 'rs01' }],
    ['the ladder', 'framework.ladder', {}],
    ['the recommended skills', 'framework.recommended', {}],
    ['the trainings of a level', 'framework.training', { level: 2 }],
  ])('costs no storage call when clicked: %s', async (_, verb, data) => {
    const calls = await callsOf(() => click(employee, verb, data));
    expect(described(calls)).toEqual([]);
  });

  it("costs no storage call for a manager's menu, with what waits for her approval", async () => {
    const calls = await callsOf(() => say(manager, 'メニュー'));
    expect(described(calls)).toEqual([]);
  });
});

describe('an assessment answer', () => {
  const shown = (calls: StorageRequest[]): string[] => calls.map((r) => `${r.method === 'GET' ? 'read' : 'write'} ${r.path.split('(')[0]}`);

  it('is one write when the click before came to this instance: what it wrote is the ETag-checked guess', async () => {
    const start = await click(employee, 'assessment.start', {});
    const calls = await callsOf(() => click(employee, 'assessment.role', buttonData(start, 'assessment.role', { level: 1 })));
    expect(shown(calls)).toEqual(['write /devstoreaccount1/assessments']);
  });

  it('is applied to the assessment as stored when another instance changed it since, read again after the refused write', async () => {
    const start = await click(manager, 'assessment.start', {});
    const answer = buttonData(start, 'assessment.role', { level: 1 });
    // Another instance of the bot, on the same storage, writes the assessment meanwhile (its ETag changes).
    const elsewhere = createRepositories(createTableStorage({ connectionString: proxy.connectionString })).assessments;
    const stored = (await elsewhere.find(manager.aadObjectId, answer.assessmentId as string))!;
    await elsewhere.update(stored.assessment, stored.etag);

    const calls = await callsOf(() => click(manager, 'assessment.role', answer));

    expect(shown(calls)).toEqual([
      'write /devstoreaccount1/assessments',
      'read /devstoreaccount1/assessments',
      'read /devstoreaccount1/assessments',
      'write /devstoreaccount1/assessments',
    ]);
    const after = (await elsewhere.find(manager.aadObjectId, answer.assessmentId as string))!.assessment;
    expect(Object.values(after.rolePositions)).toEqual([1]);
  });
});

describe('showing a self-assessment result', () => {
  // Two reads more than before training records existed (the employee's records, the upcoming sessions), made together
  // with the open windows': the result marks the programs taken and offers the next sessions, and waits for the
  // slowest of the three reads, not their sum.
  it('reads the assessment and its kept summary, then the open windows, the records and the sessions at once; writes nothing', async () => {
    const assessment = completedAssessment(loadKitakyushu(), harness.frameworkId, employee, 2, 3);
    await harness.bot.repositories.assessments.create(assessment);
    await harness.bot.repositories.assessmentSummaries.record(summaryOf(assessment)!);
    const calls = await callsOf(() => click(employee, 'assessment.result', { assessmentId: assessment.id }));
    const [first, second, ...together] = calls.map((r) => `${r.method === 'GET' ? 'read' : 'write'} ${r.path.split('(')[0]}`);
    expect([first, second]).toEqual(['read /devstoreaccount1/assessments', 'read /devstoreaccount1/assessmentSummaries']);
    expect(together.sort()).toEqual([
      'read /devstoreaccount1/applicationWindows',
      'read /devstoreaccount1/trainingRecords',
      'read /devstoreaccount1/trainingSessions',
    ]);
  });
});

describe('「受講履歴」', () => {
  it("reads the employee's records, their selected application (this year's and last year's), their kept summary and the upcoming sessions at once; writes nothing", async () => {
    const calls = await callsOf(() => say(employee, '受講履歴'));
    expect(calls.map((r) => `${r.method === 'GET' ? 'read' : 'write'} ${r.path.split('(')[0]}`).sort()).toEqual([
      'read /devstoreaccount1/applications',
      'read /devstoreaccount1/applications',
      'read /devstoreaccount1/assessmentSummaries',
      'read /devstoreaccount1/trainingRecords',
      'read /devstoreaccount1/trainingSessions',
    ]);
  });
});

describe('a change made through the bot', () => {
  it("shows on the approver's next menu at once, and the menu after costs nothing again", async () => {
    await click(employee, 'application.submit', { track: 'silver', motivation: MOTIVATION, attachAssessment: 'false' });
    const menu = await say(manager, 'メニュー');
    expect(textOf(menu)).toContain('承認待ち（1件）');
    expect(described(await callsOf(() => say(manager, 'メニュー')))).toEqual([]);
  });

  it('of the roster shows on the next turn', async () => {
    expect(textOf(await say(manager, 'メニュー'))).not.toContain('HRメニュー');
    await importRosterRows(harness, rosterRows('hr'));
    expect(textOf(await say(manager, 'メニュー'))).toContain('HRメニュー');
  });

  it('of a notice kept for someone who talks to the bot: their next turn looks for it, and stops looking once it is out', async () => {
    // A request that has no news any more by the time she comes (its application unknown): looked for, then dropped.
    const letter = { kind: 'approvalRequest' as const, frameworkId: harness.frameworkId, applicationId: 'withdrawn-meanwhile' };
    await harness.bot.repositories.outbox.keep(manager.aadObjectId, letter, new Date());
    expect(outboxMayHold(manager)).toBe(true);
    await say(manager, 'メニュー');
    await waitFor('the letter dropped', () => logged.includes('kept notice has no news any more'));
    // One more look finds her outbox empty; after that her turns cost nothing for it.
    await say(manager, 'メニュー');
    await waitFor('her outbox found empty', () => !outboxMayHold(manager));
    const calls = await callsOf(() => say(manager, 'メニュー'));
    expect(described(calls)).toEqual([]);
  });
});

describe("a manager's decision on the application submitted above", () => {
  it("reads the application and the applicant's chat once each, at once (the id names the applicant), and writes once", async () => {
    const id = applicationId(fiscalYearOf(new Date()), 'silver', employee.aadObjectId);
    const calls = await callsOf(() => click(manager, 'approval.decide', { applicationId: id, decision: 'approve' }));
    const [first, second, ...after] = calls.map((r) => `${r.method === 'GET' ? 'read' : 'write'} ${r.path.split('(')[0]}`);
    expect([first, second].sort()).toEqual(['read /devstoreaccount1/applications', 'read /devstoreaccount1/conversations']);
    expect(after).toEqual(['write /devstoreaccount1/applications']);
  });
});

describe("HR's move from the training records, of the application approved above", () => {
  const shortly = (requests: readonly StorageRequest[]): string[] =>
    requests.map((r) => `${r.method === 'GET' ? 'read' : 'write'} ${r.path.split('(')[0]}`);

  it('lists with two reads of the selected applications (this year and last) and one of each candidate\'s records, and moves one with four calls', async () => {
    // 門司 花子 is HR by now (the roster change above): she selects, and the city's records show the tier project.
    const id = applicationId(fiscalYearOf(new Date()), 'silver', employee.aadObjectId);
    await click(manager, 'hr.advance', { applicationId: id, action: 'select' });
    await harness.bot.repositories.trainingRecords.store(harness.frameworkId, [
      { employeeNo: 'E01', programId: 'dx-talent-project', date: `${fiscalYearOf(new Date())}-07-01`, status: 'attended' },
    ]);
    const review = await callsOf(() => click(manager, 'hr.trainings.review', {}));
    // The selected of this year and the last (still moving), then the candidate's records.
    expect(shortly(review)).toEqual(['read /devstoreaccount1/applications', 'read /devstoreaccount1/applications', 'read /devstoreaccount1/trainingRecords']);
    // The application, its applicant's records, their chat for the notice, and the deciding write, last.
    const confirm = await callsOf(() => click(manager, 'hr.trainings.confirm', { applicationIds: [id] }));
    expect(shortly(confirm)).toEqual([
      'read /devstoreaccount1/applications',
      'read /devstoreaccount1/trainingRecords',
      'read /devstoreaccount1/conversations',
      'write /devstoreaccount1/applications',
    ]);
  });
});
