/**
 * `npm run bench`: measures every section and writes docs/BENCHMARKS.md; `npm run bench -- <section>` runs that section
 * alone and replaces only its part of the file. Asserts nothing about time. Starts its own in-memory Azurite (a child
 * process) per section and stops everything it started.
 */
import { startAzurite } from '../src/local/azurite';
import { benchBroadcast } from './broadcast';
import { benchClicks } from './clicks';
import { benchColdLoad } from './coldLoad';
import { benchEcho } from './echo';
import { benchEverydayUse } from './everyday';
import { benchGrowth } from './growth';
import { benchLoad200 } from './load200';
import { now } from './measure';
import { machine, SECTIONS, startRecording, writeSection, type SectionName } from './report';
import { fixed } from './table';

const RUNS: Record<SectionName, (connectionString: string) => Promise<void>> = {
  everyday: benchEverydayUse,
  clicks: benchClicks,
  echo: benchEcho,
  load: benchColdLoad,
  load200: benchLoad200,
  broadcast: benchBroadcast,
  growth: benchGrowth,
};

async function runSection(name: SectionName): Promise<void> {
  console.log(`\n=== ${name} ===`);
  const startedAt = now();
  // Every section gets an empty storage, so that it measures the same whether it runs alone or after the others.
  const azurite = await startAzurite();
  startRecording();
  try {
    await RUNS[name](azurite.connectionString);
  } finally {
    await azurite.stop();
  }
  writeSection(name, (now() - startedAt) / 1000);
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const sections = only === undefined ? SECTIONS : SECTIONS.filter((name) => name === only);
  if (sections.length === 0) {
    throw new Error(`unknown section "${only}": run \`npm run bench\` for every section, or \`npm run bench -- <${SECTIONS.join('|')}>\``);
  }
  console.log(`DX Navi bench — ${machine()}`);
  const startedAt = now();
  // A throw in a callback skips the finally blocks; Azurite and the bot processes die with us (see startChild).
  process.once('uncaughtException', (error) => {
    console.error(error);
    process.exit(1);
  });
  for (const name of sections) await runSection(name);
  console.log(`\nbench finished in ${fixed((now() - startedAt) / 1000, 1)} s; figures written to docs/BENCHMARKS.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
