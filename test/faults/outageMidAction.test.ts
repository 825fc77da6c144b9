import { applicationId } from '../../src/domain/applications/application';
import { executeActions, textOf, type Card, type TestUser } from '../support/botHarness';
import { clickOn } from '../support/conversation';
import { chatOf, startApplicationFixture, type ApplicationFixture } from './applicationFixture';
import { snapshotTables } from './storageSnapshot';
import { isReadOf, isWriteTo, startStorageProxy, type StorageProxy } from './storageProxy';

// Storage stops in the middle of an action that writes more than once, at the exact point a proxy in front of Azurite
// is told to cut. Whatever the point, the user gets an answer (the friendly "try again" card in Japanese while the
// action's deciding write is not done; the action's own answer once it is), nothing is left half-written, and once
// storage is back the user can do it again and it happens exactly once. A write whose answer is lost (it was done,
// the bot never heard so, the storage client tries again and is refused) counts as done, not as someone else's.
let fixture: ApplicationFixture;
let proxy: StorageProxy;

beforeAll(async () => {
  fixture = await startApplicationFixture({
    connect: async (azurite) => {
      proxy = await startStorageProxy(azurite);
      return proxy.connectionString;
    },
  });
});
afterAll(async () => {
  await fixture?.stop();
  await proxy?.stop();
});
afterEach(() => proxy.restore());

const UNAVAILABLE = 'ただいま利用できません';
const SUBMITTED = '門司 花子さんに承認依頼を送りました';
const MOTIVATION = '窓口のオンライン予約を全区に広げ、待ち時間を減らしたいです。';

/** The state that matters, read straight from Azurite: every table but where to reach people, which each click refreshes. */
const state = (): ReturnType<typeof snapshotTables> =>
  snapshotTables(fixture.azurite.connectionString, (table) => table !== 'conversations');

const click = (verb: string, data: Record<string, unknown>, user: TestUser): Promise<Card> => clickOn(fixture.harness, user, verb, data);
const submit = (track: string): Promise<Card> =>
  click('application.submit', { track, motivation: MOTIVATION, attachAssessment: 'false' }, fixture.applicant);
const approvalRequests = (): number => fixture.harness.connector.activities(chatOf(fixture.manager)).length;

const storedApplications = async (track: string): Promise<{ state: string; decisions: number }[]> => {
  const { harness, applicant } = fixture;
  const rows = await harness.bot.repositories.applications.list(harness.frameworkId, fixture.fiscalYear, { applicantId: applicant.aadObjectId, track });
  return rows.map(({ application }) => ({
    state: application.state,
    decisions: application.trail.filter((e) => e.action === 'approve' || e.action === 'reject').length,
  }));
};

describe('an application submitted while storage stops', () => {
  it('cut before the application is written: a friendly error, nothing written; the same click later submits it once', async () => {
    const before = await state();
    const requestsBefore = approvalRequests();
    // The click reads the applicant's applications before writing one; storage is gone right after that read.
    proxy.cutAfter(isReadOf('applications'));
    expect(textOf(await submit('silver'))).toContain(UNAVAILABLE);
    expect(proxy.fired).toBe(true);
    proxy.restore();
    expect(await state()).toEqual(before);
    expect(approvalRequests()).toBe(requestsBefore);

    expect(textOf(await submit('silver'))).toContain(SUBMITTED);
    expect(await storedApplications('silver')).toEqual([{ state: 'submitted', decisions: 0 }]);
    expect(approvalRequests()).toBe(requestsBefore + 1);
  });

  it('cut right after the application is written: it is submitted and the manager asked, as nothing after that write needs storage', async () => {
    const requestsBefore = approvalRequests();
    proxy.cutAfter(isWriteTo('applications'));
    expect(textOf(await submit('gold'))).toContain(SUBMITTED);
    expect(proxy.fired).toBe(true);
    proxy.restore();
    expect(await storedApplications('gold')).toEqual([{ state: 'submitted', decisions: 0 }]);
    expect(approvalRequests()).toBe(requestsBefore + 1);

    // Clicking again (the user was not sure) answers as the first click did, and asks no one twice.
    expect(textOf(await submit('gold'))).toContain(SUBMITTED);
    expect(await storedApplications('gold')).toHaveLength(1);
    expect(approvalRequests()).toBe(requestsBefore + 1);
  });

  it('whose write is done but its answer lost: the retried write finds it there and takes it as its own, asking the manager once', async () => {
    const requestsBefore = approvalRequests();
    proxy.loseAnswerTo(isWriteTo('applications'));
    expect(textOf(await submit('professional'))).toContain(SUBMITTED);
    expect(proxy.fired).toBe(true);
    expect(await storedApplications('professional')).toEqual([{ state: 'submitted', decisions: 0 }]);
    expect(approvalRequests()).toBe(requestsBefore + 1);
  });
});

