import { availableParallelism, loadavg } from 'node:os';
import { PROACTIVE_APP_WINDOW } from '../src/broadcast/rateLimiter';
import { createRepositories, type Repositories } from '../src/storage/repositories';
import { createTableStorage } from '../src/storage/tableStorage';
import { seedStaff, type StaffMember } from '../test/support/broadcastFixtures';
import { startFakeConnector } from '../test/support/fakeConnector';
import { broadcastFigures, type BroadcastFigures } from './broadcastFigures';
import { runBroadcast, type BroadcastRun } from './broadcastRun';
import { measureDeliveryStorage, type DeliveryStorageStats } from './deliveryStorage';
import { now, summarize, type Stats } from './measure';
import { printNote } from './report';
import { botEnvironment } from './seed';
import { fixed, int, mb, printTable } from './table';

/** Teams' limit per app: the figure every rate is a fraction of. */
const TEAMS_RPS = 50;
/** The issue's aim for the achieved rate, as a fraction of Teams' limit. */
const AIM = 0.95;
const STAFF = 10_100;
const WITH_APP = 10_000;
/** Every 101st employee never opened the bot: 100 people the report must list as not reachable. */
const hasTheApp = (i: number): boolean => i % 101 !== 100;
const FRAMEWORK_ID = 'bench-broadcast';
const PROGRESS_EVERY_MS = 10_000;

interface Scenario {
  readonly label: string;
  /** 10 % of sends refused at random with 429 or 503. */
  readonly injectFailures: boolean;
  readonly killHalfWay: boolean;
}

const SCENARIOS: readonly Scenario[] = [
  { label: '(a) plain', injectFailures: false, killHalfWay: false },
  { label: '(b) 10 % 429/503', injectFailures: true, killHalfWay: false },
  { label: '(c) SIGKILL half way', injectFailures: false, killHalfWay: true },
];

interface Result {
  readonly scenario: Scenario;
  readonly run: BroadcastRun;
  readonly figures: BroadcastFigures;
  /** The most requests the fake Teams received in any 1,000 ms, refused ones included: what Teams' limit judges. */
  readonly peakPerSecond: number;
  /** The machine's 5-minute load average as the scenario ended: other work on it lengthens the bot's round trips. */
  readonly load: number;
  /** `run.readsWhileSendingMs` as statistics. */
  readonly reads: Stats;
}

/**
 * Section `broadcast`: the recruitment notice to 10,000 people through a fake Teams that enforces Teams' limits, the bot
 * running as `npm run bot` does, in a child process: plainly, with 10 % of sends refused, and killed half way.
 */
export async function benchBroadcast(connectionString: string): Promise<void> {
  const storage = createTableStorage({ connectionString });
  await storage.ensureTables();
  const repositories = createRepositories(storage);
  // One fake Teams for every scenario, since the stored conversation references point at its URL. Its random failures
  // are switched on for (b) only: a draw of 1 is never under the failure rate.
  let injecting = false;
  const connector = await startFakeConnector({
    enforceRateLimits: true,
    randomFailures: { rate: 0.1, statuses: [429, 503], retryAfterSeconds: 1, random: () => (injecting ? Math.random() : 1) },
  });
  try {
    const staff = await seed(repositories, connector.url);
    // One bot process at a time on this machine, as on an App Service instance: the one started after a kill takes the
    // sender's lease over at once.
    const botEnv = { ...botEnvironment(connectionString, FRAMEWORK_ID), INSTANCE_ID: 'bench-machine' };
    const results: Result[] = [];
    let storageStats: DeliveryStorageStats | undefined;
    for (const scenario of SCENARIOS) {
      connector.reset();
      injecting = scenario.injectFailures;
      const run = await runBroadcast({
        label: scenario.label,
        repositories,
        connector,
        botEnv,
        frameworkId: FRAMEWORK_ID,
        expected: WITH_APP,
        killHalfWay: scenario.killHalfWay,
        probeRecipient: staff.reachable[0]!.aadObjectId,
      });
      const { broadcast } = run;
      const figures = await broadcastFigures(connector.calls, staff, repositories.deliveries, broadcast.id, broadcast.progress);
      const reads = summarize(`point read while ${scenario.label} sends, 1/s`, run.readsWhileSendingMs);
      results.push({ scenario, run, figures, peakPerSecond: connector.peakRequests(), load: loadavg()[1]!, reads });
      const { perSecond, fraction } = rateOf(figures.delivered, figures);
      console.log(
        `  ${scenario.label}: completed, ${int(figures.delivered)} copies at ${fixed(perSecond, 1)}/s (${fixed(fraction, 2)} × 50), ` +
          `${figures.duplicates} duplicates, ${figures.misses} misses`,
      );
      // Timed after the first broadcast, in the table as it was then: every later one leaves another partition behind.
      storageStats ??= await measureDeliveryStorage(repositories.deliveries, broadcast.id);
    }
    printBroadcastTable(results);
    printStorageTable(storageStats!, results);
    printNotes(results, storageStats!);
  } finally {
    await connector.stop();
  }
}

