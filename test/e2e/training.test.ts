import { applicationId } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { todayInJapan } from '../../src/domain/training/trainingSession';
import { VERBS } from '../../src/features/verbs';
import { textOf, type TestUser } from '../support/botHarness';
import { expectCardScreenshot, openApplications, playgroundSessionsForThisFile, t, type SharedBot } from './playgroundSession';

// Training records closing the loop, in the real Agents Playground: the demo employee, selected as a Silver candidate,
// sees what he has taken and the next session of his required training; once the city's file records it, HR moves
// him to 必須研修修了 in one confirmed step from the applications list, and he is told in his chat.

const fy = fiscalYearOf(new Date());
const TRACK = 'silver';
const PROJECT = 'DX人材育成プロジェクト（R5.10～）';
const ACADEMY = 'DXアカデミー';
const ENROL = 'https://example.city.jp/dx/training/enrol';
const MOTIVATION = '窓口手続のオンライン化を職場で進めたいと考えています。電子申請の導入を担当しました。';
/** A day a month from now, in Japan: the upcoming session of the project. */
const sessionDay = todayInJapan(new Date(Date.now() + 30 * 24 * 60 * 60 * 1000));

/** Before the Playgrounds connect: the employee applies, is approved and selected, and has a record and a session ahead. */
async function selectedWithRecords(bot: SharedBot): Promise<void> {
  await openApplications(bot);
  const { harness, cast } = bot;
  const as = (person: { aadObjectId: string; name: string }): { user: TestUser } => ({ user: { id: `29:${person.aadObjectId}`, ...person } });
  const id = applicationId(fy, TRACK, cast.employee.aadObjectId);
  const steps: [string, Record<string, unknown>, { user: TestUser }][] = [
    [VERBS.applicationSubmit, { track: TRACK, motivation: MOTIVATION, attachAssessment: 'false' }, as(cast.employee)],
    [VERBS.approvalDecide, { applicationId: id, decision: 'approve' }, as(cast.manager)],
    [VERBS.hrAdvance, { applicationId: id, action: 'select' }, as(cast.hr!)],
  ];
  for (const [verb, data, user] of steps) {
    const { status, body } = await harness.click(verb, data, user);
    if (status !== 200) throw new Error(`${verb} answered ${status}: ${textOf(body.value)}`);
  }
  const { trainingRecords, trainingSessions } = harness.bot.repositories;
  await trainingRecords.store(harness.frameworkId, [{ employeeNo: cast.employee.employeeNo, programId: 'dx-academy', date: `${fy}-05-20`, status: 'completed' }]);
  await trainingSessions.replaceUpcoming(
    harness.frameworkId,
    [{ programId: 'dx-talent-project', date: sessionDay, startTime: '13:30', place: '本庁舎 5階 研修室', capacity: 30, enrol: ENROL }],
    todayInJapan(new Date()),
  );
}

const sessions = playgroundSessionsForThisFile({ roles: ['hr', 'employee'], prepare: selectedWithRecords });

test('the candidate sees his record and the next session of his required training, with a way to enrol', async () => {
  const { employee } = sessions;
  await employee.send('受講履歴');
  const card = await employee.latestCardShowing(t('training.record.intro', { name: employee.cast.employee.name }));
  for (const text of [ACADEMY, t('training.status.completed'), t('training.next.heading'), t('training.next.required')]) {
    await employee.waitFor(card.getByText(text, { exact: false }).first(), `"${text}" on the training record`);
  }
  await employee.waitFor(card.getByText(PROJECT, { exact: false }).first(), 'the required project among the next sessions');
  await employee.waitFor(card.getByText(t('training.next.enrol'), { exact: true }), 'the way to enrol');
  await expectCardScreenshot(employee, card, 'training-record-next.png');
});

test('once the record is imported, HR moves him to 必須研修修了 after confirming, and he is told', async () => {
  const { hr, employee } = sessions;
  const { harness, cast } = hr;
  await harness.bot.repositories.trainingRecords.store(harness.frameworkId, [
    { employeeNo: cast.employee.employeeNo, programId: 'dx-talent-project', date: todayInJapan(new Date()), status: 'attended' },
  ]);

  await hr.send('応募一覧');
  await hr.latestCardShowing(t('hr.list.title', { fy }));
  await hr.clickOnLatestCard(t('hr.trainings.open'));
  const confirm = await hr.latestCardShowing(t('hr.trainings.title', { fy }));
  await hr.waitFor(confirm.getByText(cast.employee.name, { exact: false }).first(), 'the candidate on the confirmation');
  await expectCardScreenshot(hr, confirm, 'training-move-confirm.png');
  // Nothing moved before HR confirms.
  const id = applicationId(fy, TRACK, cast.employee.aadObjectId);
  expect((await harness.bot.repositories.applications.find(harness.frameworkId, fy, id))?.application.state).toBe('selected');

  await hr.clickOnLatestCard(t('hr.trainings.confirm', { count: 1 }));
  const done = await hr.latestCardShowing(t('hr.trainings.done.moved', { count: 1 }));
  await expectCardScreenshot(hr, done, 'training-move-done.png');
  expect((await harness.bot.repositories.applications.find(harness.frameworkId, fy, id))?.application.state).toBe('trainingCompleted');

  const news = await employee.cardShowing(t('notify.decision.title'));
  await employee.waitFor(news.getByText(t('applications.state.trainingCompleted'), { exact: false }).first(), 'the new state in his news');
  await expectCardScreenshot(employee, news, 'training-move-news.png');
});
