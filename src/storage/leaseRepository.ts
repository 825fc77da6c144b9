import type { TableClient, TableEntity } from '@azure/data-tables';
import { findEntity, writeIfUnchanged } from './entities';
import { escapeKey } from './tables';

/**
 * A named lease as last read or written: who holds it (an owner, one per process, and the instance it runs on, when
 * known), until when (ms since the epoch), and the ETag to change it.
 */
export interface Lease {
  readonly name: string;
  readonly owner: string;
  readonly instance?: string;
  readonly expiresAt: number;
  readonly etag: string;
}

/** Who asks for a lease: this process, and the instance it runs on when that is known. */
export interface LeaseHolder {
  readonly owner: string;
  /** Set only where an instance runs one process at a time: then an earlier owner on the same instance is gone. */
  readonly instance?: string;
}

type LeaseEntity = { owner: string; instance?: string; expiresAt: bigint };

const PARTITION = 'lease';

/**
 * Leases, so that one instance at a time does a job (e.g. sending) however many run. Every change is written under
 * the ETag it was read with, so of two instances racing for a lease exactly one wins.
 */
export class LeaseRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * Takes the lease when nobody holds it, it has expired, the holder already holds it (then it is renewed), or an
   * earlier owner on the holder's own instance does: that process is gone (a crash), so its lease need not run out.
   * Undefined when another owner holds it, or won the race for it.
   */
  async acquire(name: string, holder: LeaseHolder, durationMs: number, now: number): Promise<Lease | undefined> {
    const current = await findEntity<LeaseEntity>(this.table, PARTITION, escapeKey(name));
    const mine = current?.owner === holder.owner || (holder.instance !== undefined && current?.instance === holder.instance);
    if (current && !mine && Number(current.expiresAt) > now) return undefined;
    return this.write({ name, ...holder, expiresAt: now + durationMs }, current?.etag);
  }

  /** Extends a held lease; undefined when it was lost (someone else took it after it expired). */
  renew(lease: Lease, durationMs: number, now: number): Promise<Lease | undefined> {
    return this.write({ ...lease, expiresAt: now + durationMs }, lease.etag);
  }

  /** Lets the lease go now, so another instance need not wait for it to expire. A lease already lost is left alone. */
  async release(lease: Lease): Promise<void> {
    await this.write({ ...lease, expiresAt: 0 }, lease.etag);
  }

  private async write(lease: Omit<Lease, 'etag'>, etag: string | undefined): Promise<Lease | undefined> {
    // Typed Int64, so a millisecond time is kept exactly whatever the service infers for a bare number (read as a bigint).
    const entity: TableEntity<{ owner: string; instance?: string; expiresAt: { value: string; type: 'Int64' } }> = {
      partitionKey: PARTITION,
      rowKey: escapeKey(lease.name),
      owner: lease.owner,
      ...(lease.instance !== undefined ? { instance: lease.instance } : {}),
      expiresAt: { value: String(lease.expiresAt), type: 'Int64' },
    };
    const written = await writeIfUnchanged(this.table, entity, etag);
    return written === undefined ? undefined : { ...lease, etag: written };
  }
}
