import path from 'node:path';
import { startBotProcess } from './botProcess';
import { chatClient, measureLevelClicks, measureMessages, ROUND_TRIP_TEXTS, type ChatClient } from './chat';
import type { Stats } from './measure';
import { printNote } from './report';
import { openApplicationWindow, seedBotStorage } from './seed';
import { startSink } from './sink';
import { fixed, mb, printTable } from './table';
import { prepareAssessmentAnswers, prepareDecisions, timeClicks, type PreparedClick } from './writes';

const ECHO_ENTRY = path.join(__dirname, 'echoBot.js');
const FRAMEWORK_ID = 'bench-echo';
/** Clicks of each writing kind: the first WARMUP untimed. */
const WRITES = 110;
const WARMUP = 10;
/** Who answers an assessment question, and who applies (their managers decide): distinct people, all with a manager. */
const ASSESSING = Array.from({ length: WRITES }, (_, i) => 200 + i);
const APPLYING = Array.from({ length: WRITES }, (_, i) => 9 + i);

/** The issue's goals, as ratios DX Navi / echo bot. */
const GOALS: Record<keyof RoundTrips, { readonly p50?: number; readonly p95: number }> = {
  message: { p50: 2, p95: 1.5 },
  invoke: { p50: 2, p95: 1.5 },
  answer: { p95: 3 },
  decision: { p95: 3 },
};
const RSS_GOAL = 1.3;

interface RoundTrips {
  /** Messages that only read: the menu, a search, a level. */
  readonly message: Stats;
  /** Clicks that only read: a level. */
  readonly invoke: Stats;
  /** Clicks that write: an assessment answer. */
  readonly answer: Stats;
  /** Clicks that write: a manager's decision, which also tells the applicant. */
  readonly decision: Stats;
}

const LABELS: Record<keyof RoundTrips, string> = {
  message: 'message, reads (menu, search, level)',
  invoke: 'invoke, reads (framework.level)',
  answer: 'invoke, writes (assessment answer)',
  decision: 'invoke, writes (approval decision)',
};

interface PreparedWrites {
  readonly answers: readonly PreparedClick[];
  readonly decisions: readonly PreparedClick[];
}

/** Sequential round trips to one bot process: POST → reply at the sink, POST → invoke response. */
async function roundTrips(chat: ChatClient, writes: PreparedWrites): Promise<RoundTrips> {
  return {
    message: await measureMessages(chat, 'message'),
    invoke: await measureLevelClicks(chat, 'invoke'),
    answer: await timeClicks(chat, 'answer', writes.answers, WARMUP),
    decision: await timeClicks(chat, 'decision', writes.decisions, WARMUP),
  };
}

/**
 * Section `echo`: DX Navi (as `npm run bot` runs it, storage in Azurite) against a bare botbuilder echo bot, both in
 * child processes and measured one after the other in the same run, so the ratio shows what DX Navi itself costs.
 * The writing clicks are made ready on DX Navi's own cards (an assessment started, an application submitted), then
 * the same clicks are timed on both bots.
 */
export async function benchEcho(connectionString: string): Promise<void> {
  const env = await seedBotStorage(connectionString, FRAMEWORK_ID, 400);
  await openApplicationWindow(connectionString, FRAMEWORK_ID, 'silver');
  const sink = await startSink();
  const navi = await startBotProcess('dx-navi', env);
  const echo = await startBotProcess('echo bot', {}, ECHO_ENTRY);
  try {
    const naviChat = chatClient(navi.url, sink);
    const writes = {
      answers: await prepareAssessmentAnswers(naviChat, ASSESSING),
      decisions: await prepareDecisions(naviChat, APPLYING, 'silver'),
    };
    const results = { navi: await roundTrips(naviChat, writes), echo: await roundTrips(chatClient(echo.url, sink), writes) };
    printTable(
      'Round trips over HTTP, sequential (message: POST /api/messages → reply at the sink; invoke: Action.Execute → invoke response)',
      ['round trip', 'n', 'DX Navi p50 / p95 ms', 'echo bot p50 / p95 ms', 'ratio p50 / p95', 'goal p50 / p95'],
      (Object.keys(LABELS) as (keyof RoundTrips)[]).map((kind) => {
        const [n, e, goal] = [results.navi[kind], results.echo[kind], GOALS[kind]];
        return [
          LABELS[kind],
          String(n.iterations),
          `${fixed(n.p50, 2)} / ${fixed(n.p95, 2)}`,
          `${fixed(e.p50, 2)} / ${fixed(e.p95, 2)}`,
          `${fixed(n.p50 / e.p50, 1)} / ${fixed(n.p95 / e.p95, 1)}`,
          `${goal.p50 === undefined ? '-' : `≤ ${goal.p50}`} / ≤ ${goal.p95}`,
        ];
      }),
    );
    printTable('Peak memory of the bot processes after these round trips', ['process', 'peak RSS MB', 'ratio', 'goal'], [
      ['DX Navi', mb(navi.peakRss()), fixed(navi.peakRss() / echo.peakRss(), 2), `≤ ${RSS_GOAL}`],
      ['echo bot', mb(echo.peakRss()), '-', '-'],
    ]);
    printNote(
      `DX Navi answers "${ROUND_TRIP_TEXTS.join('", "')}" and framework.level with its cards, its writes reading and ` +
        'writing Azurite; the echo bot answers every message with a line of text and every click with a one-block card, and reads nothing. ' +
        "DX Navi runs with the Node flags of `npm run bot`, the echo bot with Node's defaults, as a bare bot is run.",
    );
  } finally {
    await Promise.all([navi.stop(), echo.stop(), sink.stop()]);
  }
}
