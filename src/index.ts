import { loadConfig } from './config';
import { consoleLogger } from './logger';
import { startTelemetry } from './telemetry';

/** Production entry (`npm run bot`, and what Azure runs): configuration from the environment, then the bot. */
async function main(): Promise<void> {
  const config = loadConfig();
  const telemetry = await startTelemetry(config.applicationInsightsConnectionString, config.applicationInsightsIdentity);
  // Loaded only now, so that with telemetry on, the HTTP instrumentation is in place before restify and botbuilder load.
  const { startBot } = await import('./runtime');
  const bot = await startBot(config, consoleLogger);
  consoleLogger.info('DX Navi is listening', {
    port: bot.server.port,
    host: config.listenHost ?? 'every interface',
    anonymous: !config.bot.id,
    framework: config.frameworkId,
    telemetry: telemetry !== undefined,
  });
  if (!config.bot.id) {
    consoleLogger.warn('anonymous mode: no Bot Framework authentication, anyone who reaches the port can act as anyone', {
      host: config.listenHost ?? 'every interface',
      hint: 'for local runs only; set BOT_ID to authenticate, LISTEN_HOST to listen elsewhere than on loopback',
    });
  }
  const shutdown = (): void => {
    void bot
      .stop()
      // Sends the telemetry still queued; an unreachable Application Insights must not keep the process alive.
      .then(() => telemetry?.stop())
      .catch((error: unknown) => consoleLogger.warn('DX Navi did not stop cleanly', { error }))
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  consoleLogger.error('DX Navi could not start', { error });
  process.exit(1);
});