/** The roster and everyone's conversation reference, saying every ten seconds how far it is (Azurite takes minutes). */
async function seed(repositories: Repositories, serviceUrl: string): Promise<{ reachable: StaffMember[]; unreachable: StaffMember[] }> {
  const started = now();
  const elapsed = (): string => fixed((now() - started) / 1000, 0);
  let doing = 'reading the roster';
  console.log(`\nbroadcast: seeding ${int(STAFF)} employees and ${int(WITH_APP)} conversation references`);
  const heartbeat = setInterval(() => console.log(`  seeding: ${elapsed()} s, ${doing}`), PROGRESS_EVERY_MS);
  try {
    const staff = await seedStaff(repositories, {
      count: STAFF,
      serviceUrl,
      reachable: hasTheApp,
      onRosterProgress: (done, total) => {
        doing = `${int(done)} of ${int(total)} roster rows written${done < total ? '' : `, then ${int(WITH_APP)} conversation references`}`;
      },
    });
    if (staff.reachable.length !== WITH_APP) throw new Error(`seeded ${staff.reachable.length} people with the app, not ${WITH_APP}`);
    console.log(`broadcast: seeded in ${elapsed()} s; each scenario takes 4 minutes or more (10,000 sends at 50/s at best)`);
    return staff;
  } finally {
    clearInterval(heartbeat);
  }
}

/** Deliveries (or requests) per second over the time the bot talked to Teams, and that as a fraction of 50. */
function rateOf(count: number, f: BroadcastFigures): { perSecond: number; fraction: number } {
  const perSecond = count / (f.spanMs / 1000);
  return { perSecond, fraction: perSecond / TEAMS_RPS };
}

function printBroadcastTable(results: readonly Result[]): void {
  const row = (figure: string, cell: (r: Result) => string): string[] => [figure, ...results.map(cell)];
  const seconds = (ms: number | undefined): string => (ms === undefined ? '-' : fixed(ms / 1000, 1));
  const rate = (count: number, f: BroadcastFigures): string => {
    const { perSecond, fraction } = rateOf(count, f);
    return `${fixed(perSecond, 1)} (${fixed(fraction, 2)})`;
  };
  const sinceKill = (r: Result, at: number | undefined): string =>
    r.run.restart && at !== undefined ? seconds(at - r.run.restart.killedAt) : '-';
  printTable(
    `Broadcast to ${int(STAFF)} employees (${int(WITH_APP)} with the app) through a fake Teams enforcing 50 requests/s ` +
      'and 7 sends/s per chat; the bot runs as a child process',
    ['figure', ...results.map((r) => r.scenario.label)],
    [
      row('copies accepted by Teams', (r) => int(r.figures.delivered)),
      row('requests to Teams (sends, refusals, card updates)', (r) => int(r.figures.requests)),
      row('  injected 429/503 answers', (r) => int(r.figures.injectedFailures)),
      row('  429 for going over Teams’ limits', (r) => int(r.figures.rateLimited)),
      row('time talking to Teams, s (first → last request)', (r) => seconds(r.figures.spanMs)),
      row('delivered/s (fraction of 50)', (r) => rate(r.figures.delivered, r.figures)),
      row('requests/s (fraction of 50)', (r) => rate(r.figures.requests, r.figures)),
      row('peak requests in any 1,000 ms window (as Teams counts)', (r) => int(r.peakPerSecond)),
      row('people with 2+ copies (duplicates)', (r) => int(r.figures.duplicates)),
      row('  of them not flagged by the report', (r) => int(r.figures.unflaggedDuplicates)),
      row('people with the app and no copy (misses)', (r) => int(r.figures.misses)),
      row('people without the app who got a copy', (r) => int(r.figures.unexpected)),
      row('report: sent / failed / not reachable', ({ figures: { report: p } }) => `${int(p.sent)} / ${int(p.failed)} / ${int(p.unreachable)}`),
      row('report: possible duplicates', (r) => int(r.figures.report.possibleDuplicates)),
      row('total time, s (confirmed → completed)', (r) => seconds(r.run.completedAt - r.run.confirmedAt)),
      row('copies accepted before the kill', (r) => (r.run.restart ? int(r.run.restart.sentBeforeKill) : '-')),
      row('kill → new bot listening, s', (r) => sinceKill(r, r.run.restart?.listeningAt)),
      row('kill → Teams accepts copies again, s', (r) => sinceKill(r, r.run.restart?.resumedAt)),
      row('new bot listening → Teams accepts copies again, s', (r) =>
        r.run.restart?.resumedAt === undefined ? '-' : seconds(r.run.restart.resumedAt - r.run.restart.listeningAt),
      ),
      row('bot peak RSS, MB (the highest of its processes)', (r) => mb(r.run.botPeakRss)),
      row(`machine load, 5-min average at the end (${availableParallelism()} cores)`, (r) => fixed(r.load, 1)),
    ],
  );
}

