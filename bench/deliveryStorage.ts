import { randomUUID } from 'node:crypto';
import { DELIVERIES_PER_MESSAGE, rangesOf } from '../src/broadcast/workRanges';
import type { Delivery } from '../src/domain/broadcast/delivery';
import type { DeliveryRepository } from '../src/storage/deliveryRepository';
import { measure, type Stats } from './measure';
import { int } from './table';

/** The storage calls the sender makes for each delivery, timed one at a time against the bench's Azurite. */
export interface DeliveryStorageStats {
  /** A conditional update (claim or outcome) in a partition of a hundred deliveries. */
  readonly writeSmall: Stats;
  /** The same in the partition of a whole broadcast. */
  readonly writeLarge: Stats;
  /** Reading the deliveries one queue message hands out. */
  readonly readRange: Stats;
  /** Rows in the broadcast's partition. */
  readonly partitionRows: number;
}

const WRITES = 200;
const READS = 50;
const SMALL_PARTITION = 100;

/**
 * Times the sender's storage work on a finished broadcast's deliveries: each is rewritten as it is (under its ETag, as
 * the sender writes), so the broadcast's report does not change.
 */
export async function measureDeliveryStorage(deliveries: DeliveryRepository, broadcastId: string): Promise<DeliveryStorageStats> {
  const rows: Delivery[] = [];
  for await (const page of deliveries.pages(broadcastId)) rows.push(...page);
  const spread = rows.filter((_d, i) => i % Math.max(1, Math.floor(rows.length / WRITES)) === 0).slice(0, WRITES);
  const writeLarge = await rewrites(`conditional update, partition of ${int(rows.length)} rows`, deliveries, spread);

  const probeId = `bench-probe-${randomUUID()}`;
  await deliveries.createMissing(spread.slice(0, SMALL_PARTITION).map((d) => ({ ...d, broadcastId: probeId, etag: undefined })));
  const small: Delivery[] = [];
  for await (const page of deliveries.pages(probeId)) small.push(...page);
  const writeSmall = await rewrites(`conditional update, partition of ${int(small.length)} rows`, deliveries, small);

  const ranges = rangesOf(rows.map((d) => d.aadObjectId));
  const readRange = await measure(`range read, one queue message (${DELIVERIES_PER_MESSAGE} rows)`, READS, (i) => {
    const range = ranges[i % ranges.length]!;
    return deliveries.listRange(broadcastId, range.from, range.to);
  });
  return { writeSmall, writeLarge, readRange, partitionRows: rows.length };
}

/** Rewrites the rows in turn, each under the ETag its last write gave it. */
function rewrites(name: string, deliveries: DeliveryRepository, rows: Delivery[]): Promise<Stats> {
  return measure(name, WRITES, async (i) => {
    const row = rows[i % rows.length]!;
    const written = await deliveries.update(row, row.etag!);
    if (!written) throw new Error(`delivery ${row.aadObjectId} changed while the bench rewrote it`);
    rows[i % rows.length] = written;
  });
}
