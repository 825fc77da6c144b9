/**
 * `npm run bench`: prints how fast DX Navi imports, looks up, searches, builds cards, answers chat turns and broadcasts.
 * `npm run bench -- broadcast` runs the broadcast sections alone (they take most of the time).
 * Asserts nothing about time. Starts its own in-memory Azurite (child processes) and stops everything it started.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadConfig } from '../src/config';
import { Framework } from '../src/domain/framework/framework';
import { buildSearchIndex, search, type SearchIndex } from '../src/domain/framework/search';
import { answer, type FrameworkRequest } from '../src/features/framework/answer';
import { translator } from '../src/i18n';
import { importFramework } from '../src/importing/importFramework';
import type { ImportOutcome } from '../src/importing/importOutcome';
import { importRoster } from '../src/importing/importRoster';
import { startAzurite } from '../src/local/azurite';
import { silentLogger } from '../src/logger';
import { projectRoot } from '../src/projectRoot';
import { createRepositories, type Repositories } from '../src/storage/repositories';
import { createTableStorage } from '../src/storage/tableStorage';
import { firstAssessmentSteps, type AssessmentTimings } from './assessment';
import { benchBroadcast } from './broadcast';
import { chatClient, type ChatClient } from './chat';
import { measure, now, summarize, type Stats } from './measure';
import { aadObjectIdOf, generateRosterCsv } from './roster';
import { startSink } from './sink';
import { fixed, int, printTable } from './table';

const CITY_STAFF = 7_000;
const FRAMEWORK_DOC = JSON.parse(
  readFileSync(path.join(projectRoot(), 'data', 'frameworks', 'kitakyushu.json'), 'utf8'),
) as { id: string };

/** The Kitakyushu framework under another id, so every import writes a fresh data set. */
function frameworkText(id: string): string {
  return JSON.stringify({ ...FRAMEWORK_DOC, id });
}

v8.setFlagsFromString('--expose-gc');
/** A full garbage collection, so that memory figures show live data and one section's garbage is not collected in the next. */
const collectGarbage = vm.runInNewContext('gc') as () => void;

function expectStatus(outcome: ImportOutcome, status: ImportOutcome['status']): void {
  if (outcome.status !== status) throw new Error(`expected ${status}, got ${JSON.stringify(outcome).slice(0, 500)}`);
}

const ms = (s: Stats): string[] => [fixed(s.p50, 2), fixed(s.p95, 2)];
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
  console.log('note: Azurite (LokiJS) scans the whole partition for every row it upserts or reads, so on Azurite the import');
  console.log('      time grows with the square of the roster and point reads with its size; Azure Table storage does not.');

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

async function benchEndToEnd(connectionString: string, memory: string[][]): Promise<void> {
  // Loaded only now: restify patches node's http classes globally when it loads, and sections 1-5 measure without it.
  const { startBot } = await import('../src/runtime');
  const sink = await startSink();
  const frameworkId = 'bench-e2e';
  const config = loadConfig({ PORT: '0', STORAGE_CONNECTION_STRING: connectionString, FRAMEWORK_ID: frameworkId });
  const bot = await startBot(config, silentLogger, { host: '127.0.0.1' });
  try {
    expectStatus(await importFramework(frameworkText(frameworkId), bot.repositories.frameworks), 'imported');
    memory.push(memoryRow('bot started, before any turn'));
    const chat = chatClient(`http://127.0.0.1:${bot.server.port}/api/messages`, sink);
    const texts = ['メニュー', 'AI', 'レベル3'];

    const sequential = await measure('all', 300, (i) => chat.say(0, texts[i % texts.length]!), 30);
    const byText = texts.map((text, k) => summarize(text, sequential.samples.filter((_s, i) => i % texts.length === k)));

    const concurrency = 10;
    const perWorker = 40;
    const latencies: number[] = [];
    const start = now();
    await Promise.all(
      Array.from({ length: concurrency }, async (_w, worker) => {
        for (let i = 0; i < perWorker; i++) latencies.push((await chat.say(worker + 1, texts[i % texts.length]!)).elapsedMs);
      }),
    );
    const concurrent = summarize(`all, concurrency ${concurrency}`, latencies, now() - start);

    const invoke = await measure('invoke framework.level', 200, (i) => chat.click(0, 'framework.level', { level: (i % 5) + 1 }));

    const rate = (s: Stats): string => fixed(s.iterations / (s.totalMs / 1000), 1);
    printTable(
      `6. End-to-end turns over HTTP (POST /api/messages → reply at the sink; ${sink.received()} replies received)`,
      ['messages', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'msg/s'],
      [
        ...byText.map((s) => [`sequential: ${s.name}`, String(s.iterations), ...ms(s), fixed(s.p99, 2), '-']),
        ['sequential: all', String(sequential.iterations), ...ms(sequential), fixed(sequential.p99, 2), rate(sequential)],
        [concurrent.name, String(concurrent.iterations), ...ms(concurrent), fixed(concurrent.p99, 2), rate(concurrent)],
        [`${invoke.name} (response)`, String(invoke.iterations), ...ms(invoke), fixed(invoke.p99, 2), rate(invoke)],
      ],
    );
    await benchAssessmentStep(chat);
  } finally {
    await bot.stop();
    await sink.stop();
  }
}

