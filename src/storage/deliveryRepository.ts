import { odata, type TableClient, type TableEntity, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { Delivery } from '../domain/broadcast/delivery';
import { findEntity, writeIfUnchanged } from './entities';
import { isConcurrencyConflict } from './storageErrors';
import { escapeKey, MAX_BATCH, MAX_PAGE } from './tables';

type DeliveryEntity = Omit<Delivery, 'broadcastId' | 'aadObjectId' | 'reference' | 'etag'> & { reference?: string };

/**
 * Deliveries, one partition per broadcast and one row per recipient, keyed by the recipient's lower-case Entra id:
 * a recipient can never have two rows, and a contiguous RowKey range is a unit of work for the sender.
 */
export class DeliveryRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * Creates the deliveries that do not exist yet and returns how many it created. An existing row is never changed,
   * so a preparation that died half way can simply run again. Of two deliveries with the same keys, the first counts.
   */
  async createMissing(deliveries: readonly Delivery[]): Promise<number> {
    const partitions = new Map<string, Map<string, TableEntity<DeliveryEntity>>>();
    for (const d of deliveries) {
      const entity = toEntity(d);
      const rows = partitions.get(entity.partitionKey) ?? new Map<string, TableEntity<DeliveryEntity>>();
      if (!rows.has(entity.rowKey)) rows.set(entity.rowKey, entity);
      partitions.set(entity.partitionKey, rows);
    }
    let created = 0;
    for (const rows of partitions.values()) {
      // In RowKey order, so one range query finds which rows of a batch exist already.
      const sorted = [...rows.values()].sort((a, b) => (a.rowKey < b.rowKey ? -1 : 1));
      for (let start = 0; start < sorted.length; start += MAX_BATCH) {
        created += await this.createBatch(sorted.slice(start, start + MAX_BATCH));
      }
    }
    return created;
  }

  /** The deliveries of one broadcast whose recipients' ids are between `from` and `to` (inclusive), in RowKey order. */
  async listRange(broadcastId: string, from: string, to: string): Promise<Delivery[]> {
    const filter = odata`PartitionKey eq ${escapeKey(broadcastId)} and RowKey ge ${keyOf(from)} and RowKey le ${keyOf(to)}`;
    const found: Delivery[] = [];
    for await (const e of this.table.listEntities<DeliveryEntity>({ queryOptions: { filter } })) found.push(toDelivery(e));
    return found;
  }

  /** Every delivery of a broadcast, a page at a time in RowKey order, so 10,000 of them are never all held at once. */
  async *pages(broadcastId: string, pageSize = MAX_PAGE): AsyncIterable<Delivery[]> {
    const filter = odata`PartitionKey eq ${escapeKey(broadcastId)}`;
    const pages = this.table.listEntities<DeliveryEntity>({ queryOptions: { filter } }).byPage({ maxPageSize: pageSize });
    // The service may answer a page with no rows and a continuation: the caller never sees those.
    for await (const page of pages) if (page.length > 0) yield page.map(toDelivery);
  }

  async find(broadcastId: string, aadObjectId: string): Promise<Delivery | undefined> {
    const e = await findEntity<DeliveryEntity>(this.table, escapeKey(broadcastId), keyOf(aadObjectId));
    return e && toDelivery(e);
  }

  /**
   * Saves a change only if nobody wrote since `etag` was read; returns it with its new ETag, or undefined. A caller
   * trying the same write again passes the same `writeId`, so a try that was done although its answer was lost counts
   * as done: taken for someone else's, a delivery sent would stay "sending" in the sender's counts, and its broadcast
   * would not finish until the work went quiet.
   */
  async update(delivery: Delivery, etag: string, writeId?: string): Promise<Delivery | undefined> {
    const written = await writeIfUnchanged(this.table, toEntity(delivery), etag, writeId);
    return written === undefined ? undefined : { ...delivery, etag: written };
  }

  /** Creates a batch in one transaction; when some of its rows exist already, creates only the others. */
  private async createBatch(batch: readonly TableEntity<DeliveryEntity>[]): Promise<number> {
    try {
      await this.table.submitTransaction(batch.map((e): TransactionAction => ['create', e]));
      return batch.length;
    } catch (err) {
      // The whole transaction fails with a 409 when any one row exists: nothing of it was written.
      if (!isConcurrencyConflict(err)) throw err;
    }
    const existing = await this.rowKeysBetween(batch[0]!.partitionKey, batch[0]!.rowKey, batch[batch.length - 1]!.rowKey);
    let created = 0;
    for (const entity of batch) {
      if (existing.has(entity.rowKey)) continue;
      // One by one: a row created since the look-up above is left alone too.
      if ((await writeIfUnchanged(this.table, entity, undefined)) !== undefined) created++;
    }
    return created;
  }

  private async rowKeysBetween(partitionKey: string, first: string, last: string): Promise<Set<string>> {
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${first} and RowKey le ${last}`;
    const keys = new Set<string>();
    for await (const e of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) keys.add(e.rowKey!);
    return keys;
  }
}

/** Entra ids arrive in either case; one recipient must be one row. */
function keyOf(aadObjectId: string): string {
  return escapeKey(aadObjectId.toLowerCase());
}

function toEntity(d: Delivery): TableEntity<DeliveryEntity> {
  return {
    partitionKey: escapeKey(d.broadcastId),
    rowKey: keyOf(d.aadObjectId),
    employeeNo: d.employeeNo,
    name: d.name,
    department: d.department,
    state: d.state,
    attempts: d.attempts,
    round: d.round,
    reference: d.reference && JSON.stringify(d.reference),
    reason: d.reason,
    lastStatus: d.lastStatus,
    notBefore: d.notBefore,
    claimedBy: d.claimedBy,
    sentAt: d.sentAt,
    sentBy: d.sentBy,
    activityId: d.activityId,
    possibleDuplicate: d.possibleDuplicate,
  };
}

function toDelivery(e: TableEntityResult<DeliveryEntity>): Delivery {
  return {
    broadcastId: decodeURIComponent(e.partitionKey!),
    aadObjectId: decodeURIComponent(e.rowKey!),
    employeeNo: e.employeeNo,
    name: e.name,
    department: e.department,
    state: e.state,
    attempts: e.attempts,
    round: e.round,
    reference: e.reference === undefined ? undefined : (JSON.parse(e.reference) as object),
    reason: e.reason,
    lastStatus: e.lastStatus,
    notBefore: e.notBefore,
    claimedBy: e.claimedBy,
    sentAt: e.sentAt,
    sentBy: e.sentBy,
    activityId: e.activityId,
    possibleDuplicate: e.possibleDuplicate,
    etag: e.etag,
  };
}
