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

/** The environment of a bot started as `npm run bot` does, on this storage and framework, answering in Japanese. */
export function botEnvironment(connectionString: string, frameworkId: string): Record<string, string> {
  return { STORAGE_CONNECTION_STRING: connectionString, FRAMEWORK_ID: frameworkId, BOT_LANGUAGE: 'ja' };
}
