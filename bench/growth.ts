import { forEachLimited } from '../src/concurrency';
import { Framework } from '../src/domain/framework/framework';
import { ExportPreparer } from '../src/exporting/exportPreparer';
import type { PreparedExport } from '../src/exporting/preparedExport';
import type { CsvSource } from '../src/exporting/csvSource';
import { fiscalYearOf } from '../src/domain/applications/fiscalYear';
import { assessmentSummariesCsv } from '../src/features/exports/assessmentSummariesCsv';
import { trainingRecordsCsv } from '../src/features/exports/trainingRecordsCsv';
import { importFramework } from '../src/importing/importFramework';
import { importRoster } from '../src/importing/importRoster';
import { startAzurite } from '../src/local/azurite';
import { silentLogger } from '../src/logger';
import { createRepositories, type Repositories } from '../src/storage/repositories';
import { createTableStorage } from '../src/storage/tableStorage';
import { startStorageProxy, type StorageProxy } from '../test/faults/storageProxy';
import { recordSelfAssessed } from '../test/support/selfAssessed';
import { actionOn } from './assessment';
import { startBotProcess } from './botProcess';
import { chatClient } from './chat';
import { expectStatus, frameworkText } from './fixtures';
import { printNote } from './report';
import { aadObjectIdOf, employeeNoOf, generateRosterCsv, MANAGER_OF_A_TEAM, HR_OFFICER } from './roster';
import { botEnvironment } from './seed';
import { startSink } from './sink';
import { azureMs, AZURE, costOf, type StorageCost } from './storageCost';
import { fixed, int, mb, printTable } from './table';

/** 1,000, 10,000 and 100,000 as the issue asks; BENCH_GROWTH_SIZES (e.g. "1000,10000") picks others for a quick check. */
const SIZES: readonly number[] = process.env.BENCH_GROWTH_SIZES?.split(',').map(Number) ?? [1_000, 10_000, 100_000];
/**
 * Three in ten have finished a self-assessment: about the share of its ~7,000 staff that Kitakyushu's plan already
 * counts as trained (2,228), so a plausible take-up in the bot's first years. HR's cards and the export read these.
 */
const ASSESSED_SHARE = 0.3;
const FRAMEWORK_ID = 'bench-growth';
/** Each of them also attended a training this fiscal year and one the year before: the KPI counts this year's. */
const TRAINED_PROGRAMS = { thisYear: 'dx-academy', lastYear: 'dx-talent-project' } as const;
/** Summaries written at once while seeding: the seed is not measured, only kept short. */
const SEED_WRITES_AT_ONCE = 32;

/** One measured action at every roster size, in SIZES order (undefined where it was not measured at that size). */
type Row = { readonly action: string; readonly costs: readonly (StorageCost | undefined)[] };

/**
 * Replacing a roster deletes the old version's rows, and Azurite (LokiJS) removes a row in time proportional to the
 * table: 300,000 of them would take it about twenty minutes. Measured up to this size; its counts grow linearly.
 */
const LARGEST_REIMPORT = 10_000;
const KPI_FIRST = 'HR: KPI card';
const KPI_AGAIN = 'HR: KPI card again';

/**
 * Section `growth`: the same actions on rosters of 1,000, 10,000 and 100,000 generated employees, each in a storage
 * of its own with 30 % of them self-assessed, and what each costs as the roster grows: time on Azurite, storage calls
 * and rows read (counted at the wire by a proxy in front of Azurite), the Azure time derived from those counts, and
 * the bot's peak memory.
 */
