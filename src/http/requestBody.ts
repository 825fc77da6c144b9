import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** Why a request is answered without being handled: the HTTP status, and a reason for the log (never sent back). */
export interface Refusal {
  readonly status: 400 | 401 | 408 | 413 | 415;
  readonly reason: string;
}

/** A compact JWT, as Bot Framework tokens are: three base64url parts. Only its shape is checked here. */
const BEARER_JWT = /^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
/** Far above a Bot Framework token (about 1.5 KB), far below anything that costs memory. */
const MAX_TOKEN_CHARS = 8 * 1024;

/**
 * Refuses an activity before a byte of its body is read: a missing or malformed bearer token (when the bot
 * authenticates; the token itself is botbuilder's to verify, which needs the body), then anything but identity-encoded
 * JSON no larger than `maxBytes` as far as the headers say. A compressed body is refused rather than decoded: a
 * small gzip body can inflate to a thousand times its size.
 */
function refuseBeforeReading(headers: IncomingHttpHeaders, options: { authenticated: boolean; maxBytes: number }): Refusal | undefined {
  const authorization = headers.authorization ?? '';
  if (options.authenticated && (authorization.length > MAX_TOKEN_CHARS || !BEARER_JWT.test(authorization))) {
    return { status: 401, reason: authorization ? 'malformed token' : 'no token' };
  }
  if (!isJson(headers['content-type'])) return { status: 415, reason: 'not application/json' };
  const encoding = (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return { status: 415, reason: 'encoded body' };
  const length = headers['content-length'];
  if (length !== undefined && !(Number(length) <= options.maxBytes)) return { status: 413, reason: 'body too large' };
  return undefined;
}

/** `application/json`, with at most a UTF-8 charset: the only body the Bot Framework sends. */
function isJson(contentType: string | undefined): boolean {
  const [mediaType, ...parameters] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') return false;
  return parameters.every((p) => p === '' || p === 'charset=utf-8');
}

/** True when a request carries a body (a GET with one is refused: only the activities endpoint reads bodies). */
export function hasBody(headers: IncomingHttpHeaders): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
}

/** What receiving a JSON body takes: whether a token is required, and the limits of its body. */
export interface BodyLimits {
  readonly authenticated: boolean;
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

/**
 * Receives a Bot Framework request's JSON body: refused from its headers if they do not allow it (see
 * `refuseBeforeReading`), else read and parsed. Resolves with the parsed value, or with the refusal that answers it.
 */
export function receiveJson(req: IncomingMessage, limits: BodyLimits): Promise<{ body: unknown } | Refusal> {
  const early = refuseBeforeReading(req.headers, limits);
  return early ? Promise.resolve(early) : readJsonBody(req, limits);
}

/**
 * Reads a JSON body of at most `maxBytes` bytes (counted as they arrive, whatever the headers claimed) within
 * `timeoutMs`, in memory only.
 */
function readJsonBody(req: IncomingMessage, options: { maxBytes: number; timeoutMs: number }): Promise<{ body: unknown } | Refusal> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (outcome: { body: unknown } | Refusal): void => {
      clearTimeout(timer);
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.removeListener('error', onError);
      resolve(outcome);
    };
    // A slow or endless upload holds a connection and its buffer: it gets a deadline of its own.
    const timer = setTimeout(() => finish({ status: 408, reason: 'body too slow' }), options.timeoutMs);
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > options.maxBytes) {
        chunks.length = 0;
        finish({ status: 413, reason: 'body too large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      try {
        finish({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        finish({ status: 400, reason: 'not JSON' });
      }
    };
    const onError = (): void => finish({ status: 400, reason: 'body broke off' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
