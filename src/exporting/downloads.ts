import type { ServerResponse } from 'node:http';
import { broadcastReportCsv, broadcastReportFileName } from '../features/broadcast/reportCsv';
import type { Logger } from '../logger';
import type { BroadcastRepository } from '../storage/broadcastRepository';
import type { DeliveryRepository } from '../storage/deliveryRepository';
import type { ExportChunkRepository } from '../storage/exportChunkRepository';
import type { ExportLink, ExportLinkRepository } from '../storage/exportLinkRepository';
import { sendDownload } from './sendDownload';

/** A file ready to send: its name, a plain-ASCII name for old clients, and its text produced chunk by chunk. */
export interface Download {
  readonly filename: string;
  readonly asciiFilename: string;
  readonly chunks: AsyncIterable<string>;
}

/** What downloads read: the links handed out in cards, and what they point at. */
export interface DownloadsDependencies {
  readonly links: Pick<ExportLinkRepository, 'find'>;
  readonly broadcasts: Pick<BroadcastRepository, 'find'>;
  readonly deliveries: Pick<DeliveryRepository, 'pages'>;
  readonly exports: Pick<ExportChunkRepository, 'find' | 'texts'>;
  readonly logger: Logger;
  readonly now: () => Date;
}

/**
 * The files behind download links (GET /api/exports/:token). The token is the only secret, as in a pre-signed URL:
 * it is never logged; who asked for the link is, so each export of personal data can be traced.
 */
export class Downloads {
  /** One way to open each kind of link: a new kind of export does not compile until it has one. */
  private readonly openers: Record<ExportLink['kind'], (link: ExportLink, now: Date) => Promise<Download | undefined>> = {
    broadcastReport: (link, now) => this.openBroadcastReport(link, now),
    preparedExport: (link) => this.openPreparedExport(link),
  };

  constructor(private readonly deps: DownloadsDependencies) {}

  /** The file a link stands for, or undefined when the link is unknown, malformed or expired, or its subject is gone. */
  async open(token: string): Promise<Download | undefined> {
    const now = this.deps.now();
    const link = await this.deps.links.find(token, now);
    return link && this.openers[link.kind](link, now);
  }

  /** Answers a download request for `token` on `res`: the file, or a short message saying why there is none. */
  async send(token: string, res: ServerResponse): Promise<void> {
    await sendDownload(res, () => this.open(token), this.deps.logger);
  }

  private async openBroadcastReport(link: ExportLink, now: Date): Promise<Download | undefined> {
    const broadcast = await this.deps.broadcasts.find(link.frameworkId, link.subjectId);
    if (!broadcast) return undefined;
    this.deps.logger.info('broadcast report downloaded', { broadcastId: broadcast.id, requestedBy: link.requestedBy });
    return {
      filename: broadcastReportFileName(broadcast, now),
      asciiFilename: 'broadcast-report.csv',
      chunks: broadcastReportCsv(this.deps.deliveries, broadcast.id),
    };
  }

  /** A file prepared beforehand (see ExportPreparer): offered only once whole, streamed from its stored chunks. */
  private async openPreparedExport(link: ExportLink): Promise<Download | undefined> {
    const job = await this.deps.exports.find(link.subjectId);
    if (job?.state !== 'ready') return undefined;
    this.deps.logger.info('export downloaded', { exportId: job.id, kind: job.kind, rows: job.rows, requestedBy: link.requestedBy });
    return { filename: job.filename, asciiFilename: job.asciiFilename, chunks: this.deps.exports.texts(job.id, job.chunks) };
  }
}
