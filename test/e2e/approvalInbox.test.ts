import { applicationId } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { kitakyushuText, textOf } from '../support/botHarness';
import { expectCardScreenshot, openApplications, playgroundSessionsForThisFile, t, type SharedBot } from './playgroundSession';

// A manager who never opened DX Navi before June: the demo employee applied while she could not be reached. When she
// opens the app, the request kept for her arrives by itself; her menu also leads to her inbox, where she approves.

const framework = JSON.parse(kitakyushuText()) as { tiers: { id: string; name: string }[] };
const TRACK = 'silver';
const trackName = framework.tiers.find((tier) => tier.id === TRACK)!.name;
const MOTIVATION = '窓口手続のオンライン化を職場で進めたいと考えています。電子申請の導入を担当しました。';

/** Before the manager's Playground connects: the windows open, and the employee applies (through the bot's protocol). */
async function employeeAppliesFirst(bot: SharedBot): Promise<void> {
  await openApplications(bot);
  const { employee, manager } = bot.cast;
  const user = { id: `29:${employee.aadObjectId}`, aadObjectId: employee.aadObjectId, name: employee.name };
  const { body } = await bot.harness.click('application.submit', { track: TRACK, motivation: MOTIVATION, attachAssessment: 'false' }, { user });
  const answer = textOf(body.value);
  const expected = t('applications.submitted.unreached', { approver: manager.name });
  if (!answer.includes(expected)) throw new Error(`the application was not kept for the manager; the bot answered:\n${answer}`);
}

const { manager } = playgroundSessionsForThisFile({ roles: ['manager'], prepare: employeeAppliesFirst });

test('a manager who never opened the bot gets the kept request on her first visit, and approves from her inbox', async () => {
  const { cast, harness } = manager;
  const id = applicationId(fiscalYearOf(new Date()), TRACK, cast.employee.aadObjectId);

  // Opening the app delivered the request kept for her: spoken to her, with the buttons. Once: nothing waits any more.
  const kept = await manager.cardShowing(t('approval.title', { track: trackName }));
  await manager.waitFor(kept.getByText(t('approval.waitingForYou'), { exact: true }), 'the request spoken to the approver');
  await manager.waitFor(kept.getByText(MOTIVATION, { exact: true }), 'the motivation on the kept request');
  await expectCardScreenshot(manager, kept, 'approval-kept-request.png');
  expect(await harness.bot.repositories.outbox.waitingFor(cast.manager.aadObjectId)).toEqual([]);

  // Her menu leads to what waits for her; so do her own words (「承認待ち」, see the protocol tests).
  await manager.send('メニュー');
  const menu = await manager.latestCardShowing(t('menu.intro'));
  await expectCardScreenshot(manager, menu, 'menu-with-approvals.png');
  await manager.clickOnLatestCard(t('approvals.inbox.menuButton', { count: 1 }));
  const inbox = await manager.latestCardShowing(t('approvals.inbox.title', { count: 1 }));
  await manager.waitFor(inbox.getByText(t('approvals.inbox.intro'), { exact: true }), 'the inbox introduction');
  const row = t('approvals.inbox.name', { name: cast.employee.name, department: cast.employee.department, grade: cast.employee.grade });
  await manager.waitFor(inbox.getByText(row, { exact: true }), `"${row}" in the inbox`);
  await expectCardScreenshot(manager, inbox, 'approval-inbox.png');

  // 開く → the approval card in place of the inbox → 承認する: decided, and a way back to what else waits.
  await manager.clickOnLatestCard(t('approvals.inbox.open'));
  const request = await manager.latestCardShowing(t('approval.waitingForYou'));
  await manager.waitFor(request.getByRole('button', { name: t('approval.approve'), exact: true }), 'the approve button');
  await manager.clickOnLatestCard(t('approval.approve'));
  const approved = t('applications.state.approved');
  await manager.waitFor(manager.latestCard().getByText(approved), `"${approved}" on the approval card`);
  const decided = manager.latestCard();
  await manager.waitFor(decided.getByRole('button', { name: t('approvals.inbox.back'), exact: true }), 'the way back to the inbox');
  await expectCardScreenshot(manager, decided, 'approval-from-inbox-decided.png');
  const stored = await harness.bot.repositories.applications.find(harness.frameworkId, fiscalYearOf(new Date()), id);
  expect(stored?.application).toMatchObject({ state: 'approved', approver: { aadObjectId: cast.manager.aadObjectId } });

  // Back to the inbox: nothing waits for her any more.
  await manager.clickOnLatestCard(t('approvals.inbox.back'));
  await manager.latestCardShowing(t('approvals.inbox.empty'));
});
