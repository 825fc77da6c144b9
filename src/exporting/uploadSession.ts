/** Raised when the upload session refused a part of the file, or could not be reached: nothing is complete then. */
export class UploadFailedError extends Error {}

/**
 * OneDrive takes an upload session's parts in multiples of 320 KiB (the last one excepted), at most 60 MiB each.
 * 5 MiB parts keep little in memory and few requests for the largest exports.
 */
export const UPLOAD_PART_BYTES = 16 * 320 * 1024;
/** One part's request; a stalled connection must not hold the HR officer's click for ever. */
const PART_TIMEOUT_MS = 60_000;
/** The addresses an upload may go to over plain HTTP: this machine only (tests and local runs). */
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Uploads a file of `size` bytes, given as text chunks, to an upload session (the `uploadUrl` Teams' file consent
 * hands over, an upload session in the user's OneDrive): one PUT per part, each saying its byte range. The URL
 * itself authorises the upload, so nothing else is sent with it — never the bot's token.
 */
export async function uploadToSession(uploadUrl: string, size: number, chunks: AsyncIterable<string>): Promise<void> {
  const url = new URL(uploadUrl);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new UploadFailedError(`upload sessions are reached over HTTPS, not ${url.protocol}`);
  }
  let sent = 0;
  for await (const part of parts(chunks, UPLOAD_PART_BYTES)) {
    if (sent + part.length > size) throw new UploadFailedError(`the file is larger than the ${size} bytes announced`);
    await putPart(url, part, sent, size);
    sent += part.length;
  }
  if (sent !== size) throw new UploadFailedError(`${sent} of ${size} bytes uploaded`);
}

async function putPart(url: URL, part: Buffer, start: number, size: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Length': String(part.length), 'Content-Range': `bytes ${start}-${start + part.length - 1}/${size}` },
      body: part,
      signal: AbortSignal.timeout(PART_TIMEOUT_MS),
    });
    await response.arrayBuffer();
  } catch (error) {
    throw new UploadFailedError(`the upload session could not be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new UploadFailedError(`the upload session answered ${response.status}`);
}

/** The text's UTF-8 bytes in parts of `partBytes` (the last one shorter). */
async function* parts(chunks: AsyncIterable<string>, partBytes: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of chunks) {
    pending.push(Buffer.from(chunk, 'utf8'));
    pendingBytes += pending[pending.length - 1]!.length;
    while (pendingBytes >= partBytes) {
      const all = Buffer.concat(pending);
      yield all.subarray(0, partBytes);
      pending = [all.subarray(partBytes)];
      pendingBytes = pending[0]!.length;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}
