import { BENCH_RATING, BENCH_ROLE_LEVEL, wholeAssessmentEffort } from './assessment';
import { startBotProcess } from './botProcess';
import { chatClient } from './chat';
import { printNote } from './report';
import { seedBotStorage } from './seed';
import { startSink } from './sink';
import { fixed, int, printTable } from './table';

/**
 * Section `clicks`: what a whole self-assessment asks of a person, counted on the cards the bot answers with, next to
 * the version before, which showed each skill's rating as a dropdown (a click to open it, one to choose).
 */
export async function benchClicks(connectionString: string): Promise<void> {
  const env = await seedBotStorage(connectionString, 'bench-clicks', 1);
  const sink = await startSink();
  const bot = await startBotProcess('dx-navi', env);
  try {
    const now = await wholeAssessmentEffort(chatClient(bot.url, sink), 0, BENCH_ROLE_LEVEL, BENCH_RATING);
    // The same cards, answers and buttons, but a second click for each rating.
    const before = { ...now, clicks: now.clicks + now.ratings };
    const row = (name: string, effort: typeof now): string[] => [name, int(effort.steps), int(effort.ratings), int(effort.clicks)];
    printTable(
      `A whole self-assessment, role Lv.${BENCH_ROLE_LEVEL} in every category (so the skills of Lv.1 to Lv.${BENCH_ROLE_LEVEL + 1}), the suggested target`,
      ['version', 'steps', 'ratings', 'clicks'],
      [
        row('DX Navi: every rating in view, one click', now),
        row('before: every rating a dropdown, two clicks', before),
        ['ratio before / DX Navi', '-', '-', fixed(before.clicks / now.clicks, 2)],
      ],
    );
    printNote(
      'clicks as a person makes them on these cards: 診断を始める, a choice per role category, a choice per skill and 次へ per ' +
        'level, then 結果を見る (the suggested target is chosen already); typing 診断 and reading a role in full are not counted. ' +
        'test/e2e/assessment.test.ts counts the same walk clicked in the Agents Playground.',
    );
  } finally {
    await Promise.all([bot.stop(), sink.stop()]);
  }
}