export async function benchGrowth(): Promise<void> {
  const measured: Map<string, StorageCost>[] = [];
  const peaks: string[] = [];
  for (const size of SIZES) {
    console.log(`growth: ${int(size)} employees`);
    const { costs, peakRss } = await measureSize(size);
    measured.push(costs);
    peaks.push(mb(peakRss));
  }
  const actions = new Set(measured.flatMap((costs) => [...costs.keys()]));
  const table = [...actions].map((action): Row => ({ action, costs: measured.map((costs) => costs.get(action)) }));
  const headers = ['action', ...SIZES.map((size) => int(size)), `× from ${int(SIZES[0]!)} to ${int(SIZES[SIZES.length - 1]!)}`];
  const print = (title: string, value: (cost: StorageCost) => number, format: (value: number) => string): void =>
    printTable(
      title,
      headers,
      table.map(({ action, costs }) => [
        action,
        ...costs.map((cost) => (cost ? format(value(cost)) : '-')),
        growthOf(costs.map((cost) => (cost ? value(cost) : undefined))),
      ]),
    );
  print('Storage calls the action made', (c) => c.calls, int);
  print('Rows read (entities in the answers)', (c) => c.rowsRead, int);
  print('Time on Azurite, ms (Azurite scans whole tables: not what Azure takes)', (c) => c.ms, (v) => fixed(v, 0));
  print(`Derived Azure time, ms (${AZURE.callMs} ms a call + rows at ${int(AZURE.entitiesPerSecondPerPartition)} entities/s)`, azureMs, (v) => fixed(v, 0));
  printTable('The bot’s peak RSS, MB (one bot per roster size, through every action above)', ['', ...SIZES.map((size) => int(size))], [['peak RSS', ...peaks]]);
  printNote(
    `each size has a storage of its own; ${ASSESSED_SHARE * 100} % of the employees have a self-assessment summary, ` +
      'and two training records (a session this fiscal year, which the KPI counts, and one the year before). ' +
      'The employee is a 主事 at the bottom of the tree, the manager has 8 direct reports, HR is an HR officer. ' +
      'Each action runs on a bot started fresh for the size (nothing cached) in the order listed; "again" repeats it at once. ' +
      'The import and the export run in the bench process (as the CLI and the background preparer do), everything else ' +
      'through the bot over HTTP. Calls and rows are counted by a proxy between the bot and Azurite; they include what ' +
      "the bot's background work (the broadcast sender's tick each second, the framework check) did meanwhile: a call or two either way, at any size.",
  );
  printNote(
    `Azure time is derived from the counts, not from Azurite's time: Azurite (LokiJS) filters every query over the whole ` +
      `table and removes rows in time proportional to the table, so its times grow faster than Azure's. ` +
      `On Azure: ${AZURE.callMs} ms a round trip (Table storage documents no latency; Cosmos DB's Table API promises ` +
      `< 10 ms reads at p99), one call after another, plus every entity read or written (a batch counted as ` +
      `${AZURE.entitiesPerBatch}; an answer of more KiB than entities as its KiB, so packing rows gains nothing here) ` +
      `at the documented target of ${int(AZURE.entitiesPerSecondPerPartition)} entities/s ` +
      'per partition (learn.microsoft.com, "Scalability and performance targets for Table storage"; a query page holds ' +
      'at most 1,000 entities). Pessimistic: parallel calls are counted in sequence and entities under 1 KiB count as 1 KiB.',
  );
  printNote(
    "the import's time on Azurite grows faster than its calls: LokiJS keeps its indexes as sorted arrays, so every " +
      'row inserted moves entries in proportion to the table (and every row deleted, on a re-import, is searched for). ' +
      'On Azure the roster is one partition written at its 2,000 entities/s target: about 3 minutes for 100,000 ' +
      'employees (3 rows each, 3,012 transactions), once a year or so; a version spread over several partitions would ' +
      'divide that.',
  );
  const kpiAtTenThousand = measured[SIZES.indexOf(10_000)];
  if (kpiAtTenThousand) {
    const derived = (action: string): string => `${fixed(azureMs(kpiAtTenThousand.get(action)!) / 1000, 2)} s`;
    printNote(
      `HR's KPI card at 10,000 employees on Azure's figures: ${derived(KPI_FIRST)} on a freshly started bot (which also ` +
        `reads the framework), ${derived(KPI_AGAIN)} after that. Its floor is the one summary row per assessed employee; the trainings cost one row of the year's participants (kept as records are imported) and the records of the year's candidates.`,
    );
  }
  printNote(
    'what changed, measured at 10,000 employees before the change: an employee\'s first message read the whole roster ' +
      '(24 calls, 10,150 rows: the menu asked whether they manage anyone by listing everyone), and so did the team view ' +
      '(30 calls, 10,153 rows); the KPI read every employee\'s row and every summary whole (26 calls, 13,150 rows); the ' +
      'export looked up each summary\'s employee on its own (6,015 calls). Now each report is also stored under their ' +
      "manager's e-mail, so the team view reads its manager's reports and the menu at most two rows; everyone is packed " +
      'about a hundred to a row for the views that list the whole roster (the export joins the summaries to it in memory), ' +
      'and where everyone sits several hundred to a row for the KPI, which reads only the levels of each summary. ' +
      'What HR\'s whole-roster cards still read grows with the people who assessed themselves: one summary row each.',
  );
}

