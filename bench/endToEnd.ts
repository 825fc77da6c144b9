import { loadConfig } from '../src/config';
import { importFramework } from '../src/importing/importFramework';
import { silentLogger } from '../src/logger';
import { BENCH_RATING, BENCH_ROLE_LEVEL, firstAssessmentSteps, type AssessmentTimings } from './assessment';
import { chatClient, measureLevelClicks, measureMessages, ROUND_TRIP_TEXTS, type ChatClient } from './chat';
import { expectStatus, frameworkText, ms } from './fixtures';
import { now, summarize, type Stats } from './measure';
import { memoryRow } from './memory';
import { startSink } from './sink';
import { fixed, printTable } from './table';

/** Tables 6 and 7 of section `everyday`: chat turns and self-assessment steps through the bot's HTTP server, in this process. */
export async function benchEndToEnd(connectionString: string, memory: string[][]): Promise<void> {
  // Loaded only now: restify patches node's http classes globally when it loads, and tables 1-5 measure without it.
  const { startBot } = await import('../src/runtime');
  const sink = await startSink();
  const frameworkId = 'bench-e2e';
  const config = loadConfig({ PORT: '0', STORAGE_CONNECTION_STRING: connectionString, FRAMEWORK_ID: frameworkId });
  const bot = await startBot(config, silentLogger, { host: '127.0.0.1' });
  try {
    expectStatus(await importFramework(frameworkText(frameworkId), bot.repositories.frameworks), 'imported');
    memory.push(memoryRow('bot started, before any turn'));
    const chat = chatClient(`http://127.0.0.1:${bot.server.port}/api/messages`, sink);

    const sequential = await measureMessages(chat, 'all');
    const byText = ROUND_TRIP_TEXTS.map((text, k) => summarize(text, sequential.samples.filter((_s, i) => i % ROUND_TRIP_TEXTS.length === k)));

    const concurrency = 10;
    const perWorker = 40;
    const latencies: number[] = [];
    const start = now();
    await Promise.all(
      Array.from({ length: concurrency }, async (_w, worker) => {
        for (let i = 0; i < perWorker; i++) latencies.push((await chat.say(worker + 1, ROUND_TRIP_TEXTS[i % ROUND_TRIP_TEXTS.length]!)).elapsedMs);
      }),
    );
    const concurrent = summarize(`all, concurrency ${concurrency}`, latencies, now() - start);

    const invoke = await measureLevelClicks(chat, 'invoke framework.level');

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
    await Promise.all([bot.stop(), sink.stop()]);
  }
}

/** Users of the self-assessment section: on the generated roster, apart from the chat users above. */
const ASSESSMENT_FIRST_USER = 1_000;
const ASSESSMENT_USERS = 100;
const ASSESSMENT_WARMUP = 5;

async function benchAssessmentStep(chat: ChatClient): Promise<void> {
  // A fresh user each time, so that assessment.start creates a new assessment rather than offering to continue one.
  const runs: AssessmentTimings[] = [];
  for (let i = 0; i < ASSESSMENT_WARMUP + ASSESSMENT_USERS; i++) {
    const timings = await firstAssessmentSteps(chat, ASSESSMENT_FIRST_USER + i, BENCH_ROLE_LEVEL, BENCH_RATING);
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

