import type { Logger } from '../../src/logger';
import type { ScriptedFailureStatus } from '../support/fakeConnector';
import { buttonData, cardOf, textOf } from '../support/botHarness';
import { todayInJapan } from '../../src/domain/training/trainingSession';
import { meet } from '../support/conversation';
import { waitFor } from '../support/waitFor';
import { chatOf, startApplicationFixture, type ApplicationFixture } from './applicationFixture';

// The Bot Connector answering 5xx and 429 storms, for replies in a turn and for proactive notifications (the broadcast
// has tests of its own). What botbuilder's client does, measured against the fake connector: it tries a send 4 times
// in all, waiting Retry-After after a 429 (or a 503 that has one) and backing off exponentially after a 5xx, and does
// not retry a 412; then it throws. Expectations: the bot always answers Teams' POST and keeps answering once the storm
// is over; a refused send is never counted as sent, so nothing arrives twice; a notification that could not be sent
// is reported to whoever caused it, and the action itself stands; an action does not keep Teams waiting for a
// notification longer than a few seconds (Teams gives an invoke about 5 s): the send goes on after the answer, and a
// graceful stop lets it end.
let fixture: ApplicationFixture;
/** What the bot warned about: a message that could not be sent is recorded there as not delivered. */
const warnings: string[] = [];
const logger: Logger = {
  info: () => undefined,
  warn: (message) => {
    warnings.push(message);
  },
  error: () => undefined,
};

beforeAll(async () => {
  fixture = await startApplicationFixture({ logger });
});
afterAll(async () => {
  await fixture?.stop();
});
beforeEach(() => {
  fixture.harness.connector.reset();
  warnings.length = 0;
});

/**
 * How long an action waits for its notification in the tests of a Teams slower than that: shorter than the product's
 * few seconds, and far shorter than botbuilder's back-off through a storm (1 + 2 + 4 s), so the answer always comes first.
 */
const ACTION_WAIT_MS = 1_000;

/** How botbuilder's client tries one send: this many times in all. */
const TRIES = 4;

/** `count` refusals with `status`, as the fake connector lists them. */
const refusals = (count: number, status: number): number[] => Array.from({ length: count }, () => status);

/** Resolves once the bot has warned `message` (a send that went on after its action answered ends on its own time). */
async function warned(message: string): Promise<void> {
  await waitFor(`the warning "${message}"`, () => warnings.includes(message), { seen: () => warnings });
}

describe('a storm on the replies to chat messages', () => {
  it('longer than the retries of the reply and of the apology: Teams still gets its answer, nothing is sent twice, the next message is answered', async () => {
    const { harness, applicant } = fixture;
    const chat = chatOf(applicant);
    harness.connector.failNext(500, { times: 2 * TRIES, conversationId: chat });
    const { status } = await harness.post(harness.activity({ type: 'message', text: 'メニュー' }, { user: applicant }));
    // The error handler took the failure: Teams gets its 200, so it does not deliver the message again.
    expect(status).toBe(200);
    expect(postsTo(chat)).toEqual(refusals(2 * TRIES, 500));
    expect(harness.connector.activities(chat)).toEqual([]);

    // The storm is over: the server is still there and answers as usual.
    expect(textOf(cardOf(await harness.say('メニュー', { user: applicant })))).toContain('メニュー');
    expect(postsTo(chat)).toEqual([...refusals(2 * TRIES, 500), 201]);
  });

  it.each<ScriptedFailureStatus>([502, 503, 504])('short (%i, then accepted): the reply arrives once', async (failure) => {
    const { harness, applicant } = fixture;
    const chat = chatOf(applicant);
    harness.connector.failNext(failure, { times: 1, conversationId: chat });
    expect(textOf(cardOf(await harness.say('メニュー', { user: applicant })))).toContain('メニュー');
    expect(postsTo(chat)).toEqual([failure, 201]);
    expect(harness.connector.activities(chat)).toHaveLength(1);
  });

  it('of 429s with Retry-After: each retry waits as long as told, and the reply arrives once', async () => {
    const { harness, applicant } = fixture;
    const chat = chatOf(applicant);
    harness.connector.failNext(429, { times: 2, retryAfterSeconds: 2, conversationId: chat });
    expect(textOf(cardOf(await harness.say('メニュー', { user: applicant })))).toContain('メニュー');
    const tries = harness.connector.calls.filter((c) => c.conversationId === chat);
    expect(tries.map((c) => c.status)).toEqual([429, 429, 201]);
    // The fake connector's own timestamps: each try came no sooner than Retry-After (2 s, give or take the clock's
    // rounding) after the refusal, where botbuilder's own back-off would have come back after about 1 s.
    const gaps = tries.slice(1).map((c, i) => c.at - tries[i]!.at);
    expect(gaps.filter((gap) => gap < 1950)).toEqual([]);
    expect(harness.connector.activities(chat)).toHaveLength(1);
  });
});

