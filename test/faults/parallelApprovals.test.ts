import { chatOf, startApplicationFixture, type ApplicationFixture } from './applicationFixture';
import { buttonData, textOf } from '../support/botHarness';

// The manager's 100 clicks at once on the same approval button, through the bot's real HTTP server: the ETag on the
// application lets one decision through; the others must learn it was already taken, without an error.
let fixture: ApplicationFixture;

beforeAll(async () => {
  fixture = await startApplicationFixture();
});
afterAll(async () => {
  await fixture?.stop();
});

const CLICKS = 100;

describe('100 approvals of one application at once', () => {
  it('records exactly one decision, tells the applicant once, and answers every other click that it was already decided', async () => {
    const { harness, applicant, manager } = fixture;
    const approve = buttonData(await fixture.apply('silver'), 'approval.decide', { decision: 'approve' });
    const before = harness.connector.activities(chatOf(applicant)).length;

    const answers = await Promise.all(Array.from({ length: CLICKS }, () => harness.click('approval.decide', approve, { user: manager })));

    // Every click gets a card, none an error.
    expect(answers.map((a) => a.status)).toEqual(Array(CLICKS).fill(200));
    const texts = answers.map((a) => textOf(a.body.value));
    expect(texts.filter((t) => t.includes('エラー') || t.includes('ただいま利用できません'))).toEqual([]);
    const label = '上司が承認（選考待ち）';
    expect(texts.filter((t) => t.includes(`${label}：門司 花子`) && !t.includes('すでに'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes(`門司 花子さんがすでに「${label}」としました`))).toHaveLength(CLICKS - 1);

    const [stored] = await harness.bot.repositories.applications.list(harness.frameworkId, fixture.fiscalYear, {
      applicantId: applicant.aadObjectId,
      track: 'silver',
    });
    expect(stored!.application.state).toBe('approved');
    expect(stored!.application.trail.filter((e) => e.action === 'approve' || e.action === 'reject')).toHaveLength(1);

    // The one decision's news, once. Waited for: a click waits only so long for its message before it answers, and with
    // a hundred clicks on a busy machine the send may end after that.
    const news = (await harness.connector.waitForActivities(before + 1, { conversationId: chatOf(applicant) })).slice(before);
    expect(news).toHaveLength(1);
    expect(textOf(news[0]!.attachments![0]!.content)).toContain(`シルバーへの応募：${label}`);
  });
});
