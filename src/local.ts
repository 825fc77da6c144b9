import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';
import { startAzurite } from './local/azurite';
import { demoCast, parseDemoRoster } from './local/demoRoster';
import { LocalServices, StoppingError } from './local/localServices';
import { startPlayground } from './local/playground';
import { playgroundConfig } from './local/playgroundConfig';
import { assertPortsFree } from './local/portsFree';
import { seedFiles, seedWhenEmpty } from './local/seedWhenEmpty';
import { parseStartArgs, START_USAGE } from './local/startArgs';
import { localSummary } from './local/summary';
import { consoleLogger } from './logger';
import { projectRoot } from './projectRoot';
import { startBot, tableStorageFor } from './runtime';
import { azuriteConnectionString, DEFAULT_AZURITE_PORTS } from './storage/azuriteConnectionString';
import { createRepositories } from './storage/repositories';

const services = new LocalServices();

/**
 * `npm start`: the whole product on this machine in one command — embedded storage that keeps its data under
 * `.data/`, the framework and a demo roster imported when storage is empty, the bot, and the Agents Playground.
 */
async function main(): Promise<void> {
  const args = parseStartArgs(process.argv.slice(2));
  if (!args) throw new Error(START_USAGE);
  const root = projectRoot();
  const dataDir = path.join(root, '.data');
  // Azurite's own ports, so `npm run framework:import` and the like reach this storage with no settings.
  const { table: tablePort, queue: queuePort } = DEFAULT_AZURITE_PORTS;
  // The Playground says every user's language is en-US; a Japanese city's demo should speak Japanese unless told otherwise.
  const config = loadConfig({
    BOT_LANGUAGE: 'ja',
    ...process.env,
    STORAGE_CONNECTION_STRING: azuriteConnectionString(tablePort, queuePort),
  });
  const files = seedFiles(root, config.frameworkId);
  const cast = demoCast(parseDemoRoster(readFileSync(files.roster, 'utf8')));
  const playgroundSettings = config.startPlayground ? playgroundConfig(cast, args.as) : undefined;
  await assertPortsFree([tablePort, queuePort], 'another Azurite or `npm start` is probably running; stop it first');
  await assertPortsFree([config.port], 'another `npm start` or `npm run bot` is probably running; stop it, or set PORT');

  const azuriteDir = path.join(dataDir, 'azurite');
  mkdirSync(azuriteDir, { recursive: true });
  await services.start(() => startAzurite({ location: azuriteDir, tablePort, queuePort }));
  const storage = tableStorageFor(config);
  await storage.ensureTables();
  const seeded = await seedWhenEmpty(createRepositories(storage), config.frameworkId, files);

  const bot = await services.start(() => startBot(config, consoleLogger, { host: '127.0.0.1' }));
  const botUrl = `http://127.0.0.1:${bot.server.port}`;
  const playground = playgroundSettings
    ? await services.start(() =>
        startPlayground({
          botEndpoint: `${botUrl}/api/messages`,
          workDir: path.join(dataDir, 'playground'),
          config: playgroundSettings,
        }),
      )
    : undefined;
  const { frameworkId } = config;
  console.log(localSummary({ botUrl, playgroundUrl: playground?.url, tablePort, queuePort, dataDir, frameworkId, seeded, cast, as: args.as }));
}

function stopOnSignal(signal: NodeJS.Signals): void {
  console.log(`\n${signal}: stopping the Playground, the bot and Azurite…`);
  void services.stopAll().then(() => process.exit(0));
}
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);

main().catch(async (error: unknown) => {
  // A signal arrived during start-up; its handler stops what started and exits.
  if (error instanceof StoppingError) return;
  // Our own messages say what to do; anything else is a bug and needs its stack.
  const expected = error instanceof ConfigError || (error instanceof Error && error.constructor === Error);
  console.error(`\nDX Navi could not start: ${expected ? error.message : error instanceof Error ? error.stack : String(error)}`);
  await services.stopAll();
  process.exit(1);
});
