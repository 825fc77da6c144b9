import { Framework } from '../src/domain/framework/framework';
import { buildSearchIndex, search, type SearchIndex } from '../src/domain/framework/search';
import { answer, type FrameworkRequest } from '../src/features/framework/answer';
import { translator } from '../src/i18n';
import { importFramework } from '../src/importing/importFramework';
import { importRoster } from '../src/importing/importRoster';
import { createRepositories, type Repositories } from '../src/storage/repositories';
import { createTableStorage } from '../src/storage/tableStorage';
import { benchEndToEnd } from './endToEnd';
import { benchEverydayQuestions } from './everydayQuestions';
import { expectStatus, frameworkText, ms } from './fixtures';
import { measure, summarize, type Stats } from './measure';
import { collectGarbage, memoryRow, printMemory } from './memory';
import { printNote } from './report';
import { aadObjectIdOf, generateRosterCsv } from './roster';
import { fixed, int, printTable } from './table';

const CITY_STAFF = 7_000;
const us = (s: Stats): string[] => [fixed(s.p50 * 1000, 1), fixed(s.p95 * 1000, 1)];

async function benchFrameworkImport(repositories: Repositories): Promise<string> {
  let importCount = 0;
  let rows = 0;
  const onProgress = (_done: number, total: number): void => {
    rows = total;
  };
  const imported = await measure('import (validate + write)', 15, async () => {
    expectStatus(await importFramework(frameworkText(`bench-${++importCount}`), repositories.frameworks, { onProgress }), 'imported');
  });
  const dryRun = await measure('dry run (validate only)', 30, async () => {
    expectStatus(await importFramework(frameworkText('bench-dry'), repositories.frameworks, { dryRun: true }), 'valid');
  });
  const lastId = `bench-${importCount}`;
  const load = await measure('load from storage', 30, () => repositories.frameworks.loadActive(lastId));
  printTable(
    `1. Framework import into Table storage (kitakyushu.json, ${rows} rows, fresh id each time)`,
    ['operation', 'n', 'p50 ms', 'p95 ms', 'rows/s (p50)'],
    [imported, dryRun, load].map((s) => [s.name, String(s.iterations), ...ms(s), s === dryRun ? '-' : int(rows / (s.p50 / 1000))]),
  );
  return lastId;
}

async function benchRoster(repositories: Repositories): Promise<void> {
  const csv = generateRosterCsv(CITY_STAFF);
  const dryRun = await measure('validate only (dry run)', 5, async () => {
    expectStatus(await importRoster(csv, repositories.roster, { dryRun: true }), 'valid');
  });
  // Also the warm-up: a small roster runs the same code and leaves a previous version for the big import to purge.
  const small = 200;
  const smallCsv = generateRosterCsv(small);
  const warmUp = await measure(
    `import, ${small} employees`,
    1,
    async () => expectStatus(await importRoster(smallCsv, repositories.roster), 'imported'),
    0,
  );
  let rows = 0;
  const full = await measure(
    `import, ${int(CITY_STAFF)} employees`,
    1,
    async () => {
      expectStatus(await importRoster(csv, repositories.roster, { onProgress: (_d, total) => (rows = total) }), 'imported');
    },
    0,
  );
  const rowsPerEmployee = rows / CITY_STAFF;
  printTable(
    `2. Roster import (${int(CITY_STAFF)} generated employees, ${int(csv.length / 1024)} KB CSV)`,
    ['operation', 'n', 'total s', 'employees/s', 'rows/s'],
    [
      [dryRun.name, String(dryRun.iterations), fixed(dryRun.p50 / 1000, 2), int(CITY_STAFF / (dryRun.p50 / 1000)), '-'],
      ...([[warmUp, small], [full, CITY_STAFF]] as const).map(([s, employees]) => [
        s.name,
        String(s.iterations),
        fixed(s.p50 / 1000, 2),
        int(employees / (s.p50 / 1000)),
        int((employees * rowsPerEmployee) / (s.p50 / 1000)),
      ]),
    ],
  );
  printNote(
    'Azurite (LokiJS) scans the whole partition for every row it upserts or reads, so on Azurite the import ' +
      'time grows with the square of the roster and point reads with its size; Azure Table storage does not.',
  );

  const pick = (i: number): number => (i * 7919) % CITY_STAFF;
  const hit = await measure('findByAadObjectId (on roster)', 300, async (i) => {
    if (!(await repositories.roster.findByAadObjectId(aadObjectIdOf(pick(i))))) throw new Error('employee not found');
  });
  const head = await measure('head row only (count())', 200, () => repositories.roster.count());
  const miss = await measure('findByAadObjectId (not on roster)', 100, async (i) => {
    if (await repositories.roster.findByAadObjectId(aadObjectIdOf(CITY_STAFF + i))) throw new Error('unexpected employee');
  });
  printTable(
    '3. Roster point look-ups (head row + employee row: two point reads each)',
    ['operation', 'n', 'p50 ms', 'p95 ms', 'look-ups/s'],
    [hit, miss, head].map((s) => [s.name, String(s.iterations), ...ms(s), int(s.iterations / (s.totalMs / 1000))]),
  );
}

