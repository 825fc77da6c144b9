import { applicationId, type ApplicationState } from '../../src/domain/applications/application';
import { someone, textOf, type Card, type TestUser } from '../support/botHarness';
import { clickOn, importRosterRows, meet } from '../support/conversation';
import { chatOf, startApplicationFixture, type ApplicationFixture } from './applicationFixture';
import { isReadOf, isWriteTo, startStorageProxy, type StorageProxy } from './storageProxy';

// Storage stops while HR's move from the training records is under way. After a candidate's deciding write, nothing
// needs storage: the move stands and they are told. Before it, HR gets the friendly "try again", nothing is moved and
// nobody told, and confirming the same list again moves them once.
let fixture: ApplicationFixture;
let proxy: StorageProxy;
const first = someone('八幡 一郎');
const second = someone('戸畑 二郎');
const candidates = [first, second];
const UNAVAILABLE = 'ただいま利用できません';
const MOVED_ONE = '1人を「必須研修修了」にして、ご本人に通知しました。';

const click = (verb: string, data: Record<string, unknown>, user: TestUser): Promise<Card> => clickOn(fixture.harness, user, verb, data);
const idOf = (who: TestUser): string => applicationId(fixture.fiscalYear, 'silver', who.aadObjectId);
const stateOf = async (who: TestUser): Promise<ApplicationState | undefined> =>
  (await fixture.harness.bot.repositories.applications.find(fixture.harness.frameworkId, fixture.fiscalYear, idOf(who)))?.application.state;
const newsOf = (who: TestUser): number => fixture.harness.connector.activities(chatOf(who)).length;

beforeAll(async () => {
  fixture = await startApplicationFixture({
    connect: async (azurite) => {
      proxy = await startStorageProxy(azurite);
      return proxy.connectionString;
    },
  });
  const { harness, manager, hr } = fixture;
  await importRosterRows(harness, [
    `E02,${manager.name},hanako@example.city.jp,${manager.aadObjectId},市民局,区政推進課,課長,,`,
    `E03,${hr.name},jiro@example.city.jp,${hr.aadObjectId},総務局,人事課,係長,,hr`,
    ...candidates.map((c, i) => `C${i + 1},${c.name},c${i + 1}@example.city.jp,${c.aadObjectId},市民局,区政推進課,主事,hanako@example.city.jp,`),
  ]);
  await meet(harness, candidates);
  for (const [i, candidate] of candidates.entries()) {
    await click('application.submit', { track: 'silver', motivation: '窓口のオンライン予約を全区に広げたいです。', attachAssessment: 'false' }, candidate);
    await click('approval.decide', { applicationId: idOf(candidate), decision: 'approve' }, manager);
    await click('hr.advance', { applicationId: idOf(candidate), action: 'select' }, hr);
    await harness.bot.repositories.trainingRecords.store(harness.frameworkId, [
      { employeeNo: `C${i + 1}`, programId: 'dx-talent-project', date: `${fixture.fiscalYear}-07-01`, status: 'completed' },
    ]);
  }
}, 60_000);
afterAll(async () => {
  await fixture?.stop();
  await proxy?.stop();
});
afterEach(() => proxy.restore());

it('cut right after the deciding write: the move stands, HR sees how it went and the applicant is told, as nothing after it needs storage', async () => {
  const before = newsOf(first);
  proxy.cutAfter(isWriteTo('applications'));
  expect(textOf(await click('hr.trainings.confirm', { applicationIds: [idOf(first)] }, fixture.hr))).toContain(MOVED_ONE);
  expect(proxy.fired).toBe(true);
  proxy.restore();
  expect(await stateOf(first)).toBe('trainingCompleted');
  expect(newsOf(first)).toBe(before + 1);
});

it('cut before the deciding write: a friendly error, nothing moved, nobody told; the same list again moves it, once', async () => {
  const listed = { applicationIds: [idOf(second)] };
  const before = newsOf(second);
  proxy.cutAfter(isReadOf('trainingRecords'));
  expect(textOf(await click('hr.trainings.confirm', listed, fixture.hr))).toContain(UNAVAILABLE);
  expect(proxy.fired).toBe(true);
  proxy.restore();
  expect(await stateOf(second)).toBe('selected');
  expect(newsOf(second)).toBe(before);

  expect(textOf(await click('hr.trainings.confirm', listed, fixture.hr))).toContain(MOVED_ONE);
  expect(textOf(await click('hr.trainings.confirm', listed, fixture.hr))).toContain('この一覧の人は、すでに移行済みです');
  expect(await stateOf(second)).toBe('trainingCompleted');
  expect(newsOf(second)).toBe(before + 1);
});