/** The applicant submits an application for `track`; returns the text of the card that answers them. */
async function submit(track: string, on: ApplicationFixture = fixture): Promise<string> {
  const data = { track, motivation: '窓口のオンライン予約を全区に広げ、待ち時間を減らしたいです。', attachAssessment: 'false' };
  const { status, body } = await on.harness.click('application.submit', data, { user: on.applicant });
  expect(status).toBe(200);
  return textOf(body.value);
}

/** The states of the applicant's stored applications for `track`. */
async function stored(track: string, on: ApplicationFixture = fixture): Promise<string[]> {
  const { harness, applicant } = on;
  const rows = await harness.bot.repositories.applications.list(harness.frameworkId, on.fiscalYear, { applicantId: applicant.aadObjectId, track });
  return rows.map((r) => r.application.state);
}

/** What the bot POSTed to `conversationId`, as the statuses the fake Teams answered. */
function postsTo(conversationId: string, on: ApplicationFixture = fixture): number[] {
  return on.harness.connector.calls.filter((c) => c.conversationId === conversationId && c.method === 'POST').map((c) => c.status);
}

describe('a storm on proactive notifications', () => {

  it('short, on the approval request (429 with Retry-After): the manager gets it once, the applicant is told it was sent', async () => {
    const managerChat = chatOf(fixture.manager);
    // One wait of a second: well inside the time the harness lets an action wait for its message.
    fixture.harness.connector.failNext(429, { times: 1, retryAfterSeconds: 1, conversationId: managerChat });
    expect(await submit('silver')).toContain('門司 花子さんに承認依頼を送りました');
    expect(postsTo(managerChat)).toEqual([429, 201]);
    expect(fixture.harness.connector.activities(managerChat)).toHaveLength(1);
    expect(await stored('silver')).toEqual(['submitted']);
    expect(warnings).not.toContain('approval request not delivered');
  });

  it('longer than the retries, on the approval request: the applicant is answered while it is still being sent, the application stands, nothing is sent twice', async () => {
    const own = await startApplicationFixture({ logger, notifyWaitMs: ACTION_WAIT_MS });
    try {
      const managerChat = chatOf(own.manager);
      own.harness.connector.reset();
      own.harness.connector.failNext(503, { times: TRIES, conversationId: managerChat });
      const answer = await submit('gold', own);
      expect(answer).toContain('応募は受け付けました');
      expect(answer).toContain('門司 花子さんへの承認依頼は、Teamsの応答が遅れているため、まだ送信中です');
      expect(await stored('gold', own)).toEqual(['submitted']);
      // The send went on after the answer, through all its tries, and failed: logged, and never sent twice.
      await warned('proactive message failed');
      expect(postsTo(managerChat, own)).toEqual(refusals(TRIES, 503));
      expect(own.harness.connector.activities(managerChat)).toEqual([]);
    } finally {
      await own.stop();
    }
  });

  it('refused by Teams, on the applicant’s news of a decision: the decision stands and the manager sees it, the failure is logged, the applicant gets nothing twice', async () => {
    const { harness, applicant, manager } = fixture;
    const approve = buttonData(await fixture.apply('professional'), 'approval.decide', { decision: 'approve' });
    const applicantChat = chatOf(applicant);
    harness.connector.reset();
    // A 412 is not retried: the outcome is known before the manager is answered.
    harness.connector.failNext(412, { times: 1, conversationId: applicantChat });
    const { status, body } = await harness.click('approval.decide', approve, { user: manager });
    expect(status).toBe(200);
    expect(textOf(body.value)).toContain('上司が承認（選考待ち）：門司 花子');
    expect(await stored('professional')).toEqual(['approved']);
    expect(postsTo(applicantChat)).toEqual([412]);
    expect(harness.connector.activities(applicantChat)).toEqual([]);
    expect(warnings).toContain('update not delivered to the applicant');
  });
});

