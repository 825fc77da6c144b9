import { randomUUID } from 'node:crypto';
import { applicationId, type Application } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import type { TrainingStatus } from '../../src/domain/training/trainingRecord';
import { VERBS } from '../../src/features/verbs';
import { translator } from '../../src/i18n';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { executeActions, someone, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import { importRosterRows, meet, openWindows, talkingTo } from '../support/conversation';

// Candidates' required trainings, and HR's confirmed move of every candidate whose records show them all to
// 必須研修修了, through the real HTTP server, Azurite and the fake Bot Connector. Records are imported through the
// repository, as `npm run training:import` stores them. The roster is one data set per storage: this file brings its own.

let azurite: Azurite;
let harness: BotHarness;
const { say, click, inbox } = talkingTo(() => harness);
const ja = translator('ja');
const fy = fiscalYearOf(new Date());
const PROJECT = 'DX人材育成プロジェクト（R5.10～）';
const MOTIVATION = '窓口のオンライン化を進め、区役所の待ち時間を減らしたいです。';

interface Person extends TestUser {
  readonly employeeNo: string;
  readonly email: string;
}
const rows: string[] = [];
function person(name: string, email: string, grade: string, managerEmail = '', roles = ''): Person {
  const aadObjectId = randomUUID();
  const employeeNo = `T${rows.length + 1}`;
  rows.push([employeeNo, name, email, aadObjectId, '市民局', '区政推進課', grade, managerEmail, roles].join(','));
  return { id: `29:${aadObjectId}`, aadObjectId, name, employeeNo, email };
}

const manager = person('門司 花子', 'hanako@example.city.jp', '課長');
const hr = person('到津 由美', 'yumi@example.city.jp', '主任', manager.email, 'hr');
const hr2 = person('井筒 誠', 'makoto@example.city.jp', '主任', manager.email, 'hr');
const attended = person('北九 太郎', 'taro@example.city.jp', '主事', manager.email);
const completed = person('八幡 次郎', 'jiro@example.city.jp', '主任', manager.email);
const notRecorded = person('戸畑 健二', 'kenji@example.city.jp', '主事', manager.email);
const absent = person('小倉 美香', 'mika@example.city.jp', '主事', manager.email);
const professional = person('折尾 幸', 'sachi@example.city.jp', '主事', manager.email);

/** Someone's application of this fiscal year for `track`. */
const idOf = (who: Person, track: string): string => applicationId(fy, track, who.aadObjectId);

/** Applies, is approved by the manager and selected by HR, all through the bot. */
async function selectedCandidate(who: Person, track: string): Promise<string> {
  await click(who, VERBS.applicationSubmit, { track, motivation: MOTIVATION, attachAssessment: 'false' });
  await click(manager, VERBS.approvalDecide, { applicationId: idOf(who, track), decision: 'approve' });
  await click(hr, VERBS.hrAdvance, { applicationId: idOf(who, track), action: 'select' });
  expect((await stored(idOf(who, track))).state).toBe('selected');
  return idOf(who, track);
}

/** Records the tier project for someone on a day of this fiscal year, as an import of the city's file would. */
async function record(who: Person, status: TrainingStatus, date = `${fy}-07-01`): Promise<void> {
  await harness.bot.repositories.trainingRecords.store(harness.frameworkId, [{ employeeNo: who.employeeNo, programId: 'dx-talent-project', date, status }]);
}

async function stored(id: string): Promise<Application> {
  const found = await harness.bot.repositories.applications.find(harness.frameworkId, fy, id);
  if (!found) throw new Error(`application ${id} is not stored`);
  return found.application;
}

/** The data of the confirmation's button, if it has one. */
function confirmButton(card: Card): { applicationIds: string[] } | undefined {
  return executeActions(card).find((a) => a.verb === VERBS.hrTrainingsConfirm)?.data as { applicationIds: string[] } | undefined;
}

const lines = (card: Card): string[] => textOf(card).split('\n');

beforeAll(async () => {
  azurite = await startAzurite();
  harness = await startBotHarness({ connectionString: azurite.connectionString });
  await importRosterRows(harness, rows);
  await meet(harness, [manager, hr, hr2, attended, completed, notRecorded, absent, professional]);
  await openWindows(harness);
  await selectedCandidate(attended, 'silver');
  await selectedCandidate(completed, 'gold');
  await selectedCandidate(notRecorded, 'silver');
  await selectedCandidate(absent, 'silver');
  await selectedCandidate(professional, 'professional');
  await record(attended, 'attended', `${fy}-07-01`);
  await record(completed, 'completed', `${fy}-09-15`);
  await record(absent, 'absent');
}, 60_000);
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

describe("a candidate's application shows the required trainings of their tier", () => {
  it('to the applicant: taken with its day, or not taken yet (an absence is not taking it)', async () => {
    expect(lines(await say(attended, '応募'))).toEqual(expect.arrayContaining(['必須研修', `・${PROJECT}：受講済み（${fy}年7月1日）`]));
    expect(lines(await say(absent, '応募'))).toContain(`・${PROJECT}：未受講`);
  });

  it('to HR, on the application', async () => {
    expect(lines(await click(hr, VERBS.hrApplication, { applicationId: idOf(completed, 'gold') }))).toContain(`・${PROJECT}：受講済み（${fy}年9月15日）`);
    expect(lines(await click(hr, VERBS.hrApplication, { applicationId: idOf(notRecorded, 'silver') }))).toContain(`・${PROJECT}：未受講`);
  });

  it('not for the professional track, which is not a tier certified after trainings', async () => {
    const card = await click(hr, VERBS.hrApplication, { applicationId: idOf(professional, 'professional') });
    expect(textOf(card)).not.toContain('必須研修\n');
    expect(textOf(card)).not.toContain(PROJECT);
  });
});

describe('HR moves the candidates the records show ready, after a confirmation', () => {
  const ready = () => [idOf(attended, 'silver'), idOf(completed, 'gold')];

  it('refuses anyone but HR, moving nothing', async () => {
    for (const verb of [VERBS.hrTrainingsReview, VERBS.hrTrainingsConfirm] as const) {
      expect(textOf(await click(attended, verb, { applicationIds: ready() }))).toContain(ja('applications.refusal.hrOnly'));
    }
    expect((await stored(idOf(attended, 'silver'))).state).toBe('selected');
  });

  it("lists, from HR's applications card, who would move with the days taken, and who not and why", async () => {
    const list = await click(hr, VERBS.hrApplications, {});
    expect(executeActions(list).map((a) => a.verb)).toContain(VERBS.hrTrainingsReview);
    const card = await click(hr, VERBS.hrTrainingsReview, {});
    const text = lines(card);
    expect(text).toEqual(
      expect.arrayContaining([
        ja('hr.trainings.intro', { count: 2 }),
        '北九 太郎（市民局・主事）',
        `シルバー：${PROJECT}（${fy}年7月1日）`,
        '八幡 次郎（市民局・主任）',
        `ゴールド：${PROJECT}（${fy}年9月15日）`,
        ja('hr.trainings.missing', { count: 2 }),
        `・戸畑 健二（市民局）：${PROJECT}が未受講`,
        `・小倉 美香（市民局）：${PROJECT}が未受講`,
        ja('hr.trainings.noneRequired', { count: 1 }),
      ]),
    );
    expect(confirmButton(card)?.applicationIds.sort()).toEqual(ready().sort());
    // Looking changes nothing.
    expect((await stored(idOf(attended, 'silver'))).state).toBe('selected');
  });

  it('moves exactly the listed on confirming, HR in the trail with why, and each applicant hears of it', async () => {
    const news = [inbox(attended), inbox(completed), inbox(notRecorded)];
    const card = await click(hr, VERBS.hrTrainingsConfirm, { applicationIds: ready() });
    expect(textOf(card)).toContain(ja('hr.trainings.done.moved', { count: 2 }));
    for (const id of ready()) {
      const moved = await stored(id);
      expect(moved.state).toBe('trainingCompleted');
      expect(moved.trail.at(-1)).toMatchObject({ action: 'completeTraining', by: hr.aadObjectId, byName: hr.name, comment: ja('hr.trainings.comment') });
    }
    for (const [chat, expected] of [[news[0]!, 1], [news[1]!, 1], [news[2]!, 0]] as const) {
      const cards = chat.take();
      expect(cards).toHaveLength(expected);
      for (const notice of cards) expect(textOf(notice)).toContain('必須研修を修了（認定待ち）');
    }
    expect((await stored(idOf(notRecorded, 'silver'))).state).toBe('selected');
    expect((await stored(idOf(professional, 'professional'))).state).toBe('selected');
    // HR's card of the application shows who decided.
    expect(textOf(await click(hr2, VERBS.hrApplication, { applicationId: idOf(attended, 'silver') }))).toContain(`${hr.name}：必須研修修了`);
  });

  it('moves nothing on a second confirm, and says so', async () => {
    const before = await Promise.all(ready().map(stored));
    const news = inbox(attended);
    const card = await click(hr2, VERBS.hrTrainingsConfirm, { applicationIds: ready() });
    expect(textOf(card)).toContain(ja('hr.trainings.done.nothing'));
    expect(await Promise.all(ready().map(stored))).toEqual(before);
    expect(news.take()).toEqual([]);
  });

  it('skips, counted and named, one whose record changed since the list, and counts one moved meanwhile as moved', async () => {
    const corrected = person('門司 健', 'ken@example.city.jp', '主事', manager.email);
    const meanwhile = person('戸畑 奈央', 'nao@example.city.jp', '主事', manager.email);
    await importRosterRows(harness, rows);
    await meet(harness, [corrected, meanwhile]);
    for (const who of [corrected, meanwhile]) {
      await selectedCandidate(who, 'silver');
      await record(who, 'attended');
    }
    const review = await click(hr, VERBS.hrTrainingsReview, {});
    const listed = confirmButton(review)!.applicationIds;
    expect(listed.sort()).toEqual([idOf(corrected, 'silver'), idOf(meanwhile, 'silver')].sort());
    // The city corrects the record to an absence; another officer moves the other one by hand.
    await record(corrected, 'absent');
    await click(hr2, VERBS.hrAdvance, { applicationId: idOf(meanwhile, 'silver'), action: 'completeTraining' });

    const card = await click(hr, VERBS.hrTrainingsConfirm, { applicationIds: listed });
    expect(textOf(card)).toContain(ja('hr.trainings.done.moved', { count: 0 }));
    expect(textOf(card)).toContain(ja('hr.trainings.done.already', { count: 1 }));
    expect(textOf(card)).toContain(ja('hr.trainings.done.skipped', { count: 1 }));
    expect(textOf(card)).toContain(ja('hr.trainings.done.skippedNames', { names: corrected.name }));
    expect((await stored(idOf(corrected, 'silver'))).state).toBe('selected');
    expect((await stored(idOf(meanwhile, 'silver'))).trail.at(-1)).toMatchObject({ by: hr2.aadObjectId });
  });

  it('moves each candidate once when two officers confirm the same list at once, and tells each once', async () => {
    const pair = [person('若松 一', 'hajime@example.city.jp', '主事', manager.email), person('若松 二葉', 'futaba@example.city.jp', '主事', manager.email)];
    await importRosterRows(harness, rows);
    await meet(harness, pair);
    for (const who of pair) {
      await selectedCandidate(who, 'silver');
      await record(who, 'completed');
    }
    const news = pair.map(inbox);
    const listed = { applicationIds: pair.map((who) => idOf(who, 'silver')) };
    await Promise.all([click(hr, VERBS.hrTrainingsConfirm, listed), click(hr2, VERBS.hrTrainingsConfirm, listed)]);
    for (const who of pair) {
      const { state, trail } = await stored(idOf(who, 'silver'));
      expect({ state, moves: trail.filter((e) => e.action === 'completeTraining').length }).toEqual({ state: 'trainingCompleted', moves: 1 });
    }
    expect(news.map((chat) => chat.take().length)).toEqual([1, 1]);
  });

  it('offers no confirm button when nobody is ready', async () => {
    const card = await click(hr, VERBS.hrTrainingsReview, {});
    expect(textOf(card)).toContain(ja('hr.trainings.noneReady'));
    expect(confirmButton(card)).toBeUndefined();
  });
});

describe('the per-application 必須研修修了, for exceptions', () => {
  it('names the required trainings the records lack, moves nothing until HR goes on, then records HR and why', async () => {
    const id = idOf(notRecorded, 'silver');
    const news = inbox(notRecorded);
    const question = await click(hr, VERBS.hrAdvance, { applicationId: id, action: 'completeTraining' });
    expect(textOf(question)).toContain(ja('hr.trainings.exception.confirm', { name: notRecorded.name, programs: PROJECT }));
    expect((await stored(id)).state).toBe('selected');
    expect(news.take()).toEqual([]);

    const goOn = executeActions(question).find((a) => a.verb === VERBS.hrAdvance)!;
    const detail = await click(hr, VERBS.hrAdvance, goOn.data as Record<string, unknown>);
    const comment = ja('hr.trainings.exception.comment', { programs: PROJECT });
    expect((await stored(id)).trail.at(-1)).toMatchObject({ action: 'completeTraining', by: hr.aadObjectId, comment });
    expect(textOf(detail)).toContain(`${hr.name}：必須研修修了（選考通過（必須研修の受講へ）→必須研修を修了（認定待ち））（${comment}）`);
    expect(news.take()).toHaveLength(1);
  });
});

describe('a framework without required trainings of a tier (Moka)', () => {
  let moka: BotHarness;
  const employee = someone('真岡 一郎');
  beforeAll(async () => {
    moka = await startBotHarness({ frameworkFile: 'moka', staff: [employee] });
  }, 60_000);
  afterAll(async () => {
    await moka?.stop();
  });

  it("says so where one applies, and that trainings taken are still recorded", async () => {
    const card = await talkingTo(() => moka).say(employee, '応募');
    expect(lines(card)).toEqual(expect.arrayContaining(['必須研修', ja('applications.required.noneInFramework')]));
  });
});
