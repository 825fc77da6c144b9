import http from 'node:http';

/** What a raw request came to: the status the server answered, or that the connection ended without one. */
export interface RawAnswer {
  readonly status?: number;
  readonly error?: string;
}

/**
 * Sends a request to `url` the way an attacker's client would, not as fetch would: any method, any headers (a GET
 * with a body, say), and a body written as given
 * (`chunks`, one write each, and never ended when `unfinished`: a slow client; `endless` keeps writing until the
 * server answers). Resolves with the server's status,
 * even when the server answered before taking the whole body and then closed the connection.
 */
export function rawRequest(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: { chunks?: readonly Buffer[]; endless?: Buffer; unfinished?: boolean },
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let answered = false;
    const request = http.request(url, { method, headers }, (response) => {
      answered = true;
      response.resume();
      resolve({ status: response.statusCode });
    });
    request.on('error', (error) => {
      if (!answered) resolve({ error: error.message });
    });
    if (body.endless) {
      const writeMore = (): void => {
        if (answered || request.destroyed) return;
        if (request.write(body.endless!)) setImmediate(writeMore);
        else request.once('drain', writeMore);
      };
      writeMore();
      return;
    }
    for (const chunk of body.chunks ?? []) request.write(chunk);
    if (!body.unfinished) request.end();
  });
}

/** A bearer header of the shape of a Bot Framework token (a JWT), which is not one. */
export const LOOKS_LIKE_A_TOKEN = `Bearer ${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('{"aud":"x"}').toString('base64url')}.c2lnbmF0dXJl`;

/** `rawRequest` as a POST: what Bot Framework activities arrive as. */
export function rawPost(url: string, headers: Record<string, string>, body: Parameters<typeof rawRequest>[3]): Promise<RawAnswer> {
  return rawRequest('POST', url, headers, body);
}
