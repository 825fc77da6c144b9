import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { summarize } from './measure';
import { printNote } from './report';
import { seedBotStorage } from './seed';
import { fixed, printTable } from './table';

const CHILD = path.join(__dirname, 'coldLoadChild.js');
const RUNS = 10;
const execFileAsync = promisify(execFile);

/** What one new process reported (see coldLoadChild.ts), in milliseconds. */
interface ColdLoad {
  readonly nodeStartMs: number;
  readonly importMs: number;
  readonly catalogMs: number;
  readonly readyMs: number;
}

/**
 * Section `load`: time to load the framework cold. Each run is a new node process that imports the bot's modules and
 * loads the active framework from Azurite into the catalog, as a new instance does before its first answer.
 */
export async function benchColdLoad(connectionString: string): Promise<void> {
  const env = await seedBotStorage(connectionString, 'bench-load', 10);
  const runs: ColdLoad[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { stdout } = await execFileAsync(process.execPath, [CHILD], { env });
    runs.push(JSON.parse(stdout.trim().split('\n').pop()!) as ColdLoad);
  }
  const rows = (
    [
      ['node start-up (until the script runs)', 'nodeStartMs'],
      ['import the bot modules', 'importMs'],
      ['first catalog load (head row, document, search index)', 'catalogMs'],
      ['process start → framework ready', 'readyMs'],
    ] as const
  ).map(([label, key]) => {
    const s = summarize(label, runs.map((r) => r[key]));
    return [label, String(s.iterations), fixed(s.p50, 1), fixed(s.max, 1)];
  });
  printTable(`Cold load of the framework (${RUNS} new processes, one after the other)`, ['step', 'n', 'p50 ms', 'max ms'], rows);
  printNote('the file system cache is warm after the first run, as it is on an instance restarting in place.');
}
