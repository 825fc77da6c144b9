import { createHash } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { KpiSettings, KpiTarget } from '../domain/insight/targets';
import { isConcurrencyConflict } from './storageErrors';

/** One value HR sets: a fiscal year's target (for a tier, or all tiers with none), or the baseline. */
export type KpiSettingValue = { readonly kind: 'target'; readonly target: KpiTarget } | { readonly kind: 'baseline'; readonly count: number };

/** The settings as read, and what a conditional write needs: each row's ETag and a version of the whole. */
export interface StoredKpiSettings {
  readonly settings: KpiSettings;
  /**
   * Changes whenever any value is written: a card carries it, so a save made from a card showing older values
   * is refused instead of overwriting what another HR officer set meanwhile.
   */
  readonly version: string;
  readonly etags: ReadonlyMap<string, string>;
}

/** Who changed a value and when, kept beside it for anyone reading the table. */
export interface KpiChange {
  readonly by: string;
  readonly at: string;
}

type SettingEntity = { count: number; updatedBy: string; updatedAt: string };

const BASELINE = 'baseline';
/**
 * The RowKey of a target: "target:2026:all" for all tiers together, "target:2026:gold" for one tier. A framework
 * must not name a tier "all" (none does; the key layout would take it for all tiers together).
 */
const TARGET_KEY = /^target:(\d{4}):([a-z0-9][a-z0-9-]{0,63})$/;
const ALL_TIERS = 'all';

/** HR's KPI settings: one partition per framework, one row per value (see tables.ts). */
export class KpiSettingsRepository {
  constructor(private readonly table: TableClient) {}

  /** Everything HR has set for a framework (nothing before HR sets anything). */
  async read(frameworkId: string): Promise<StoredKpiSettings> {
    const targets: KpiTarget[] = [];
    let baseline: number | undefined;
    const etags = new Map<string, string>();
    const rows = this.table.listEntities<SettingEntity>({ queryOptions: { filter: odata`PartitionKey eq ${frameworkId}` } });
    for await (const row of rows) {
      const key = row.rowKey!;
      etags.set(key, row.etag);
      const target = TARGET_KEY.exec(key);
      if (key === BASELINE) baseline = row.count;
      else if (target) targets.push(targetFromKey(Number(target[1]), target[2]!, row.count));
    }
    targets.sort((a, b) => a.fiscalYear - b.fiscalYear || (a.tier ?? '').localeCompare(b.tier ?? ''));
    const settings: KpiSettings = baseline === undefined ? { targets } : { targets, baseline };
    return { settings, version: versionOf(etags), etags };
  }

  /**
   * Writes values all or nothing, only if nothing changed since `read` was read: each row is created if it did not
   * exist then and replaced under its ETag if it did, in one transaction (one partition). False, writing nothing,
   * when another write came first.
   */
  async write(frameworkId: string, values: readonly KpiSettingValue[], read: StoredKpiSettings, change: KpiChange): Promise<boolean> {
    if (values.length === 0) return true;
    const actions = values.map((value): TransactionAction => {
      const rowKey = rowKeyOf(value);
      const entity = {
        partitionKey: frameworkId,
        rowKey,
        count: value.kind === 'baseline' ? value.count : value.target.count,
        updatedBy: change.by,
        updatedAt: change.at,
      };
      const etag = read.etags.get(rowKey);
      return etag ? ['update', entity, 'Replace', { etag }] : ['create', entity];
    });
    try {
      await this.table.submitTransaction(actions);
      return true;
    } catch (err) {
      if (isConcurrencyConflict(err)) return false;
      throw err;
    }
  }
}

function targetFromKey(fiscalYear: number, tier: string, count: number): KpiTarget {
  return tier === ALL_TIERS ? { fiscalYear, count } : { fiscalYear, tier, count };
}

function rowKeyOf(value: KpiSettingValue): string {
  return value.kind === 'baseline' ? BASELINE : `target:${value.target.fiscalYear}:${value.target.tier ?? ALL_TIERS}`;
}

/** A short digest of every row's key and ETag: equal exactly when nothing was written in between. */
function versionOf(etags: ReadonlyMap<string, string>): string {
  const lines = [...etags].sort(([a], [b]) => a.localeCompare(b)).map(([key, etag]) => `${key}=${etag}`);
  return createHash('sha256').update(lines.join('\n')).digest('base64url').slice(0, 22);
}
