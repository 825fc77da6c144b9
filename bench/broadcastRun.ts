import type { Broadcast } from '../src/domain/broadcast/broadcast';
import type { Repositories } from '../src/storage/repositories';
import { confirmedBroadcast } from '../test/support/broadcastFixtures';
import type { FakeConnector } from '../test/support/fakeConnector';
import { startBotProcess, type BotProcess } from './botProcess';
import { isSend } from './broadcastFigures';
import { now } from './measure';
import { int } from './table';

/** How one broadcast went, in wall-clock times (ms since the epoch, the fake Teams' clock). */
export interface BroadcastRun {
  /** The broadcast as it ended (completed), with its report. */
  readonly broadcast: Broadcast;
  readonly confirmedAt: number;
  readonly completedAt: number;
  /** Point reads of one delivery of the broadcast, once a second while it was sending: Azurite's latency under load. */
  readonly readsWhileSendingMs: readonly number[];
  /** Only when the bot was killed half way. */
  readonly restart?: Restart;
  /** The highest peak resident memory of the bot processes, in bytes (each read while it lived). */
  readonly botPeakRss: number;
}

export interface Restart {
  readonly killedAt: number;
  /** Copies accepted by Teams before the kill. */
  readonly sentBeforeKill: number;
  /** The new bot process listens. */
  readonly listeningAt: number;
  /** Teams accepted the first copy sent by the new process. */
  readonly resumedAt?: number;
}

export interface RunOptions {
  readonly label: string;
  readonly repositories: Repositories;
  readonly connector: FakeConnector;
  /** The bot's environment (storage, framework, language). */
  readonly botEnv: Record<string, string>;
  readonly frameworkId: string;
  /** Copies Teams should accept: when half are in, the run is half way. */
  readonly expected: number;
  /** SIGKILL the bot half way, then start a new one. */
  readonly killHalfWay: boolean;
  /** The Entra id of one recipient, whose delivery is read once a second to time Azurite while the bot sends. */
  readonly probeRecipient: string;
}

const POLL_MS = 100;
const LOOK_EVERY_MS = 1_000;
const PROGRESS_EVERY_MS = 10_000;
/**
 * Nothing reached Teams and the broadcast did not move for this long: the run gives up. Generous: a killed sender's lease
 * (15 s) and queue messages (20 s) must run out first, and the sender itself re-queues work that went quiet after 60 s.
 */
const STALL_MS = 180_000;

/**
 * Starts the bot in a child process, confirms a broadcast to everyone straight in storage (as HR's confirmation does),
 * and waits until the bot reports it completed, printing where it is every ten seconds. Every bot process it started is
 * stopped when it returns or throws.
 */
export async function runBroadcast(options: RunOptions): Promise<BroadcastRun> {
  const { label, repositories, connector } = options;
  const bots: BotProcess[] = [];
  const startBot = async (): Promise<BotProcess> => {
    const bot = await startBotProcess(`bot ${label} #${bots.length + 1}`, options.botEnv);
    bots.push(bot);
    return bot;
  };
  const accepted = (): number => connector.calls.filter((c) => isSend(c) && c.status < 300).length;
  let botPeakRss = 0;
  // Read while the process lives: /proc forgets it once it is gone.
  const notePeakRss = (): void => void (botPeakRss = Math.max(botPeakRss, ...bots.map((b) => b.peakRss())));
  try {
    let bot = await startBot();
    const confirmedAt = Date.now();
    const confirmed = await confirmedBroadcast(repositories, options.frameworkId, { serviceUrl: connector.url });
    const readsWhileSendingMs: number[] = [];
    let current = confirmed;
    let restart: Restart | undefined;
    let lookedAt = 0;
    let printedAt = Date.now();
    let lastMove = { at: Date.now(), calls: 0, state: current.state };
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      notePeakRss();
      if (options.killHalfWay && !restart && accepted() >= options.expected / 2) {
        await bot.kill();
        restart = { killedAt: Date.now(), sentBeforeKill: accepted(), listeningAt: 0 };
        console.log(`  ${label}: SIGKILL after ${int(restart.sentBeforeKill)} copies; starting a new bot process`);
        bot = await startBot();
        restart = { ...restart, listeningAt: Date.now() };
      }
      if (restart && restart.resumedAt === undefined) restart = { ...restart, resumedAt: firstCopyAfter(connector, restart.listeningAt) };
      if (bot.exited()) throw new Error(`${label}: the bot exited by itself; it printed:\n${bot.output()}`);
      if (Date.now() - lookedAt >= LOOK_EVERY_MS) {
        lookedAt = Date.now();
        current = (await repositories.broadcasts.find(options.frameworkId, confirmed.id)) ?? current;
        if (current.state === 'completed') {
          return { broadcast: current, confirmedAt, completedAt: Date.parse(current.finishedAt!), readsWhileSendingMs, restart, botPeakRss };
        }
        if (current.state === 'cancelled') throw new Error(`${label}: the broadcast was cancelled: ${JSON.stringify(current.progress)}`);
        if (current.state === 'sending') await timeRead(repositories, current.id, options.probeRecipient, readsWhileSendingMs);
      }
      if (connector.calls.length !== lastMove.calls || current.state !== lastMove.state) {
        lastMove = { at: Date.now(), calls: connector.calls.length, state: current.state };
      } else if (Date.now() - lastMove.at > STALL_MS) {
        throw new Error(
          `${label}: stalled, nothing reached Teams for ${STALL_MS / 1000} s; broadcast ${current.state}, ` +
            `${int(accepted())} of ${int(options.expected)} copies accepted, report ${JSON.stringify(current.progress)}; ` +
            `the bot printed:\n${bot.output()}`,
        );
      }
      if (Date.now() - printedAt >= PROGRESS_EVERY_MS) {
        printedAt = Date.now();
        const seconds = Math.round((printedAt - confirmedAt) / 1000);
        console.log(`  ${label}: ${seconds} s, ${current.state}, ${int(accepted())} of ${int(options.expected)} sent, ${int(connector.calls.length)} requests`);
      }
    }
  } finally {
    await Promise.all(bots.map((b) => b.stop()));
  }
}

/** When Teams accepted the first copy after `since`, if it has. */
function firstCopyAfter(connector: FakeConnector, since: number): number | undefined {
  return connector.calls.find((c) => isSend(c) && c.status < 300 && c.at > since)?.at;
}

/** Times a point read of one delivery, once its row exists (the round is prepared). */
async function timeRead(repositories: Repositories, broadcastId: string, aadObjectId: string, samples: number[]): Promise<void> {
  const t0 = now();
  const found = await repositories.deliveries.find(broadcastId, aadObjectId);
  if (found) samples.push(now() - t0);
}
