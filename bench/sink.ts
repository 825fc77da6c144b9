import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { now } from './measure';

/** The least of a Bot Connector: accepts the bot's replies and tells who waits for them when they arrive. */
export interface Sink {
  /** Use as the activities' serviceUrl. */
  readonly url: string;
  /** How many replies arrived. */
  readonly received: () => number;
  /** Resolves with the time (see `now()`) the reply to activity `activityId` arrived. */
  replyTo(activityId: string): Promise<number>;
  stop(): Promise<void>;
}

const SEND = /^\/v3\/conversations\/[^/]+\/activities(?:\/[^/]+)?$/;
/** A card updated in place: what the bot does before it answers a click with a card that refreshes (the approval card). */
const UPDATE = /^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/;
const TIMEOUT_MS = 10_000;

/**
 * Answers 201 { id } to POST /v3/conversations/:id/activities[/:id], 200 { id } to PUT
 * /v3/conversations/:id/activities/:id (as Teams does), and 404 to anything else.
 * Built on node:http alone, like the tests' fake connector.
 */
export async function startSink(): Promise<Sink> {
  const arrived = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  let received = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // Status and body are set in separate calls: restify (loaded by the bot) changes what writeHead returns.
      const path = req.url?.split('?')[0] ?? '';
      if (req.method === 'PUT' && UPDATE.test(path)) {
        res.statusCode = 200;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ id: path.split('/').pop() }));
        return;
      }
      if (req.method !== 'POST' || !SEND.test(path)) {
        res.statusCode = 404;
        res.end();
        return;
      }
      const at = now();
      received++;
      let replyToId = '';
      try {
        replyToId = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { replyToId?: string }).replyToId ?? '';
      } catch {
        // Not JSON: nobody waits for it; answer like Teams anyway.
      }
      res.statusCode = 201;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: randomUUID() }));
      const resolve = waiting.get(replyToId);
      if (resolve) {
        waiting.delete(replyToId);
        resolve(at);
      } else arrived.set(replyToId, at);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received: () => received,
    replyTo(activityId) {
      const at = arrived.get(activityId);
      if (at !== undefined) {
        arrived.delete(activityId);
        return Promise.resolve(at);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(activityId);
          reject(new Error(`no reply to ${activityId} within ${TIMEOUT_MS} ms`));
        }, TIMEOUT_MS);
        waiting.set(activityId, (t) => {
          clearTimeout(timer);
          resolve(t);
        });
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