describe('a manager deciding while storage stops', () => {
  /** The approve button of the latest approval request for the applicant's application of `track`. */
  const approveButton = (track: string): Record<string, unknown> => {
    const buttons = fixture.harness.connector.activities(chatOf(fixture.manager)).flatMap((a) => executeActions(a.attachments?.[0]?.content));
    const approve = buttons.filter((b) => b.verb === 'approval.decide' && (b.data as { decision?: string }).decision === 'approve');
    const found = approve.reverse().find((b) => String((b.data as { applicationId?: string }).applicationId).includes(`-${track}-`));
    if (!found) throw new Error(`no approval request for ${track}`);
    return found.data as Record<string, unknown>;
  };
  const applicantNews = (): number => fixture.harness.connector.activities(chatOf(fixture.applicant)).length;

  it('cut before the decision is written: a friendly error, nothing written; the same click later decides once and tells the applicant once', async () => {
    const approve = approveButton('silver');
    const before = await state();
    const newsBefore = applicantNews();
    proxy.cutAfter(isReadOf('applications'));
    expect(textOf(await click('approval.decide', approve, fixture.manager))).toContain(UNAVAILABLE);
    expect(proxy.fired).toBe(true);
    proxy.restore();
    expect(await state()).toEqual(before);

    expect(textOf(await click('approval.decide', approve, fixture.manager))).toContain('上司が承認（選考待ち）：門司 花子');
    expect(await storedApplications('silver')).toEqual([{ state: 'approved', decisions: 1 }]);
    expect(applicantNews()).toBe(newsBefore + 1);
  });

  it('cut right after the decision is written: the manager sees it taken and the applicant is told, as nothing after that write needs storage', async () => {
    const approve = approveButton('gold');
    const newsBefore = applicantNews();
    proxy.cutAfter(isWriteTo('applications'));
    expect(textOf(await click('approval.decide', approve, fixture.manager))).toContain('上司が承認（選考待ち）：門司 花子');
    expect(proxy.fired).toBe(true);
    proxy.restore();
    expect(await storedApplications('gold')).toEqual([{ state: 'approved', decisions: 1 }]);
    expect(applicantNews()).toBe(newsBefore + 1);

    // A second click learns it is already decided, and the applicant hears nothing twice.
    expect(textOf(await click('approval.decide', approve, fixture.manager))).toContain('門司 花子さんがすでに「上司が承認（選考待ち）」としました');
    expect(await storedApplications('gold')).toEqual([{ state: 'approved', decisions: 1 }]);
    expect(applicantNews()).toBe(newsBefore + 1);
  });

  it('whose write is done but its answer lost: the decision is taken as the manager’s own, not as "already decided", and the applicant told once', async () => {
    const approve = approveButton('professional');
    const newsBefore = applicantNews();
    proxy.loseAnswerTo(isWriteTo('applications'));
    const answer = textOf(await click('approval.decide', approve, fixture.manager));
    expect(proxy.fired).toBe(true);
    expect(answer).toContain('上司が承認（選考待ち）：門司 花子');
    expect(answer).not.toContain('すでに');
    expect(await storedApplications('professional')).toEqual([{ state: 'approved', decisions: 1 }]);
    expect(applicantNews()).toBe(newsBefore + 1);
  });
});

