import type { StorageProxy } from '../test/faults/storageProxy';
import { now } from './measure';

/** What one action cost: its time on Azurite, and the requests and rows it made storage serve. */
export interface StorageCost {
  readonly ms: number;
  readonly calls: number;
  readonly rowsRead: number;
  /** What the reads weigh against Azure's target for 1 KiB entities: each answer's entities, or its KiB if more. */
  readonly kibEntitiesRead: number;
  /** Entity-group transactions among the calls (up to 100 entities each). */
  readonly batches: number;
}

/** Runs `action` and counts what it asked of storage through `proxy`: nothing else may use the proxy meanwhile. */
export async function costOf(proxy: StorageProxy, action: () => Promise<unknown>): Promise<StorageCost> {
  const from = proxy.requests.length;
  const t0 = now();
  await action();
  const ms = now() - t0;
  const requests = proxy.requests.slice(from);
  return {
    ms,
    calls: requests.length,
    rowsRead: requests.reduce((sum, r) => sum + r.rows, 0),
    kibEntitiesRead: requests.reduce((sum, r) => sum + Math.max(r.rows, r.bytes / 1024), 0),
    batches: requests.filter((r) => r.path.includes('$batch')).length,
  };
}

/**
 * Azure Table storage's documented targets (learn.microsoft.com, "Scalability and performance targets for Table
 * storage"): up to 2,000 entities a second per partition (1 KiB entities), 20,000 a second per account; a query answers
 * at most 1,000 entities a page. Table storage documents no latency; 10 ms a round trip within a region is what we
 * assume (Azure Cosmos DB's Table API promises reads under 10 ms at the 99th percentile; Table storage promises nothing).
 */
export const AZURE = { callMs: 10, entitiesPerSecondPerPartition: 2_000, entitiesPerBatch: 100 } as const;

/**
 * What an action would take on Azure, from its counts rather than from Azurite's time (Azurite scans whole tables
 * where Azure reads an index): every call one round trip, one after another, plus every entity read or written at the
 * partition's target rate, a read weighing as many 1 KiB entities as its answer has KiB where that is more (a packed row
 * of a hundred employees is no cheaper than their hundred rows). Pessimistic on both counts: the bot makes some calls
 * in parallel, and entities under 1 KiB count as whole ones.
 */
export function azureMs(cost: StorageCost): number {
  const entities = cost.kibEntitiesRead + cost.batches * AZURE.entitiesPerBatch;
  return cost.calls * AZURE.callMs + (entities / AZURE.entitiesPerSecondPerPartition) * 1000;
}
