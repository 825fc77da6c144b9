import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Azurite } from '../../src/local/azurite';
import { azuriteConnectionString } from '../../src/storage/azuriteConnectionString';

/** A request to the table service, as the proxy sees it. */
export interface StorageRequest {
  readonly method: string;
  readonly path: string;
  /** The entities Azurite's answer carried (a query's page, or 1 for a point read), known once the answer is through. */
  rows: number;
  /** The size of a read's answer, in bytes. */
  bytes: number;
}

/** Picks requests for a rule; `body` is what the request sent (a write's entity JSON), to pick one write among many like it. */
export type RequestMatcher = (request: StorageRequest, body: string) => boolean;

/**
 * A cuttable wire between the bot and Azurite's table service, so a test can stop storage at an exact point of an
 * action (between two of its writes), which stopping the Azurite process cannot time from outside.
 *
 * Built on node:http only, and never reads `req.query`: restify patches `http.IncomingMessage` in this process.
 */
export interface StorageProxy {
  /** Tables through the proxy, queues straight to Azurite: what the bot under test is given. */
  readonly connectionString: string;
  /** Lets the first request that `matches` through, then drops every connection until `restore()`: storage gone. */
  cutAfter(matches: RequestMatcher): void;
  /**
   * Lets the first request that `matches` reach Azurite but drops its answer: the write is done, the bot never hears
   * so. With `times`, the answers to that many matching requests are dropped (a write and the storage client's retries).
   */
  loseAnswerTo(matches: RequestMatcher, times?: number): void;
  /** Storage is back. */
  restore(): void;
  /** Whether the last rule fired, so a test knows its action got as far as it meant to cut it. */
  readonly fired: boolean;
  /** Every request the bot sent to the table service, oldest first, so a test can count what an action costs (calls, rows). */
  readonly requests: readonly StorageRequest[];
  stop(): Promise<void>;
}

/** The writes of the Table service to one table (not its reads): create, update, upsert, delete. */
export function isWriteTo(table: string): (request: StorageRequest) => boolean {
  const path = pathOf(table);
  return (request) => request.method !== 'GET' && path.test(request.path);
}

/** The reads of one table: point reads and queries. */
export function isReadOf(table: string): (request: StorageRequest) => boolean {
  const path = pathOf(table);
  return (request) => request.method === 'GET' && path.test(request.path);
}

/** The paths of requests to one table: the table, an entity of it, or a query. */
function pathOf(table: string): RegExp {
  return new RegExp(`^/[^/]+/${table}(?:\\(|\\?|$)`);
}

type Rule = { kind: 'cutAfter' | 'loseAnswer'; matches: RequestMatcher; times: number };

/**
 * Counts the entities (and bytes) of a read's JSON answer as it passes: a query's `value` array, or the one entity of
 * a point read.
 */
function countRows(answer: http.IncomingMessage, request: StorageRequest): void {
  const chunks: Buffer[] = [];
  answer.on('data', (chunk: Buffer) => chunks.push(chunk));
  answer.on('end', () => {
    const text = Buffer.concat(chunks);
    const body = JSON.parse(text.toString('utf8')) as { value?: unknown };
    request.bytes = text.length;
    request.rows = Array.isArray(body.value) ? body.value.length : 1;
  });
}

/** Starts a proxy on a free port in front of `azurite`'s table service. */
export async function startStorageProxy(azurite: Pick<Azurite, 'tablePort' | 'queuePort'>): Promise<StorageProxy> {
  let rule: Rule | undefined;
  let down = false;
  let fired = false;
  const requests: StorageRequest[] = [];
  const agent = new http.Agent({ keepAlive: true });

  const server = http.createServer((req, res) => {
    const request: StorageRequest = { method: req.method ?? 'GET', path: req.url ?? '/', rows: 0, bytes: 0 };
    requests.push(request);
    // The whole request is read before it is passed on, so a rule can match what a write says.
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, request, Buffer.concat(chunks)));
  });

  function forward(req: http.IncomingMessage, res: http.ServerResponse, request: StorageRequest, sent: Buffer): void {
    if (down) {
      req.socket.destroy();
      return;
    }
    const firing = rule?.matches(request, sent.toString('utf8')) ? rule : undefined;
    if (firing) {
      if (--firing.times === 0) rule = undefined;
      fired = true;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: azurite.tablePort, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        if (firing?.kind === 'loseAnswer') {
          // Read the whole answer first, so Azurite has surely finished the write before the bot loses its socket.
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        if (firing?.kind === 'cutAfter') down = true;
        if (request.method === 'GET' && answer.statusCode === 200 && /json/.test(answer.headers['content-type'] ?? '')) countRows(answer, request);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    upstream.end(sent);
  }

  // Node closes a keep-alive connection idle for 5 s; a request the bot sends on it just then is sent again, and
  // counted twice. Kept open until `stop`, every request is counted once.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    connectionString: azuriteConnectionString(port, azurite.queuePort),
    cutAfter(matches) {
      rule = { kind: 'cutAfter', matches, times: 1 };
      fired = false;
    },
    loseAnswerTo(matches, times = 1) {
      rule = { kind: 'loseAnswer', matches, times };
      fired = false;
    },
    restore() {
      rule = undefined;
      down = false;
    },
    get fired() {
      return fired;
    },
    requests,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
