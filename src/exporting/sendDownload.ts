import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../logger';
import type { Download } from './downloads';

// What a browser shows instead of the file. Plain text in both languages: a browser request carries no Teams locale,
// and a page with markup would be one more thing to secure.
const LINK_NOT_VALID_TEXT =
  'このダウンロードリンクは使えません。リンクは一度だけ、短い時間だけ使えます。ボットでもう一度エクスポートしてください。\n' +
  'This download link cannot be used: a link works once, for a short time. Ask the bot for the export again.\n';
const NOT_PREPARED_TEXT =
  'ファイルを用意できませんでした。しばらくしてから、もう一度リンクを開いてください。\n' +
  'The file could not be prepared. Please open the link again in a moment.\n';

/** Neither a browser nor a proxy may keep a copy of personal data, nor guess another content type. */
const PRIVATE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } as const;

/**
 * Answers a download request: the file as an attachment, streamed chunk by chunk as the client reads it; a 404 when
 * there is no such file. Failures are answered here, because only here is it known whether part of the file has
 * gone out: before that a short apology, after it the connection is cut, so the browser reports an incomplete
 * download rather than saving a truncated file. Resolves true once the whole file has gone out.
 */
export async function sendDownload(
  res: ServerResponse,
  open: () => Promise<Download | undefined>,
  logger: Logger,
): Promise<boolean> {
  let download: Download | undefined;
  try {
    download = await open();
  } catch (error) {
    logger.error('download could not be prepared', { error });
    sendText(res, 500, NOT_PREPARED_TEXT);
    return false;
  }
  if (!download) {
    sendText(res, 404, LINK_NOT_VALID_TEXT);
    return false;
  }
  res.writeHead(200, {
    ...PRIVATE,
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': contentDisposition(download.filename, download.asciiFilename),
  });
  try {
    // As bytes, not objects: an object stream would read 16 chunks (16 pages) ahead of a slow client.
    await pipeline(Readable.from(download.chunks, { objectMode: false }), res);
    return true;
  } catch (error) {
    // The user closed the tab or lost the connection: nothing is wrong on our side.
    if (!isPrematureClose(error)) logger.error('download broke off', { filename: download.filename, error });
    return false;
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * RFC 6266: current browsers save the file under the UTF-8 `filename*`; `filename` is the ASCII fallback for the
 * others. RFC 8187 does not allow ' ( ) * unescaped, which encodeURIComponent leaves as they are.
 */
function contentDisposition(filename: string, asciiFilename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFilename}"; filename*=UTF-8''${encoded}`;
}

function isPrematureClose(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE';
}
