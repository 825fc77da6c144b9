import { fiscalYearOf } from '../src/domain/applications/fiscalYear';
import { importFramework } from '../src/importing/importFramework';
import { importRoster } from '../src/importing/importRoster';
import { createRepositories } from '../src/storage/repositories';
import { createTableStorage } from '../src/storage/tableStorage';
import { expectStatus, frameworkText } from './fixtures';
import { generateRosterCsv } from './roster';

/**
 * Fills an empty storage for a bot started as `npm run bot` does: the framework under `frameworkId` and a roster of
 * `employees` generated staff (users 0 to employees - 1 of the chat client). Returns that bot's environment.
 */
export async function seedBotStorage(connectionString: string, frameworkId: string, employees: number): Promise<Record<string, string>> {
  const storage = createTableStorage({ connectionString });
  await storage.ensureTables();
  const repositories = createRepositories(storage);
  expectStatus(await importFramework(frameworkText(frameworkId), repositories.frameworks), 'imported');
  expectStatus(await importRoster(generateRosterCsv(employees), repositories.roster), 'imported');
  return botEnvironment(connectionString, frameworkId);
}

/** Opens this fiscal year's window of `track` in a bot's storage, from yesterday to a week from now. */
export async function openApplicationWindow(connectionString: string, frameworkId: string, track: string): Promise<void> {
  const DAY = 86_400_000;
  const now = Date.now();
  await createRepositories(createTableStorage({ connectionString })).applicationWindows.save({
    frameworkId,
    fiscalYear: fiscalYearOf(new Date(now)),
    track,
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + 7 * DAY).toISOString(),
  });
}

/** The environment of a bot started as `npm run bot` does, on this storage and framework, answering in Japanese. */
export function botEnvironment(connectionString: string, frameworkId: string): Record<string, string> {
  return { STORAGE_CONNECTION_STRING: connectionString, FRAMEWORK_ID: frameworkId, BOT_LANGUAGE: 'ja' };
}
