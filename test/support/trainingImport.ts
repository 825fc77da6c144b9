import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { trainingImporter } from '../../src/cli/importers';
import { runImport } from '../../src/cli/runImport';
import type { Program } from '../../src/domain/framework/schema';
import { importFramework } from '../../src/importing/importFramework';
import { importRoster } from '../../src/importing/importRoster';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { createRepositories, type Repositories } from '../../src/storage/repositories';
import { createTableStorage, type TableStorage } from '../../src/storage/tableStorage';
import { kitakyushuText } from './botHarness';
import { ROSTER_HEADER } from './roster';


/** `npm run training:import` as HR runs it, on Azurite of its own with Kitakyushu's framework and a roster. */
export interface TrainingImportBench {
  readonly storage: TableStorage;
  readonly repositories: Repositories;
  readonly programs: Program[];
  /** What the command printed, both streams, since the test began. */
  readonly printed: string[];
  /** Writes a file to import into a folder of the bench's; its path. */
  file(name: string, content: string | Uint8Array): string;
  /** Runs the command with these arguments; its exit code. */
  run(...args: string[]): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts the bench: the roster is one data set per storage, so each test file brings its own Azurite. The command
 * reads its storage and framework from the environment, as in production; its output is captured, not shown.
 */
export async function startTrainingImport(frameworkId: string, rosterRows: readonly string[]): Promise<TrainingImportBench> {
  const azurite: Azurite = await startAzurite();
  const storage = createTableStorage({ connectionString: azurite.connectionString });
  await storage.ensureTables();
  const repositories = createRepositories(storage);
  const framework = kitakyushuText(frameworkId);
  const programs = (JSON.parse(framework) as { programs: Program[] }).programs;
  expect((await importFramework(framework, repositories.frameworks)).status).toBe('imported');
  expect((await importRoster([ROSTER_HEADER, ...rosterRows].join('\n'), repositories.roster)).status).toBe('imported');
  process.env.STORAGE_CONNECTION_STRING = azurite.connectionString;
  process.env.FRAMEWORK_ID = frameworkId;
  const printed: string[] = [];
  jest.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
  jest.spyOn(console, 'error').mockImplementation((line: string) => printed.push(line));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'training-'));
  return {
    storage,
    repositories,
    programs,
    printed,
    file: (name, content) => {
      const p = path.join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    run: (...args) => runImport('training:import', args, trainingImporter),
    stop: async () => {
      jest.restoreAllMocks();
      delete process.env.FRAMEWORK_ID;
      await azurite.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
