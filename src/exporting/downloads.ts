import type { ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import type { ExportChunkRepository } from '../storage/exportChunkRepository';
import type { ExportLinkRepository } from '../storage/exportLinkRepository';
import { sendDownload } from './sendDownload';

/** A file ready to send: its name, a plain-ASCII name for old clients, and its text produced chunk by chunk. */
export interface Download {
  readonly exportId: string;
  readonly filename: string;
  readonly asciiFilename: string;
  readonly chunks: AsyncIterable<string>;
}

/** What downloads read: the links handed out in cards, and the exports they point at. */
export interface DownloadsDependencies {
  readonly links: Pick<ExportLinkRepository, 'take'>;
  readonly exports: Pick<ExportChunkRepository, 'find' | 'texts' | 'delete'>;
  readonly logger: Logger;
  readonly now: () => Date;
}

/**
 * The files behind download links (GET /api/exports/:token), in local runs only: production hands files over through
 * Teams (see FILE_DELIVERY). A link works once: it is used up as it is opened. The token is never logged; who asked
 * for the link is, so each export of personal data can be traced.
 */
export class Downloads {
  constructor(private readonly deps: DownloadsDependencies) {}

  /** The file a link stands for, or undefined when the link is unknown, used, malformed or expired, or the file is gone. */
  async open(token: string): Promise<Download | undefined> {
    const link = await this.deps.links.take(token, this.deps.now());
    if (!link) return undefined;
    // Offered only once whole, streamed from its stored chunks.
    const job = await this.deps.exports.find(link.exportId);
    if (job?.state !== 'ready' || job.requestedBy !== link.requestedBy) return undefined;
    this.deps.logger.info('export downloaded', { exportId: job.id, kind: job.kind, rows: job.rows, requestedBy: link.requestedBy });
    return { exportId: job.id, filename: job.filename, asciiFilename: job.asciiFilename, chunks: this.deps.exports.texts(job.id, job.chunks) };
  }

  /**
   * Answers a download request for `token` on `res`: the file, or a short message saying why there is none. A file
   * that went out whole is deleted at once: it is not kept a moment longer than it is needed.
   */
  async send(token: string, res: ServerResponse): Promise<void> {
    let opened: Download | undefined;
    const open = async (): Promise<Download | undefined> => (opened = await this.open(token));
    if (await sendDownload(res, open, this.deps.logger)) await this.deps.exports.delete(opened!.exportId);
  }
}