/** Every action at one roster size, on a storage of its own. */
async function measureSize(size: number): Promise<{ costs: Map<string, StorageCost>; peakRss: number }> {
  const azurite = await startAzurite();
  const proxy = await startStorageProxy(azurite);
  const costs = new Map<string, StorageCost>();
  let peakRss = 0;
  try {
    const direct = await storageOn(azurite.connectionString);
    expectStatus(await importFramework(frameworkText(FRAMEWORK_ID), direct.frameworks), 'imported');
    const counted = await storageOn(proxy.connectionString);
    const csv = generateRosterCsv(size);
    costs.set('roster import (into an empty storage)', await costOf(proxy, async () => expectStatus(await importRoster(csv, counted.roster), 'imported')));
    if (size <= LARGEST_REIMPORT) {
      // The same staff with one name changed: a new version that replaces every row of the previous one.
      const changed = csv.replace('北九 太郎', '北九 太朗');
      costs.set('roster re-import (replaces the previous one)', await costOf(proxy, async () => expectStatus(await importRoster(changed, counted.roster), 'imported')));
    }
    await seedSummaries(direct, size);
    await seedTrainingRecords(direct, size);
    const runBot = async (measure: (bot: BotTurns) => Promise<void>): Promise<void> => {
      const bot = await startBot(proxy);
      try {
        await measure(bot);
      } finally {
        peakRss = Math.max(peakRss, bot.peakRss());
        await bot.stop();
      }
    };
    const employee = size - 1;
    await runBot(async (bot) => {
      costs.set('employee: first message (メニュー)', await costOf(proxy, () => bot.say(employee, 'メニュー')));
      costs.set('employee: menu again', await costOf(proxy, () => bot.say(employee, 'メニュー')));
      costs.set('employee: a level (framework.level)', await costOf(proxy, () => bot.click(employee, 'framework.level', { level: 3 })));
      const firstRole = actionOn(await bot.click(employee, 'assessment.start', {}), 'assessment.role');
      costs.set('employee: an assessment answer', await costOf(proxy, () => bot.click(employee, firstRole.verb, firstRole.data)));
    });
    await runBot(async (bot) => {
      costs.set('manager: team view (8 reports)', await costOf(proxy, () => bot.click(MANAGER_OF_A_TEAM, 'team.show', { managerEmail: '' })));
      costs.set('manager: team view again', await costOf(proxy, () => bot.click(MANAGER_OF_A_TEAM, 'team.show', { managerEmail: '' })));
    });
    await runBot(async (bot) => {
      costs.set(KPI_FIRST, await costOf(proxy, () => bot.click(HR_OFFICER, 'hr.kpi', {})));
      costs.set(KPI_AGAIN, await costOf(proxy, () => bot.click(HR_OFFICER, 'hr.kpi', {})));
    });
    costs.set(
      'HR: assessment export (whole file prepared)',
      await costOf(proxy, () => prepareExport(counted, (framework) => assessmentSummariesCsv({ summaries: counted.assessmentSummaries, roster: counted.roster }, framework, new Date()))),
    );
    costs.set(
      'HR: training records export (whole file prepared)',
      await costOf(proxy, () => prepareExport(counted, (framework) => trainingRecordsCsv({ records: counted.trainingRecords, roster: counted.roster }, framework, new Date()))),
    );
  } finally {
    await proxy.stop();
    await azurite.stop();
  }
  return { costs, peakRss };
}

