import path from 'node:path';
import { startBotProcess, type BotProcess } from './botProcess';
import { chatClient, measureLevelClicks, measureMessages, ROUND_TRIP_TEXTS } from './chat';
import type { Stats } from './measure';
import { printNote } from './report';
import { seedBotStorage } from './seed';
import { startSink, type Sink } from './sink';
import { fixed, mb, printTable } from './table';

const ECHO_ENTRY = path.join(__dirname, 'echoBot.js');

interface RoundTrips {
  readonly message: Stats;
  readonly invoke: Stats;
}

/** Sequential message and invoke round trips to one bot process: POST → reply at the sink, POST → invoke response. */
async function roundTrips(bot: BotProcess, sink: Sink): Promise<RoundTrips> {
  const chat = chatClient(bot.url, sink);
  return { message: await measureMessages(chat, 'message'), invoke: await measureLevelClicks(chat, 'invoke') };
}

/**
 * Section `echo`: DX Navi (as `npm run bot` runs it, storage in Azurite) against a bare botbuilder echo bot, both in
 * child processes and measured one after the other in the same run, so the ratio shows what DX Navi itself costs.
 */
export async function benchEcho(connectionString: string): Promise<void> {
  const env = await seedBotStorage(connectionString, 'bench-echo', 200);
  const sink = await startSink();
  const navi = await startBotProcess('dx-navi', env);
  const echo = await startBotProcess('echo bot', {}, ECHO_ENTRY);
  try {
    const results = { navi: await roundTrips(navi, sink), echo: await roundTrips(echo, sink) };
    const cells = (s: Stats): string[] => [String(s.iterations), fixed(s.p50, 2), fixed(s.p95, 2), fixed(s.p99, 2)];
    const ratio = (a: Stats, b: Stats): string[] => ['-', fixed(a.p50 / b.p50, 1), fixed(a.p95 / b.p95, 1), fixed(a.p99 / b.p99, 1)];
    const rows = (kind: keyof RoundTrips): string[][] => [
      [`${kind}: DX Navi`, ...cells(results.navi[kind])],
      [`${kind}: echo bot`, ...cells(results.echo[kind])],
      [`${kind}: ratio DX Navi / echo`, ...ratio(results.navi[kind], results.echo[kind])],
    ];
    printTable(
      'Round trips over HTTP, sequential (message: POST /api/messages → reply at the sink; invoke: Action.Execute → invoke response)',
      ['round trip', 'n', 'p50 ms', 'p95 ms', 'p99 ms'],
      [...rows('message'), ...rows('invoke')],
    );
    printTable('Peak memory of the bot processes after these round trips', ['process', 'peak RSS MB'], [
      ['DX Navi', mb(navi.peakRss())],
      ['echo bot', mb(echo.peakRss())],
    ]);
    printNote(
      `DX Navi answers "${ROUND_TRIP_TEXTS.join('", "')}" and framework.level with its cards, reading Azurite; the echo bot answers ` +
        'with a line of text and a one-block card, and reads nothing.',
    );
  } finally {
    await Promise.all([navi.stop(), echo.stop(), sink.stop()]);
  }
}
