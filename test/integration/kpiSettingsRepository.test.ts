import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { createRepositories } from '../../src/storage/repositories';
import { TABLE_NAMES } from '../../src/storage/tables';
import { createTableStorage } from '../../src/storage/tableStorage';

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const { kpiSettings } = createRepositories(storage);

beforeAll(async () => {
  await storage.ensureTables();
});

/** A framework id nobody else in the run uses, so each test starts with nothing set. */
const newFrameworkId = (): string => `kpi-${randomUUID().slice(0, 8)}`;
const change = (by: string): { by: string; at: string } => ({ by, at: '2026-06-01T00:00:00.000Z' });

describe('KpiSettingsRepository', () => {
  it('reads nothing before HR sets anything', async () => {
    const read = await kpiSettings.read(newFrameworkId());
    expect(read.settings).toEqual({ targets: [] });
    expect(read.etags.size).toBe(0);
  });

  it('writes targets for all tiers and for one, and the baseline, and reads them back with who set them', async () => {
    const frameworkId = newFrameworkId();
    const before = await kpiSettings.read(frameworkId);
    const written = await kpiSettings.write(
      frameworkId,
      [
        { kind: 'target', target: { fiscalYear: 2026, count: 300 } },
        { kind: 'target', target: { fiscalYear: 2026, tier: 'gold', count: 50 } },
        { kind: 'target', target: { fiscalYear: 2025, count: 0 } },
        { kind: 'baseline', count: 2228 },
      ],
      before,
      change('hr-1'),
    );
    expect(written).toBe(true);
    const after = await kpiSettings.read(frameworkId);
    expect(after.settings).toEqual({
      targets: [
        { fiscalYear: 2025, count: 0 },
        { fiscalYear: 2026, count: 300 },
        { fiscalYear: 2026, tier: 'gold', count: 50 },
      ],
      baseline: 2228,
    });
    expect(after.version).not.toBe(before.version);
    // The key layout documented in tables.ts, with who changed each value beside it.
    const rows: { rowKey: string; updatedBy: unknown; updatedAt: unknown }[] = [];
    const entities = storage.table(TABLE_NAMES.kpiSettings).listEntities({ queryOptions: { filter: odata`PartitionKey eq ${frameworkId}` } });
    for await (const e of entities) rows.push({ rowKey: e.rowKey!, updatedBy: e.updatedBy, updatedAt: e.updatedAt });
    expect(rows.map((r) => r.rowKey).sort()).toEqual(['baseline', 'target:2025:all', 'target:2026:all', 'target:2026:gold']);
    expect(rows.every((r) => r.updatedBy === 'hr-1' && r.updatedAt === '2026-06-01T00:00:00.000Z')).toBe(true);
  });

  it('replaces a value under its ETag and keeps the others', async () => {
    const frameworkId = newFrameworkId();
    expect(await kpiSettings.write(frameworkId, [{ kind: 'baseline', count: 100 }, { kind: 'target', target: { fiscalYear: 2026, count: 5 } }], await kpiSettings.read(frameworkId), change('hr-1'))).toBe(true);
    const read = await kpiSettings.read(frameworkId);
    expect(await kpiSettings.write(frameworkId, [{ kind: 'baseline', count: 2228 }], read, change('hr-2'))).toBe(true);
    expect((await kpiSettings.read(frameworkId)).settings).toEqual({ targets: [{ fiscalYear: 2026, count: 5 }], baseline: 2228 });
  });

  it('lets only the first of two officers who read the same values write, and writes nothing of the second', async () => {
    const frameworkId = newFrameworkId();
    expect(await kpiSettings.write(frameworkId, [{ kind: 'baseline', count: 1 }], await kpiSettings.read(frameworkId), change('setup'))).toBe(true);
    const first = await kpiSettings.read(frameworkId);
    const second = await kpiSettings.read(frameworkId);
    expect(await kpiSettings.write(frameworkId, [{ kind: 'baseline', count: 2000 }], first, change('hr-1'))).toBe(true);
    // The second write touches a new row too: the transaction fails as a whole, so that row is not created either.
    const late = await kpiSettings.write(
      frameworkId,
      [{ kind: 'target', target: { fiscalYear: 2027, count: 9 } }, { kind: 'baseline', count: 3000 }],
      second,
      change('hr-2'),
    );
    expect(late).toBe(false);
    expect((await kpiSettings.read(frameworkId)).settings).toEqual({ targets: [], baseline: 2000 });
  });

  it('refuses to create a value someone else created since it was read', async () => {
    const frameworkId = newFrameworkId();
    const empty = await kpiSettings.read(frameworkId);
    expect(await kpiSettings.write(frameworkId, [{ kind: 'target', target: { fiscalYear: 2026, count: 10 } }], empty, change('hr-1'))).toBe(true);
    expect(await kpiSettings.write(frameworkId, [{ kind: 'target', target: { fiscalYear: 2026, count: 20 } }], empty, change('hr-2'))).toBe(false);
    expect((await kpiSettings.read(frameworkId)).settings.targets).toEqual([{ fiscalYear: 2026, count: 10 }]);
  });
});
