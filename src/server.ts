import restify from 'restify';
import type { Bot } from './app';
import type { Logger } from './logger';
import { withRequestContext } from './requestContext';

/** The running HTTP server. */
export interface RunningServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Bot Framework activities are small; a larger body is refused before it reaches the bot. */
const MAX_BODY_BYTES = 256 * 1024;

/** How the server is exposed. */
export interface ServerOptions {
  readonly port: number;
  readonly host?: string;
  /** The bot has an app id, so every activity must carry a Bot Framework token (botbuilder checks it). */
  readonly authenticated: boolean;
  readonly logger: Logger;
}

/**
 * Serves the bot: POST /api/messages for Bot Framework activities, GET /api/exports/:token for the download links in
 * cards, GET /healthz for the platform. No logic here.
 */
export async function startServer(bot: Bot, { port, host, authenticated, logger }: ServerOptions): Promise<RunningServer> {
  const server = restify.createServer({ name: 'dx-navi' });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    // botbuilder throws on an activity without a type before its own error handling, which would be a 500.
    const type = (req.body as { type?: unknown } | undefined)?.type;
    if (typeof type !== 'string' || !type) {
      res.send(400);
      return;
    }
    const activityId = (req.body as { id?: unknown } | undefined)?.id;
    await withRequestContext(typeof activityId === 'string' ? activityId : undefined, async () => {
      // Refused here, with one log line, rather than by botbuilder, which prints a stack trace for every stray request
      // from the internet; a token that is present is botbuilder's to verify.
      if (authenticated && !req.headers.authorization) {
        logger.warn('activity without a token refused', { type });
        res.send(401);
        return;
      }
      await bot.adapter.process(req, res, async (context) => {
        await bot.app.run(context);
      });
    });
  });
  server.get('/api/exports/:token', async (req, res) => {
    await withRequestContext(undefined, () => bot.downloads.send((req.params as { token: string }).token, res));
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  await new Promise<void>((resolve) => {
    if (host) server.listen(port, host, resolve);
    else server.listen(port, resolve);
  });
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would otherwise hold the server open for seconds.
        server.server.closeAllConnections();
      }),
  };
}