describe("the applicant's news of a decision, as the bot runs in production (it does not wait for it)", () => {
  it('answers the manager while Teams still holds the news, and the news arrives after', async () => {
    const own = await startApplicationFixture({ untoldNotifyWaitMs: 0 });
    try {
      const { harness, applicant, manager } = own;
      const approve = buttonData(await own.apply('silver'), 'approval.decide', { decision: 'approve' });
      const applicantChat = chatOf(applicant);
      harness.connector.reset();
      const letGo = harness.connector.holdNext(1);
      const { status, body } = await harness.click('approval.decide', approve, { user: manager });
      expect(status).toBe(200);
      expect(textOf(body.value)).toContain('上司が承認（選考待ち）：門司 花子');
      expect(harness.connector.held).toBe(1);
      expect(harness.connector.activities(applicantChat)).toEqual([]);
      letGo();
      await waitFor('the news to reach the applicant', () => harness.connector.activities(applicantChat).length === 1);
      expect(await stored('silver', own)).toEqual(['approved']);
    } finally {
      await own.stop();
    }
  });
});

describe("HR's move from the training records, as the bot runs in production", () => {
  it("waits for each applicant's news before answering, since the answer says they were told", async () => {
    const own = await startApplicationFixture({ untoldNotifyWaitMs: 0 });
    try {
      const { harness, applicant, manager, hr } = own;
      await meet(harness, [applicant]);
      const met = harness.connector.activities(chatOf(applicant)).length;
      const approve = buttonData(await own.apply('silver'), 'approval.decide', { decision: 'approve' });
      const id = approve.applicationId as string;
      await harness.click('approval.decide', approve, { user: manager });
      await harness.click('hr.advance', { applicationId: id, action: 'select' }, { user: hr });
      await harness.bot.repositories.trainingRecords.store(harness.frameworkId, [
        { employeeNo: 'E01', programId: 'dx-talent-project', date: todayInJapan(new Date()), status: 'attended' },
      ]);
      // The news of the approval and of the selection went on after their answers: both in before this starts.
      await waitFor('the earlier news', () => harness.connector.activities(chatOf(applicant)).length === met + 2);
      harness.connector.reset();
      const letGo = harness.connector.holdNext(1);
      let answered = false;
      const confirming = harness.click('hr.trainings.confirm', { applicationIds: [id] }, { user: hr }).finally(() => (answered = true));
      await waitFor('the news held by Teams', () => harness.connector.held === 1);
      // Whatever the machine's speed, a move that waits for its news cannot answer while Teams holds it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toBe(false);
      letGo();
      const { body } = await confirming;
      expect(textOf(body.value)).toContain('1人を「必須研修修了」にして、ご本人に通知しました。');
      expect(harness.connector.activities(chatOf(applicant))).toHaveLength(1);
    } finally {
      await own.stop();
    }
  });
});

describe('a graceful stop while a notification is still being sent', () => {
  it('lets it end: the manager gets the approval request once, after the applicant was answered', async () => {
    const own = await startApplicationFixture({ notifyWaitMs: ACTION_WAIT_MS });
    try {
      const managerChat = chatOf(own.manager);
      own.harness.connector.reset();
      // Three 503s back off 1 + 2 + 4 s: longer than an action waits, shorter than a graceful stop does.
      own.harness.connector.failNext(503, { times: TRIES - 1, conversationId: managerChat });
      expect(await submit('silver', own)).toContain('まだ送信中です');
      await own.harness.bot.stop();
      expect(postsTo(managerChat, own)).toEqual([...refusals(TRIES - 1, 503), 201]);
      expect(own.harness.connector.activities(managerChat)).toHaveLength(1);
    } finally {
      // The bot too, should the test fail before it stops it: a server left listening keeps the worker alive.
      await own.stop();
    }
  });
});
