import { applicationId } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import type { Logger } from '../../src/logger';
import { createTableStorage } from '../../src/storage/tableStorage';
import { executeActions, someone, startBotHarness, textOf, type BotHarness, type TestUser } from '../support/botHarness';
import { importRosterRows, inboxOf, meet, openWindows, talkingTo } from '../support/conversation';
import { waitFor } from '../support/waitFor';

// Notices for people the bot cannot reach (they never opened it, or Teams refused the send) are kept in the outbox and
// delivered once, as things stand then, when the person next writes to the bot. A request that has no news any more by
// then (its approval handed to someone else) is dropped.

let azurite: Azurite;
let harness: BotHarness;
const logged: string[] = [];
const logger: Logger = { info: (message) => logged.push(message), warn: (message) => logged.push(message), error: () => undefined };

const applicant = someone('北九 太郎');
const second = someone('若松 美咲');
const manager = someone('門司 花子'); // never opened the bot when the applications come
const deputy = someone('戸畑 健二'); // never opened it either
const hr = someone('到津 由美');
const { click, say } = talkingTo(() => harness);
const fiscalYear = fiscalYearOf(new Date());
const MOTIVATION = '窓口のオンライン予約を全区に広げ、待ち時間を減らしたいです。';
const idOf = (who: TestUser, track: string): string => applicationId(fiscalYear, track, who.aadObjectId);
const waiting = async (who: TestUser): Promise<unknown[]> =>
  (await harness.bot.repositories.outbox.waitingFor(who.aadObjectId)).map((k) => k.letter);

beforeAll(async () => {
  azurite = await startAzurite();
  await createTableStorage({ connectionString: azurite.connectionString }).ensureTables();
  harness = await startBotHarness({ connectionString: azurite.connectionString, logger, broadcastSender: false });
  await importRosterRows(harness, [
    `E01,${applicant.name},taro@example.city.jp,${applicant.aadObjectId},市民局,区政推進課,主事,hanako@example.city.jp,`,
    `E02,${second.name},misaki@example.city.jp,${second.aadObjectId},市民局,区政推進課,主任,hanako@example.city.jp,`,
    `E03,${manager.name},hanako@example.city.jp,${manager.aadObjectId},市民局,区政推進課,課長,,`,
    `E04,${deputy.name},kenji@example.city.jp,${deputy.aadObjectId},市民局,区政推進課,係長,hanako@example.city.jp,`,
    `E05,${hr.name},yumi@example.city.jp,${hr.aadObjectId},総務局,人事課,主任,,hr`,
  ]);
  await openWindows(harness);
  await meet(harness, [applicant, second, hr]);
});
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

describe('an approval request for a manager who never opened the bot', () => {
  it('is kept for her, and HR sees it has not reached her', async () => {
    for (const who of [applicant, second]) {
      const done = await click(who, 'application.submit', { track: 'silver', motivation: MOTIVATION, attachAssessment: 'false' });
      expect(textOf(done)).toContain('門司 花子さんがDX Naviを開くと届きます');
    }
    expect(await waiting(manager)).toEqual([
      { kind: 'approvalRequest', frameworkId: harness.frameworkId, applicationId: idOf(applicant, 'silver') },
      { kind: 'approvalRequest', frameworkId: harness.frameworkId, applicationId: idOf(second, 'silver') },
    ]);
    const detail = await click(hr, 'hr.application', { applicationId: idOf(applicant, 'silver') });
    expect(textOf(detail)).toContain('承認依頼はまだ門司 花子さんに届いていません');
    expect(executeActions(detail).map((a) => a.verb)).toContain('hr.approval.resend');
  });

  it('HR hands one to a deputy: kept for him too, and dropped for her when she comes, the other delivered once', async () => {
    const done = await click(hr, 'hr.reassign', { applicationId: idOf(second, 'silver'), approverEmail: 'kenji@example.city.jp' });
    expect(textOf(done)).toContain('戸畑 健二さんがDX Naviを開くと届きます');

    const hers = inboxOf(harness, manager);
    await say(manager, 'メニュー');
    // Her menu, then the one request still hers; the reassigned one has no news for her any more.
    const cards = await hers.next(2);
    const requests = cards.filter((c) => textOf(c).includes('承認依頼：'));
    expect(requests.map((c) => textOf(c).includes(applicant.name))).toEqual([true]);
    expect(textOf(requests[0])).toContain('あなたの承認を待っています。');
    await waitFor('the reassigned request dropped', () => logged.includes('kept notice has no news any more'));
    expect(await waiting(manager)).toEqual([]);

    // Her next message delivers nothing more: it was delivered once.
    await say(manager, 'メニュー');
    expect(await waiting(manager)).toEqual([]);
    expect(hers.take().filter((c) => textOf(c).includes('承認依頼：'))).toEqual([]);

    const his = inboxOf(harness, deputy);
    await say(deputy, '承認待ち');
    // His inbox answers his message; the request kept for him comes on its own (in either order).
    const texts = (await his.next(2)).map(textOf);
    expect(texts.filter((text) => text.includes('承認待ち（1件）'))).toHaveLength(1);
    const kept = texts.filter((text) => text.includes('承認依頼：シルバーへの応募'));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toContain(second.name);
    const detail = await click(hr, 'hr.application', { applicationId: idOf(second, 'silver') });
    expect(textOf(detail)).toContain('承認依頼は戸畑 健二さんに届いています。');
  });
});

describe("news for an applicant Teams refused to take", () => {
  it('is kept and reaches the applicant with their next message, as the application stands', async () => {
    const chat = `a:${applicant.id}`;
    // Not retried by the client: the send fails at once.
    harness.connector.failNext(412, { times: 1, conversationId: chat });
    const decided = await click(manager, 'approval.decide', { applicationId: idOf(applicant, 'silver'), decision: 'approve' });
    expect(textOf(decided)).toContain('上司が承認');
    expect(await waiting(applicant)).toEqual([{ kind: 'applicationUpdate', frameworkId: harness.frameworkId, applicationId: idOf(applicant, 'silver') }]);

    const news = inboxOf(harness, applicant);
    await say(applicant, '応募');
    const kept = (await news.next(2)).find((c) => textOf(c).includes('応募の状況が変わりました'));
    expect(textOf(kept)).toContain(`シルバーへの応募：上司が承認（選考待ち）（${manager.name}`);
    expect(await waiting(applicant)).toEqual([]);
  });
});
