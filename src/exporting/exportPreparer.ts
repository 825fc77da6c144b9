import { Slots } from '../concurrency';
import type { Logger } from '../logger';
import type { ExportChunkRepository } from '../storage/exportChunkRepository';
import { MAX_STRING_CHARS } from '../storage/tables';
import { CSV_BOM, csvLine } from './csv';
import type { CsvSource } from './csvSource';
import { newExportId, type PreparedExport } from './preparedExport';
import { textChunks } from './textChunks';

/** What preparing exports needs from outside. */
export interface ExportPreparerDeps {
  readonly exports: ExportChunkRepository;
  readonly logger: Logger;
  readonly now: () => Date;
}

export interface ExportPreparerOptions {
  /** Progress is told at most this often; the count before the first row and the end are always told. */
  readonly tellEveryMs?: number;
  /** The longest chunk of text stored in one row. */
  readonly chunkChars?: number;
}

/** Hears how an export stands: once counted, as pages are written, and at the end (ready, or failed). */
export type ExportListener = (job: PreparedExport) => Promise<void>;

/** How long a ready export is offered to its requester before it is deleted. */
export const OFFERED_MINUTES = 15;
/** Half of Azure's limit on a string property: room for any row, and a few dozen rows per stored chunk. */
const CHUNK_CHARS = Math.floor(MAX_STRING_CHARS / 2);
/** An export that never finished (its instance stopped) is deleted after this. */
const PREPARING_KEPT_MS = 60 * 60 * 1000;
/** Exports prepared at once by one instance; more wait their turn, so HR's clicks cannot flood storage. */
const AT_ONCE = 2;

/**
 * Prepares CSV exports in the background: counts the rows and writes the file page by page into storage chunks. The
 * listener hears real progress (rows stored), so a card can show it, and the end: ready (the file is whole, to be
 * handed over), or failed (what was written is deleted; nothing of it is ever offered). Whatever is not handed over
 * is deleted when it expires (`deleteExpired`, on a timer).
 */
export class ExportPreparer {
  private readonly tellEveryMs: number;
  private readonly chunkChars: number;
  private readonly slots = new Slots(AT_ONCE);
  private readonly running = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly deps: ExportPreparerDeps,
    options: ExportPreparerOptions = {},
  ) {
    this.tellEveryMs = options.tellEveryMs ?? 1_000;
    this.chunkChars = options.chunkChars ?? CHUNK_CHARS;
  }

  /** Records a new export of `source`, not started yet. */
  async create(request: Pick<PreparedExport, 'frameworkId' | 'requestedBy'>, source: CsvSource): Promise<PreparedExport> {
    const now = this.deps.now();
    const job: PreparedExport = {
      id: newExportId(),
      frameworkId: request.frameworkId,
      kind: source.kind,
      ...(source.fiscalYear !== undefined ? { fiscalYear: source.fiscalYear } : {}),
      ...(source.broadcastId !== undefined ? { broadcastId: source.broadcastId } : {}),
      requestedBy: request.requestedBy,
      filename: source.filename,
      asciiFilename: source.asciiFilename,
      state: 'preparing',
      rows: 0,
      chunks: 0,
      bytes: 0,
      startedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + PREPARING_KEPT_MS).toISOString(),
    };
    await this.deps.exports.create(job);
    return job;
  }

  /** Prepares a created export in the background (as given: e.g. with its card's id); `listen` hears how it goes. */
  prepare(job: PreparedExport, source: CsvSource, listen: ExportListener): void {
    const work = this.slots
      .run(() => this.run(job, source, listen))
      .finally(() => this.running.delete(work));
    this.running.add(work);
  }

  /** Deletes every export whose time is up (run on a timer, by every instance: deleting twice is harmless). */
  async deleteExpired(): Promise<void> {
    const deleted = await this.deps.exports.deleteExpired(this.deps.now());
    if (deleted > 0) this.deps.logger.info('expired exports deleted', { count: deleted });
  }

  /** Interrupts the exports under way (each is marked failed and told so) and waits for them to wind up. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.running]);
  }

  private async run(created: PreparedExport, source: CsvSource, listen: ExportListener): Promise<void> {
    let job = created;
    try {
      job = await this.deps.exports.save({ ...job, totalRows: await source.count(), updatedAt: this.stamp() });
      await this.tell(listen, job);
      job = await this.write(job, source, listen);
      const readyAt = this.deps.now();
      job = await this.deps.exports.save({
        ...job,
        state: 'ready',
        totalRows: job.rows,
        updatedAt: readyAt.toISOString(),
        expiresAt: new Date(readyAt.getTime() + OFFERED_MINUTES * 60_000).toISOString(),
      });
      this.deps.logger.info('export prepared', { exportId: job.id, kind: job.kind, rows: job.rows, requestedBy: job.requestedBy });
      await this.tell(listen, job);
    } catch (error) {
      job = await this.fail(job, error);
      await this.tell(listen, job);
    }
  }

  /** The header, then each page of rows as it is read: stored, counted, and told at most every `tellEveryMs`. */
  private async write(created: PreparedExport, source: CsvSource, listen: ExportListener): Promise<PreparedExport> {
    let job = await this.deps.exports.append(created, textChunks(CSV_BOM + csvLine(source.headers), this.chunkChars), {
      rows: 0,
      updatedAt: this.stamp(),
    });
    let toldAt = this.deps.now().getTime();
    for await (const page of source.pages()) {
      if (this.stopping.signal.aborted) throw new Error('the bot is stopping');
      const text = page.map(csvLine).join('');
      job = await this.deps.exports.append(job, textChunks(text, this.chunkChars), { rows: job.rows + page.length, updatedAt: this.stamp() });
      const now = this.deps.now().getTime();
      if (now - toldAt >= this.tellEveryMs) {
        toldAt = now;
        await this.tell(listen, job);
      }
    }
    return job;
  }

  /** Marks an export failed and deletes what it wrote, as far as storage allows: nothing of it is ever offered. */
  private async fail(job: PreparedExport, error: unknown): Promise<PreparedExport> {
    const failed: PreparedExport = { ...job, state: 'failed', updatedAt: this.stamp() };
    this.deps.logger.error('export failed', { exportId: job.id, kind: job.kind, rows: job.rows, interrupted: this.stopping.signal.aborted, error });
    try {
      await this.deps.exports.save(failed);
      await this.deps.exports.deleteChunks(job.id);
    } catch (cleanupError) {
      // The job row says "preparing" then, and stops moving: it reads as failed once stalled, and expires.
      this.deps.logger.warn('a failed export could not be cleaned up', { exportId: job.id, error: cleanupError });
    }
    return failed;
  }

  /** A listener that cannot show progress (Teams busy) must not stop the export. */
  private async tell(listen: ExportListener, job: PreparedExport): Promise<void> {
    await listen(job).catch((error: unknown) => this.deps.logger.warn('export progress not shown', { exportId: job.id, error }));
  }

  private stamp(): string {
    return this.deps.now().toISOString();
  }
}
