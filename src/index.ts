import { loadConfig } from './config';
import { consoleLogger } from './logger';
import { startBot } from './runtime';

/** Production entry (`npm run bot`, and what Azure runs): configuration from the environment, then the bot. */
async function main(): Promise<void> {
  const config = loadConfig();
  const bot = await startBot(config, consoleLogger);
  consoleLogger.info('DX Navi is listening', {
    port: bot.server.port,
    anonymous: !config.bot.id,
    framework: config.frameworkId,
  });
  const shutdown = (): void => {
    void bot.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  consoleLogger.error('DX Navi could not start', { error });
  process.exit(1);
});
