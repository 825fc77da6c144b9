import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import type { Logger } from '../../src/logger';
import { createTableStorage } from '../../src/storage/tableStorage';
import { someone, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import { importRosterRows, meet, openWindows } from '../support/conversation';
import { Stoppers } from '../support/stoppers';

// A bot on an Azurite of its own (the roster is one data set per storage) with an employee, her manager and an
// open application window: what the fault tests need to drive an application through its approval.

export interface ApplicationFixture {
  readonly azurite: Azurite;
  readonly harness: BotHarness;
  readonly applicant: TestUser;
  readonly manager: TestUser;
  /** An officer of the HR office (the `hr` role), who moves approved applications on to certification. */
  readonly hr: TestUser;
  readonly fiscalYear: number;
  /** The applicant applies for `track`; returns the approval request card that reached the manager's chat. */
  apply(track: string): Promise<Card>;
  stop(): Promise<void>;
}

/** The conversation id of someone's personal chat with the bot. */
export const chatOf = (who: TestUser): string => `a:${who.id}`;

/**
 * Starts the bot, imports the roster, opens every track's window and lets the manager meet the bot.
 * `connect` gives the bot another way to the storage than straight to Azurite (e.g. a proxy a test can cut);
 * `logger` hears what the bot logs (nothing by default).
 */
export async function startApplicationFixture(
  options: { connect?: (azurite: Azurite) => Promise<string>; logger?: Logger; notifyWaitMs?: number; untoldNotifyWaitMs?: number } = {},
): Promise<ApplicationFixture> {
  const running = new Stoppers();
  const azurite = running.add(await startAzurite());
  const applicant = someone('北九 太郎');
  const manager = someone('門司 花子');
  const hr = someone('小倉 次郎');
  const harness = await running.startOrStop(async () => {
    await createTableStorage({ connectionString: azurite.connectionString }).ensureTables();
    const connectionString = options.connect ? await options.connect(azurite) : azurite.connectionString;
    // Nothing here broadcasts: without the sender, nothing but the actions under test writes to storage.
    const started = running.add(await startBotHarness({ connectionString, logger: options.logger, broadcastSender: false, notifyWaitMs: options.notifyWaitMs, untoldNotifyWaitMs: options.untoldNotifyWaitMs }));
    await importRosterRows(started, [
      `E01,${applicant.name},taro@example.city.jp,${applicant.aadObjectId},市民局,区政推進課,主事,hanako@example.city.jp,`,
      `E02,${manager.name},hanako@example.city.jp,${manager.aadObjectId},市民局,区政推進課,課長,,`,
      `E03,${hr.name},jiro@example.city.jp,${hr.aadObjectId},総務局,人事課,係長,,hr`,
    ]);
    await openWindows(started);
    await meet(started, [manager]);
    return started;
  });
  const fiscalYear = fiscalYearOf(new Date());
  return {
    azurite,
    harness,
    applicant,
    manager,
    hr,
    fiscalYear,
    async apply(track) {
      const before = harness.connector.activities(chatOf(manager)).length;
      const data = { track, motivation: '窓口のオンライン予約を全区に広げ、待ち時間を減らしたいです。', attachAssessment: 'false' };
      const { status, body } = await harness.click('application.submit', data, { user: applicant });
      if (status !== 200 || !textOf(body.value).includes('承認依頼を送りました')) {
        throw new Error(`the application was not submitted (${status}): ${textOf(body?.value)}`);
      }
      const sent = await harness.connector.waitForActivities(before + 1, { conversationId: chatOf(manager) });
      return sent[sent.length - 1]!.attachments![0]!.content as Card;
    },
    stop: () => running.stopAll(),
  };
}
