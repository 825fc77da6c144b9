import { odata, type TableClient } from '@azure/data-tables';
import { isWindowOpen, type ApplicationWindow } from '../domain/applications/applicationWindow';

/** Application windows, one partition per framework, one row per fiscal year. */
export class ApplicationWindowRepository {
  constructor(private readonly table: TableClient) {}

  /** Creates or replaces the window of a fiscal year. */
  async save(window: ApplicationWindow): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: window.frameworkId,
        rowKey: String(window.fiscalYear),
        opensAt: window.opensAt,
        closesAt: window.closesAt,
        tiers: window.tiers.join(';'),
      },
      'Replace',
    );
  }

  /** The window open at `now` for a framework, if any. */
  async findOpen(frameworkId: string, now: Date): Promise<ApplicationWindow | undefined> {
    const rows = this.table.listEntities<{ opensAt: string; closesAt: string; tiers: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${frameworkId}` },
    });
    for await (const row of rows) {
      const window: ApplicationWindow = {
        frameworkId,
        fiscalYear: Number(row.rowKey),
        opensAt: row.opensAt,
        closesAt: row.closesAt,
        tiers: row.tiers ? row.tiers.split(';') : [],
      };
      if (isWindowOpen(window, now)) return window;
    }
    return undefined;
  }
}