async function storageOn(connectionString: string): Promise<Repositories> {
  const storage = createTableStorage({ connectionString });
  await storage.ensureTables();
  return createRepositories(storage);
}

/** The employees whose number ends in 0, 1 or 2: ASSESSED_SHARE of them, all over the tree. */
function assessedOf(size: number): number[] {
  return Array.from({ length: size }, (_, i) => i).filter((i) => i % 10 < ASSESSED_SHARE * 10);
}

/** The assessed employees get a summary. */
async function seedSummaries(repositories: Repositories, size: number): Promise<void> {
  await forEachLimited(assessedOf(size), SEED_WRITES_AT_ONCE, (i) =>
    recordSelfAssessed(repositories.assessmentSummaries, FRAMEWORK_ID, aadObjectIdOf(i), { overallRoleLevel: (i % 5) + 1, skillLevel: i % 4 }),
  );
}

/** The assessed employees attended a session this fiscal year and completed one last year (employee numbers as the roster's). */
async function seedTrainingRecords(repositories: Repositories, size: number): Promise<void> {
  const fy = fiscalYearOf(new Date());
  const records = assessedOf(size).flatMap((i) => {
    const employeeNo = employeeNoOf(i);
    return [
      { employeeNo, programId: TRAINED_PROGRAMS.thisYear, date: `${fy}-06-01`, status: 'attended' as const },
      { employeeNo, programId: TRAINED_PROGRAMS.lastYear, date: `${fy - 1}-10-01`, status: 'completed' as const },
    ];
  });
  await repositories.trainingRecords.store(FRAMEWORK_ID, records);
}

/** The bot's turns as the bench makes them, and the bot process behind them. */
type BotTurns = ReturnType<typeof chatClient> & { peakRss(): number; stop(): Promise<void> };

async function startBot(proxy: StorageProxy): Promise<BotTurns> {
  const sink = await startSink();
  const bot = await startBotProcess('dx-navi', botEnvironment(proxy.connectionString, FRAMEWORK_ID));
  return {
    ...chatClient(bot.url, sink),
    peakRss: bot.peakRss,
    stop: async () => {
      await Promise.all([bot.stop(), sink.stop()]);
    },
  };
}

/** One of HR's exports, prepared as the bot prepares it in the background, until the whole file is stored. */
async function prepareExport(repositories: Repositories, sourceOf: (framework: Framework) => CsvSource): Promise<void> {
  const stored = await repositories.frameworks.loadActive(FRAMEWORK_ID);
  if (!stored) throw new Error('the framework is not there');
  const framework = new Framework(stored.document, stored.version);
  const preparer = new ExportPreparer({ exports: repositories.exportChunks, logger: silentLogger, now: () => new Date() });
  const source = sourceOf(framework);
  const job = await preparer.create({ frameworkId: FRAMEWORK_ID, requestedBy: aadObjectIdOf(HR_OFFICER) }, source);
  const done = new Promise<PreparedExport>((resolve) => {
    preparer.prepare(job, source, (latest) => {
      if (latest.state !== 'preparing') resolve(latest);
      return Promise.resolve();
    });
  });
  const end = await done;
  if (end.state !== 'ready') throw new Error(`the export ended ${end.state}`);
}

/** How many times the value at the largest size is the one at the smallest ('-' where either was not measured). */
function growthOf(values: readonly (number | undefined)[]): string {
  const first = values[0];
  const last = values[values.length - 1];
  if (first === undefined || last === undefined) return '-';
  return first === 0 ? (last === 0 ? '1' : '-') : fixed(last / first, 1);
}