describe('HR certifying while storage stops', () => {
  const advance = (track: string, action: string): Promise<Card> => {
    const id = applicationId(fixture.fiscalYear, track, fixture.applicant.aadObjectId);
    return click('hr.advance', { applicationId: id, action, confirmed: true }, fixture.hr);
  };
  const tier = async (): Promise<string | undefined> =>
    (await fixture.harness.bot.repositories.certifications.find(fixture.harness.frameworkId, fixture.applicant.aadObjectId))?.tier;
  const upToCertification = async (track: string): Promise<void> => {
    await advance(track, 'select');
    await advance(track, 'completeTraining');
    expect((await storedApplications(track))[0]?.state).toBe('trainingCompleted');
  };
  const applicantNews = (): number => fixture.harness.connector.activities(chatOf(fixture.applicant)).length;

  it('cut between recording the tier and certifying the application: a friendly error, the application still waits; certifying again completes it once', async () => {
    await upToCertification('silver');
    const newsBefore = applicantNews();
    proxy.cutAfter(isWriteTo('certifications'));
    expect(textOf(await advance('silver', 'certify'))).toContain(UNAVAILABLE);
    expect(proxy.fired).toBe(true);
    proxy.restore();
    expect((await storedApplications('silver'))[0]?.state).toBe('trainingCompleted');

    expect(textOf(await advance('silver', 'certify'))).toContain('状況\n認定');
    expect(await storedApplications('silver')).toEqual([{ state: 'certified', decisions: 1 }]);
    expect(await tier()).toBe('silver');
    expect(applicantNews()).toBe(newsBefore + 1);
  });

  it('cut right after the application is certified: HR sees it certified and the tier is recorded; only the applicant’s news is lost, not the action', async () => {
    await upToCertification('gold');
    const newsBefore = applicantNews();
    proxy.cutAfter(isWriteTo('applications'));
    expect(textOf(await advance('gold', 'certify'))).toContain('状況\n認定');
    expect(proxy.fired).toBe(true);
    proxy.restore();
    expect(await storedApplications('gold')).toEqual([{ state: 'certified', decisions: 1 }]);
    expect(await tier()).toBe('gold');
    expect(applicantNews()).toBe(newsBefore);
  });
});

describe('a self-assessment completed while storage stops', () => {
  /** Clicks the button with `verb` on `card` (the first whose data `which` accepts), with `inputs` as the card's inputs. */
  const press = (who: TestUser, card: Card, verb: string, inputs: Record<string, unknown> = {}, which = (_data: Record<string, unknown>) => true): Promise<Card> => {
    const action = executeActions(card).find((a) => a.verb === verb && which(a.data as Record<string, unknown>));
    if (!action) throw new Error(`no ${verb} on the card:\n${textOf(card)}`);
    return click(verb, { ...(action.data as Record<string, unknown>), ...inputs }, who);
  };
  const offers = (card: Card, verb: string): boolean => executeActions(card).some((a) => a.verb === verb);
  /** Starts an assessment and answers every step but the last: returns the target step's card. */
  const upToTarget = async (who: TestUser): Promise<Card> => {
    let card = await click('assessment.start', {}, who);
    while (offers(card, 'assessment.role')) card = await press(who, card, 'assessment.role', {}, (data) => Number(data.level) === 2);
    while (offers(card, 'assessment.skills')) {
      card = await press(who, card, 'assessment.skills', Object.fromEntries(ratingIds(card).map((id) => [id, '2'])));
    }
    return card;
  };
  const chooseTarget = (card: Card, who: TestUser): Promise<Card> => press(who, card, 'assessment.target', { target: '3' });
  const completed = async (who: TestUser): Promise<{ assessments: number; summary: boolean }> => {
    const { repositories } = fixture.harness.bot;
    const done = await repositories.assessments.listRecent(who.aadObjectId, 10, 'completed');
    const summary = await repositories.assessmentSummaries.find(fixture.harness.frameworkId, who.aadObjectId);
    return { assessments: done.length, summary: summary !== undefined };
  };

  it('cut between the assessment and its summary: a friendly error; the repeated click shows the result, which records the summary once', async () => {
    const who = fixture.applicant;
    const target = await upToTarget(who);
    proxy.cutAfter(isWriteTo('assessments'));
    expect(textOf(await chooseTarget(target, who))).toContain(UNAVAILABLE);
    expect(proxy.fired).toBe(true);
    proxy.restore();

    // The assessment is done; only its summary for HR's figures waits for the result to be shown again.
    expect(await completed(who)).toEqual({ assessments: 1, summary: false });
    const again = await chooseTarget(target, who);
    expect(textOf(again)).toContain('自己診断の結果');
    expect(await completed(who)).toEqual({ assessments: 1, summary: true });
  });

  it('whose completing write is done but its answer lost: the result is shown (not "already finished") and its summary recorded', async () => {
    const who = fixture.manager;
    const target = await upToTarget(who);
    proxy.loseAnswerTo(isWriteTo('assessments'));
    const result = textOf(await chooseTarget(target, who));
    expect(proxy.fired).toBe(true);
    expect(result).toContain('自己診断の結果');
    expect(await completed(who)).toEqual({ assessments: 1, summary: true });
  });
});

/** The ids of the rating inputs on a skills step card, e.g. "r_rs01". */
function ratingIds(card: Card): string[] {
  return (JSON.stringify(card).match(/"id":"r_[^"]+"/g) ?? []).map((m) => m.slice(6, -1));
}
