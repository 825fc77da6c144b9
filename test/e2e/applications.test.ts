import type { Locator } from 'playwright-core';
import { applicationId, type Application } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { formatDate } from '../../src/i18n/formatDate';
import { kitakyushuText } from '../support/botHarness';
import { expectCardScreenshot, openApplications, playgroundSessionsForThisFile, t, type PlaygroundSession } from './playgroundSession';

// Applying for Silver in the real Agents Playground, as two people in two Playgrounds in front of one bot: the
// demo employee applies, his manager approves on the card the bot sends her, and he is told in his chat.

const framework = JSON.parse(kitakyushuText()) as { tiers: { id: string; name: string }[] };
const TRACK = 'silver';
const trackName = framework.tiers.find((tier) => tier.id === TRACK)!.name;
const MOTIVATION = '窓口手続のオンライン化を職場で進めたいと考えています。電子申請の導入を担当しました。';
// The manager's Playground opens first, so the bot knows where to reach her before the employee applies.
const sessions = playgroundSessionsForThisFile({ roles: ['manager', 'employee'], prepare: openApplications });

test('the employee applies for Silver, his manager approves in her chat, and he sees the decision in his', async () => {
  const { employee, manager } = sessions;
  const { harness, cast } = employee;
  expect([employee.user.name, manager.user.name]).toEqual([cast.employee.name, cast.manager.name]);
  // Each Playground's user is reachable at that Playground (its service URL), not at the other one.
  for (const { user, playgroundUrl } of [employee, manager]) {
    const record = await harness.bot.repositories.conversations.find('user', user.aadObjectId);
    const serviceUrl = (record?.reference as { serviceUrl?: string } | undefined)?.serviceUrl;
    const port = serviceUrl && new URL(serviceUrl).port;
    expect({ user: user.name, port }).toEqual({ user: user.name, port: new URL(playgroundUrl).port });
  }

  // The employee: 応募 → 応募する on Silver → the form → the review, which names his manager as the approver.
  await employee.send('応募');
  const tracks = ['gold', 'silver'].map((id) => framework.tiers.find((tier) => tier.id === id)!.name).join(t('applications.tierJoin'));
  const home = await employee.latestCardShowing(t('applications.home.title', { tracks }));
  const apply = trackBlock(home, trackName).getByRole('button', { name: t('applications.apply'), exact: true });
  await employee.waitFor(apply, `${trackName}'s "${t('applications.apply')}" button (is its window open?)`);
  await apply.click();
  const form = await employee.latestCardShowing(t('applications.form.title', { track: trackName }));
  await form.getByRole('textbox').fill(MOTIVATION);
  await employee.clickOnLatestCard(t('applications.form.next'));
  const review = await employee.latestCardShowing(t('applications.confirm.title'));
  for (const [what, text] of [
    ['the track', trackName],
    ['the approver', cast.manager.name],
    ['the motivation', MOTIVATION],
  ] as const) {
    await employee.waitFor(review.getByText(text, { exact: true }), `${what} "${text}" on the review card`);
  }
  await expectCardScreenshot(employee, review, 'application-review.png');
  // A double click, as people do on a button that does not answer at once: both clicks read as the one success.
  await review.getByRole('button', { name: t('applications.confirm.submit'), exact: true }).dblclick();
  const submitted = await employee.latestCardShowing(t('applications.submitted.body', { approver: cast.manager.name }));
  await expectCardScreenshot(employee, submitted, 'application-submitted-double-click.png');

  // The manager: the approval request arrives in her chat by itself, with the applicant, his words and the buttons.
  const request = await manager.latestCardShowing(t('approval.title', { track: trackName }));
  for (const [what, text] of [
    ['the applicant', cast.employee.name],
    ['the motivation', MOTIVATION],
    ['the state', t('approval.waitingForYou')],
  ] as const) {
    await manager.waitFor(request.getByText(text, { exact: true }), `${what} "${text}" on the approval card`);
  }
  await manager.waitFor(decisionButtons(request).first(), 'the approve and reject buttons');
  await expectCardScreenshot(manager, request, 'approval-request.png');
  // The second click sent nothing more: one request in her chat.
  expect(await manager.page.getByText(t('approval.title', { track: trackName }), { exact: true }).count()).toBe(1);
  const managerCards = await manager.cardCount();
  await manager.clickOnLatestCard(t('approval.approve'));

  // The card turns into the decision in place: who decided, how and when, and nothing left to click. The bot
  // answers the click once the decision is stored, so storage has it by the time the card shows it.
  const approved = t('applications.state.approved');
  await manager.waitFor(manager.latestCard().getByText(approved), `"${approved}" on the approval card`);
  const stored = (await storedApplication(employee))!;
  const decision = stored.trail[stored.trail.length - 1]!;
  const decidedLine = t('approval.decided', {
    state: approved,
    by: cast.manager.name,
    at: formatDate(decision.at, 'ja'),
  });
  const decided = await manager.latestCardShowing(decidedLine);
  expect(await decisionButtons(decided).count()).toBe(0);
  expect(await decided.getByRole('textbox').count()).toBe(0);
  expect(await manager.cardCount()).toBe(managerCards);
  await expectCardScreenshot(manager, decided, 'approval-decided.png');

  // The employee: told in his chat, with the new state, who decided and when.
  const notice = await employee.latestCardShowing(t('notify.decision.title'));
  const body = t('notify.decision.body', {
    track: trackName,
    state: approved,
    by: cast.manager.name,
    at: formatDate(decision.at, 'ja'),
  });
  expect(body).toContain('上司が承認');
  await employee.waitFor(notice.getByText(body, { exact: true }), `"${body}" on the notification`);
  await expectCardScreenshot(employee, notice, 'application-decision.png');

  // Storage: approved by the manager after the employee's submission, and nothing else.
  expect(stored).toMatchObject({
    track: TRACK,
    state: 'approved',
    motivation: MOTIVATION,
    applicant: { aadObjectId: cast.employee.aadObjectId, name: cast.employee.name },
    approver: { aadObjectId: cast.manager.aadObjectId, name: cast.manager.name },
  });
  expect(stored.trail.map(({ action, by, to }) => ({ action, by, to }))).toEqual([
    { action: 'submit', by: cast.employee.aadObjectId, to: 'submitted' },
    { action: 'approve', by: cast.manager.aadObjectId, to: 'approved' },
  ]);
});

/** One track's block on the applications card: the innermost container holding its name (like levelOption, assessment.test.ts). */
function trackBlock(card: Locator, name: string): Locator {
  return card
    .locator('.ac-container')
    .filter({ has: card.page().getByText(name, { exact: true }) })
    .last();
}

/** The approver's two buttons on an approval card. */
function decisionButtons(card: Locator): Locator {
  return card.getByRole('button', { name: t('approval.approve'), exact: true }).or(
    card.getByRole('button', { name: t('approval.reject'), exact: true }),
  );
}

/** The employee's Silver application of this fiscal year, as stored. */
async function storedApplication({ harness, user }: PlaygroundSession): Promise<Application | undefined> {
  const fiscalYear = fiscalYearOf(new Date());
  const id = applicationId(fiscalYear, TRACK, user.aadObjectId);
  return (await harness.bot.repositories.applications.find(harness.frameworkId, fiscalYear, id))?.application;
}