/** Users of the self-assessment section: on the generated roster, apart from the chat users above. */
const ASSESSMENT_FIRST_USER = 1_000;
const ASSESSMENT_USERS = 100;
const ASSESSMENT_WARMUP = 5;
/** Lv.2 in every role category (so the skills steps run Lv.1 to Lv.3), every skill rated 2 (実践できる). */
const ASSESSMENT_ROLE_LEVEL = 2;
const ASSESSMENT_RATING = '2';

async function benchAssessmentStep(chat: ChatClient): Promise<void> {
  // A fresh user each time, so that assessment.start creates a new assessment rather than offering to continue one.
  const runs: AssessmentTimings[] = [];
  for (let i = 0; i < ASSESSMENT_WARMUP + ASSESSMENT_USERS; i++) {
    const timings = await firstAssessmentSteps(chat, ASSESSMENT_FIRST_USER + i, ASSESSMENT_ROLE_LEVEL, ASSESSMENT_RATING);
    if (i >= ASSESSMENT_WARMUP) runs.push(timings);
  }
  const ratings = runs[0]?.ratings ?? 0;
  const rows = [
    summarize('(a) assessment.start (new assessment)', runs.map((r) => r.start)),
    summarize('(b) assessment.role (one category)', runs.map((r) => r.role)),
    summarize(`(c) assessment.skills (Lv.1, ${ratings} ratings)`, runs.map((r) => r.skills)),
  ];
  printTable(
    `7. Self-assessment step (Action.Execute over HTTP → invoke response with the next card; ${ASSESSMENT_USERS} users, one new assessment each)`,
    ['invoke', 'n', 'p50 ms', 'p95 ms', 'max ms'],
    rows.map((s) => [s.name, String(s.iterations), ...ms(s), fixed(s.max, 2)]),
  );
}

function memoryRow(label: string): string[] {
  collectGarbage();
  const m = process.memoryUsage();
  const mb = (bytes: number): string => fixed(bytes / 1024 / 1024, 1);
  return [label, mb(m.rss), mb(m.heapUsed), mb(m.heapTotal), mb(m.external)];
}

/** Sections 1 to 7: imports, look-ups, search, cards and chat turns. */
async function benchEverydayUse(connectionString: string, memory: string[][]): Promise<void> {
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
}

/** The sections a run may be limited to, by its first argument. */
const ONLY = ['broadcast'] as const;

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only !== undefined && !ONLY.some((name) => name === only)) {
    throw new Error(`unknown section "${only}": run \`npm run bench\` for every section, or \`npm run bench -- broadcast\``);
  }
  const cpus = os.cpus();
  const cpu = cpus[0]?.model.trim() ?? 'unknown';
  console.log(`DX Navi bench — Node ${process.version}, ${cpus.length} CPU (${cpu}), ${os.platform()} ${os.arch()}`);
  const startedAt = now();
  const memory: string[][] = [memoryRow('at start (modules loaded)')];
  const azurite = await startAzurite();
  // A throw in a callback skips the finally below; Azurite must not outlive us anyway (bot processes die with us too).
  process.once('uncaughtException', (error) => {
    console.error(error);
    void azurite.stop().finally(() => process.exit(1));
  });
  try {
    if (only === undefined) await benchEverydayUse(azurite.connectionString, memory);
    await benchBroadcast(azurite.connectionString);
    memory.push(memoryRow('after the broadcasts (bots stopped)'));
  } finally {
    await azurite.stop();
  }
  printTable(
    '10. Memory of the bench process (Azurite and the broadcasting bots run in child processes, not counted)',
    ['when (after a full GC)', 'RSS MB', 'heap used MB', 'heap total MB', 'external MB'],
    memory,
  );
  console.log(`\nbench finished in ${fixed((now() - startedAt) / 1000, 1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
