import { startAzurite, type Azurite } from '../../src/local/azurite';
import { importRoster } from '../../src/importing/importRoster';
import { DatasetStore } from '../../src/storage/datasetStore';
import { createRepositories, type Repositories } from '../../src/storage/repositories';
import { TABLE_NAMES } from '../../src/storage/tables';
import { createTableStorage, type TableStorage } from '../../src/storage/tableStorage';
import { ROSTER_HEADER } from '../support/roster';

// How a bot instance sees a roster imported elsewhere (the import command, another instance): it reuses what it read
// for its recheck interval and sees the new roster after it. The clock is the test's, so nothing here waits.
// The roster is one data set per storage, so this file runs against an Azurite of its own.

const RECHECK_MS = 5_000;
let azurite: Azurite;
let storage: TableStorage;
let clock = 0;
let bot: Repositories;
let importCommand: Repositories;

const guid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const row = (n: number, grade: string): string =>
  `E${n},職員 ${n},e${n}@example.city.jp,${guid(n)},政策局,DX・AI戦略室,${grade},,`;

async function importAs(grade: string): Promise<void> {
  const outcome = await importRoster([ROSTER_HEADER, row(1, grade), row(2, '主事')].join('\n'), importCommand.roster);
  expect(outcome.status).toBe('imported');
}

beforeAll(async () => {
  azurite = await startAzurite();
  storage = createTableStorage({ connectionString: azurite.connectionString });
  await storage.ensureTables();
  bot = createRepositories(storage, { recheckMs: RECHECK_MS, now: () => clock });
  importCommand = createRepositories(storage);
  await importAs('主事');
});
afterAll(async () => {
  await azurite?.stop();
});

it('answers from what it read until the recheck interval has passed, then from the new roster', async () => {
  expect((await bot.roster.findByAadObjectId(guid(1)))?.grade).toBe('主事');
  await importAs('係長');
  clock += RECHECK_MS - 1;
  expect((await bot.roster.findByAadObjectId(guid(1)))?.grade).toBe('主事');
  clock += 1;
  expect((await bot.roster.findByAadObjectId(guid(1)))?.grade).toBe('係長');
  expect((await bot.roster.listEmployees()).map((e) => e.grade).sort()).toEqual(['主事', '係長']);
});

it('keeps that someone is not on the roster, and learns otherwise with the next roster', async () => {
  expect(await bot.roster.findByAadObjectId(guid(3))).toBeUndefined();
  const outcome = await importRoster([ROSTER_HEADER, row(1, '係長'), row(3, '主任')].join('\n'), importCommand.roster);
  expect(outcome.status).toBe('imported');
  expect(await bot.roster.findByAadObjectId(guid(3))).toBeUndefined();
  clock += RECHECK_MS;
  expect((await bot.roster.findByAadObjectId(guid(3)))?.grade).toBe('主任');
  expect(await bot.roster.findByAadObjectId(guid(2))).toBeUndefined();
});

it('sees its own import at once', async () => {
  const outcome = await importRoster([ROSTER_HEADER, row(1, '課長')].join('\n'), bot.roster);
  expect(outcome.status).toBe('imported');
  expect((await bot.roster.findByAadObjectId(guid(1)))?.grade).toBe('課長');
  expect(await bot.roster.count()).toBe(1);
});

it('tells a roster stored in an older layout, which reads as empty until it is imported again', async () => {
  const heads = storage.table(TABLE_NAMES.datasets);
  const oldLayout = new DatasetStore('roster', heads, storage.table(TABLE_NAMES.rosterEntries));
  await oldLayout.replace('roster', 'v-before-the-upgrade', [{ rowKey: 'aad:x', data: {}, columns: {} }]);
  clock += RECHECK_MS;
  expect(await bot.roster.isInOldLayout()).toBe(true);
  await importAs('主事');
  clock += RECHECK_MS;
  expect(await bot.roster.isInOldLayout()).toBe(false);
});