async function benchSearch(index: SearchIndex, framework: Framework): Promise<void> {
  const build = await measure('buildSearchIndex', 200, () => buildSearchIndex(framework));
  const queries = ['プロジェクト', 'AI', 'セキュリティ', 'データ 活用', '量子コンピュータ'];
  const rows: string[][] = [[build.name, '-', ...us(build), '-']];
  const all: number[] = [];
  for (const query of queries) {
    const hits = search(index, query, 50).length;
    const s = await measure(query, 1000, () => search(index, query, 50));
    all.push(...s.samples);
    rows.push([query, String(hits), ...us(s), int(1000 / s.mean)]);
  }
  const overall = summarize('all queries', all);
  rows.push([overall.name, '-', ...us(overall), int(1000 / overall.mean)]);
  printTable(`4. Keyword search (${index.entries.length} entries, limit 50)`, ['query', 'hits', 'p50 µs', 'p95 µs', 'queries/s'], rows);
}

async function benchCards(index: SearchIndex, framework: Framework): Promise<void> {
  const active = { framework, searchIndex: index };
  const t = translator('ja');
  const skillId = framework.document.requiredSkills[0]!.id;
  const requests: [string, FrameworkRequest][] = [
    ['menu', { kind: 'menu' }],
    ['ladder', { kind: 'ladder' }],
    ['level 3', { kind: 'level', level: 3 }],
    [`skill ${skillId}`, { kind: 'skill', skillId }],
    ['training (Lv.3)', { kind: 'training', level: 3 }],
    ['recommended', { kind: 'recommended' }],
    ['search "AI"', { kind: 'search', query: 'AI' }],
    ['search, no hit', { kind: 'search', query: 'プロジェクト管理術' }],
  ];
  const rows: string[][] = [];
  for (const [name, request] of requests) {
    const kb = JSON.stringify(answer(active, request, t)).length / 1024;
    const s = await measure(name, 300, () => answer(active, request, t));
    rows.push([name, ...us(s), int(1000 / s.mean), fixed(kb, 1)]);
  }
  printTable('5. Card building (answer(), Japanese)', ['card', 'p50 µs', 'p95 µs', 'cards/s', 'JSON KB'], rows);
}

/**
 * Section `everyday` (tables 1 to 7, the bench process's memory, and the everyday questions): imports, look-ups, search,
 * cards, chat turns and how many plain questions are answered.
 */
export async function benchEverydayUse(connectionString: string): Promise<void> {
  const memory: string[][] = [memoryRow('at start (modules loaded)')];
  const storage = createTableStorage({ connectionString });
  await storage.ensureTables();
  const repositories = createRepositories(storage);

  const frameworkId = await benchFrameworkImport(repositories);
  await benchRoster(repositories);

  const stored = await repositories.frameworks.loadActive(frameworkId);
  if (!stored) throw new Error(`framework ${frameworkId} is not stored`);
  const framework = new Framework(stored.document, stored.version);
  const index = buildSearchIndex(framework);
  memory.push(memoryRow('after loading the framework'));
  await benchSearch(index, framework);
  collectGarbage();
  await benchCards(index, framework);
  collectGarbage();

  await benchEndToEnd(connectionString, memory);
  memory.push(memoryRow('after the end-to-end run (bot stopped)'));
  printMemory('8. Memory of the bench process (Azurite runs in a child process, not counted)', memory);
  benchEverydayQuestions(index, framework);
}

