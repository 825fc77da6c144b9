import restify from 'restify';
import type { Bot } from './app';
import type { Logger } from './logger';
import { hasBody, receiveJson, type Refusal } from './http/requestBody';
import { withRequestContext } from './requestContext';

/** The running HTTP server. */
export interface RunningServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Bot Framework activities are small; a larger body is refused, counted as it arrives. */
const MAX_BODY_BYTES = 256 * 1024;
/** A body that has not arrived whole by then is refused: Teams sends one in a single burst. */
const BODY_TIMEOUT_MS = 10_000;
/** Node's own limits, for what arrives before the body: the headers, and the whole request. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** A refused request's connection is closed this long after the answer, whatever the client still sends. */
const LINGER_MS = 1_000;

/** How the server is exposed. */
export interface ServerOptions {
  readonly port: number;
  readonly host?: string;
  /** The bot has an app id, so every activity must carry a Bot Framework token (botbuilder checks it). */
  readonly authenticated: boolean;
  /** Serves GET /api/exports/:token (download links); only in local mode, where the server listens on loopback. */
  readonly serveDownloads: boolean;
  readonly logger: Logger;
}

/**
 * Serves the bot: POST /api/messages for Bot Framework activities, GET /healthz for the platform, and in local mode
 * GET /api/exports/:token for download links. No logic here. Nothing is read from a request before it is
 * authenticated as far as can be without its body, and no body is ever written to disk or decoded.
 */
export async function startServer(bot: Bot, options: ServerOptions): Promise<RunningServer> {
  const { port, host, authenticated, logger } = options;
  const server = restify.createServer({ name: 'dx-navi' });
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;
  const bodyOptions = { authenticated, maxBytes: MAX_BODY_BYTES, timeoutMs: BODY_TIMEOUT_MS };

  // Only the activities endpoint reads a body; anywhere else one is refused unread.
  server.pre((req, res, next) => {
    if (!(req.method === 'POST' && req.getPath() === '/api/messages') && hasBody(req.headers)) {
      refuse(req, res, { status: 413, reason: 'unexpected body' });
      return next(false);
    }
    return next();
  });

  server.post('/api/messages', async (req, res) => {
    const received = await receiveJson(req, bodyOptions);
    if ('status' in received) {
      // One line, rather than botbuilder's stack trace for every stray request from the internet.
      withRequestContext(undefined, () => logger.warn('activity refused', { status: received.status, reason: received.reason }));
      refuse(req, res, received);
      return;
    }
    // botbuilder throws on an activity without a type before its own error handling, which would be a 500.
    const activity = received.body as { type?: unknown; id?: unknown } | null;
    if (typeof activity?.type !== 'string' || !activity.type) {
      res.send(400);
      return;
    }
    req.body = activity;
    await withRequestContext(typeof activity.id === 'string' ? activity.id : undefined, async () => {
      await bot.adapter.process(req, res, async (context) => {
        await bot.app.run(context);
      });
    });
  });
  if (options.serveDownloads) {
    server.get('/api/exports/:token', async (req, res) => {
      await withRequestContext(undefined, () => bot.downloads.send((req.params as { token: string }).token, res));
    });
  }
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

/**
 * Answers a refused request and closes its connection, without reading what the client still sends: reading stops,
 * the answer goes out, and the connection goes a moment later, giving the client time to read the answer.
 */
function refuse(req: restify.Request, res: restify.Response, refusal: Refusal): void {
  const { socket } = req;
  // Node ends a "Connection: close" response by destroying its socket at once (and first reads and drops the rest of
  // the body); with the client still sending, that resets the connection before the client reads the answer.
  socket.destroySoon = () => {
    socket.pause();
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  res.setHeader('Connection', 'close');
  res.send(refusal.status);
}