function printStorageTable(s: DeliveryStorageStats, results: readonly Result[]): void {
  printTable(
    `Azurite under the broadcast: a delivery costs the sender 2 conditional writes and a hundredth of a range read ` +
      `(alone: timed after (a), one call at a time)`,
    ['operation', 'n', 'p50 ms', 'p95 ms', 'per s'],
    [s.writeSmall, s.writeLarge, s.readRange, ...results.map((r) => r.reads)].map((t) => [
      t.name,
      String(t.iterations),
      fixed(t.p50, 2),
      fixed(t.p95, 2),
      int(1000 / t.p50),
    ]),
  );
}

function printNotes(results: readonly Result[], s: DeliveryStorageStats): void {
  const budget = PROACTIVE_APP_WINDOW.max / (PROACTIVE_APP_WINDOW.ms / 1000);
  printNote(
    `the sender takes ${budget} of Teams' ${TEAMS_RPS} requests/s, keeping the rest for interactive replies; HR’s progress ` +
      'card updates count towards it. A request holds its slot until its answer is back and a second after that, so no ' +
      'second at Teams can hold more, however late a request reaches it; the rate is the budget per second and a round trip ' +
      'as the bot sees it, which a busy machine lengthens.',
  );
  printNote(
    'after the kill, the new bot process takes the sender’s lease over as soon as it looks: the lease names the instance ' +
      'it was taken on (INSTANCE_ID, one bot process at a time there), so the dead process’s need not run out (15 s).',
  );
  printNote(
    `Azurite scans a broadcast's whole partition (${int(s.partitionRows)} rows here) on every write and every query ` +
      'scans the whole table; Azure Table storage answers in milliseconds whatever their size.',
  );
  // Measured on requests, which is what Teams counts: with injected refusals, some of them are the refusals' retries.
  // (c) is left out: its time includes the restart.
  const belowAim = results
    .filter((r) => !r.scenario.killHalfWay)
    .map((r) => ({ label: r.scenario.label, fraction: rateOf(r.figures.requests, r.figures).fraction }))
    .filter((r) => r.fraction < AIM)
    .map((r) => `${r.label} at ${fixed(r.fraction, 2)}`);
  if (belowAim.length > 0) {
    const reads = results.map((r) => fixed(r.reads.p50, 1)).join(' / ');
    printNote(
      `requests/s below the aim of ${AIM} × 50: ${belowAim.join(', ')}, at the machine load shown. Each delivery costs two conditional ` +
        `writes: Azurite took ${fixed(s.writeLarge.p50, 1)} ms per delivery write alone (${fixed(s.writeSmall.p50, 1)} ms ` +
        `in a partition of 100) and ${reads} ms per point read ` +
        'while the bot sent (p50), before the bot’s own share of each call.',
    );
  }
  if (results.some((r) => r.figures.injectedFailures > 0)) {
    printNote('where Teams refuses 10 % of requests at random, delivered/s is lower than requests/s by those refusals, each retried.');
  }
  for (const { scenario, figures: f, peakPerSecond } of results) {
    const problems = [
      f.duplicates > 0 && !scenario.killHalfWay ? `${f.duplicates} people got two copies` : '',
      f.unflaggedDuplicates > 0 ? `${f.unflaggedDuplicates} duplicates the report does not count` : '',
      f.misses > 0 ? `${f.misses} people with the app got nothing` : '',
      f.unexpected > 0 ? `${f.unexpected} people without the app got a copy` : '',
      f.rateLimited > 0 ? `Teams refused ${f.rateLimited} requests for going over its limits (${f.rateLimitedBy.join(', ')})` : '',
      peakPerSecond > TEAMS_RPS ? `one second held ${peakPerSecond} requests, over Teams' ${TEAMS_RPS}` : '',
    ].filter(Boolean);
    if (problems.length > 0) printNote(`!! ${scenario.label}: ${problems.join('; ')}`);
  }
}
