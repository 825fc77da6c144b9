import { startAzurite, type Azurite } from '../../src/local/azurite';
import { startStorageProxy, type StorageProxy, type StorageRequest } from '../faults/storageProxy';
import { executeActions, startBotHarness, textOf, type BotHarness, type TestUser } from '../support/botHarness';
import { importRosterRows } from '../support/conversation';

// What a bigger roster costs the people who use the bot, counted at the wire (storage calls and the rows they bring
// back), never timed: an ordinary employee's turns and a manager's team view cost the same with a roster of 50 and
// of 500, and the team view reads no roster rows but its manager's reports. The roster is one data set per storage,
// so this file brings its own Azurite.

const SMALL = 50;
const LARGE = 500;
/** Everyone reports to the leader of their ten (employee 10 leads 11–19); the leaders report to employee 0. */
const TEAM = 10;
const MANAGER = 10;
const REPORTS_OF_MANAGER = TEAM - 1;

let azurite: Azurite;
let proxy: StorageProxy;
let bot: BotHarness;

function aadOf(i: number): string {
  return `c0ffee00-0000-4000-8000-${String(i).padStart(12, '0')}`;
}
function emailOf(i: number): string {
  return `staff${i}@example.city.jp`;
}
function userOf(i: number): TestUser {
  return { id: `29:${aadOf(i)}`, aadObjectId: aadOf(i), name: `職員 ${i}` };
}

/** A roster of `size` staff in teams of ten: employee i is the same person, with the same manager, at any size. */
function rosterOf(size: number): string[] {
  return Array.from({ length: size }, (_, i) => {
    const leader = Math.floor(i / TEAM) * TEAM;
    const manager = i === 0 ? '' : emailOf(leader === i ? 0 : leader);
    const [section, grade] = [`第${leader / TEAM + 1}係`, leader === i ? '係長' : '主事'];
    return [`E${String(i).padStart(5, '0')}`, `職員 ${i}`, emailOf(i), aadOf(i), '市民局', section, grade, manager, ''].join(',');
  });
}

beforeAll(async () => {
  azurite = await startAzurite();
  proxy = await startStorageProxy(azurite);
  // No background work (the broadcast sender's lease, the sweep of expired exports) calls storage amid a counted turn.
  bot = await startBotHarness({ connectionString: proxy.connectionString, broadcastSender: false, exportSweepMs: 3_600_000 });
  // The bot reads the framework on its first turn: the turns counted below are ordinary ones.
  await bot.say('メニュー');
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await proxy?.stop();
  await azurite?.stop();
});

/** What a turn asked of storage: its calls, and the rows read from the roster and from every table. */
interface TurnCost {
  readonly calls: number;
  readonly rowsRead: number;
  readonly rosterRowsRead: number;
}

const fromRoster = (request: StorageRequest): boolean => /^\/[^/]+\/rosterEntries[(?]/.test(request.path);

async function costOf(turn: () => Promise<unknown>): Promise<TurnCost> {
  const from = proxy.requests.length;
  await turn();
  const requests = proxy.requests.slice(from);
  const rows = (list: readonly StorageRequest[]): number => list.reduce((sum, r) => sum + r.rows, 0);
  return { calls: requests.length, rowsRead: rows(requests), rosterRowsRead: rows(requests.filter(fromRoster)) };
}

/**
 * A new employee's first turns (a menu, a level, the first answer of a self-assessment) and the manager's team view,
 * each counted. `employee` has never written to the bot before.
 */
async function costsOfTurns(employee: TestUser): Promise<Record<'firstMessage' | 'menuAgain' | 'level' | 'assessmentAnswer' | 'teamView', TurnCost>> {
  const manager = userOf(MANAGER);
  // The manager has written to the bot before (which records where to reach them, once they are on the roster).
  await bot.say('メニュー', { user: manager });
  const firstMessage = await costOf(() => bot.say('メニュー', { user: employee }));
  const menuAgain = await costOf(() => bot.say('メニュー', { user: employee }));
  const level = await costOf(() => bot.click('framework.level', { level: 3 }, { user: employee }));
  const started = await bot.click('assessment.start', {}, { user: employee });
  const answer = executeActions(started.body.value).find((a) => a.verb === 'assessment.role');
  if (!answer) throw new Error(`no role answer on the first card: ${textOf(started.body.value)}`);
  const assessmentAnswer = await costOf(() => bot.click(answer.verb, answer.data, { user: employee }));
  const teamView = await costOf(async () => {
    const { body } = await bot.click('team.show', { managerEmail: '' }, { user: manager });
    expect(textOf(body.value)).toContain(`職員 ${MANAGER + 1}`);
  });
  return { firstMessage, menuAgain, level, assessmentAnswer, teamView };
}

describe('a roster ten times as big', () => {
  it("costs an ordinary employee's turns and a manager's team view not one call or row more", async () => {
    await importRosterRows(bot, rosterOf(SMALL));
    // Two employees in the same place on both rosters (a 主事 in the second team), each new to the bot when counted.
    const atSmall = await costsOfTurns(userOf(TEAM + 3));
    await importRosterRows(bot, rosterOf(LARGE));
    const atLarge = await costsOfTurns(userOf(TEAM + 4));

    expect(atLarge).toEqual(atSmall);
    expect(atSmall.firstMessage.calls).toBeGreaterThan(0);
  }, 60_000);

  it("reads no roster rows for the team view but the manager's own and their reports'", async () => {
    const manager = userOf(MANAGER);
    const { rosterRowsRead } = await costOf(() => bot.click('team.show', { managerEmail: '' }, { user: manager }));
    // One row per report, and the manager's own (a point read by each step that asks who they are); never the rest.
    expect(rosterRowsRead).toBeGreaterThanOrEqual(REPORTS_OF_MANAGER);
    expect(rosterRowsRead).toBeLessThanOrEqual(REPORTS_OF_MANAGER + 2);
  });
});
