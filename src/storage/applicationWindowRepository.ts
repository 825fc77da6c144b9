import { odata, type TableClient } from '@azure/data-tables';
import { isWindowOpen, type ApplicationWindow } from '../domain/applications/applicationWindow';
import { findEntity, writeIfUnchanged } from './entities';

type WindowEntity = { opensAt: string; closesAt: string; updatedBy?: string; updatedAt?: string };

/** Application windows: one partition per framework, one row per fiscal year and track ("2026:gold"). */
export class ApplicationWindowRepository {
  constructor(private readonly table: TableClient) {}

  /** Creates or replaces the window of a fiscal year and track, whatever was there (set-up and tests). */
  async save(window: ApplicationWindow): Promise<void> {
    await this.table.upsertEntity(toEntity(window), 'Replace');
  }

  /** The window of one fiscal year and track, if HR has set it. */
  async find(frameworkId: string, fiscalYear: number, track: string): Promise<ApplicationWindow | undefined> {
    return (await this.findWithEtag(frameworkId, fiscalYear, track))?.window;
  }

  /** The window and the ETag it was read with, for `replace`. */
  async findWithEtag(frameworkId: string, fiscalYear: number, track: string): Promise<{ window: ApplicationWindow; etag: string } | undefined> {
    const e = await findEntity<WindowEntity>(this.table, frameworkId, `${fiscalYear}:${track}`);
    return e && { window: toWindow(frameworkId, e.rowKey!, e), etag: e.etag };
  }

  /**
   * Writes a window only if nobody changed it since it was read (`etag`; undefined: it did not exist then).
   * False when another HR officer was first.
   */
  async replace(window: ApplicationWindow, etag: string | undefined): Promise<boolean> {
    return (await writeIfUnchanged(this.table, toEntity(window), etag)) !== undefined;
  }

  /** Every window of a framework, all years and tracks. */
  async list(frameworkId: string): Promise<ApplicationWindow[]> {
    const windows: ApplicationWindow[] = [];
    const rows = this.table.listEntities<WindowEntity>({ queryOptions: { filter: odata`PartitionKey eq ${frameworkId}` } });
    for await (const row of rows) windows.push(toWindow(frameworkId, row.rowKey!, row));
    return windows;
  }

  /** The windows open at `now`, one per track at most. */
  async findOpen(frameworkId: string, now: Date): Promise<ApplicationWindow[]> {
    return (await this.list(frameworkId)).filter((w) => isWindowOpen(w, now));
  }
}

function toEntity(window: ApplicationWindow): WindowEntity & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: window.frameworkId,
    rowKey: `${window.fiscalYear}:${window.track}`,
    opensAt: window.opensAt,
    closesAt: window.closesAt,
    updatedBy: window.updatedBy ?? '',
    updatedAt: window.updatedAt ?? '',
  };
}

function toWindow(frameworkId: string, rowKey: string, e: WindowEntity): ApplicationWindow {
  const [fiscalYear, track] = rowKey.split(':') as [string, string];
  return {
    frameworkId,
    fiscalYear: Number(fiscalYear),
    track,
    opensAt: e.opensAt,
    closesAt: e.closesAt,
    updatedBy: e.updatedBy || undefined,
    updatedAt: e.updatedAt || undefined,
  };
}
