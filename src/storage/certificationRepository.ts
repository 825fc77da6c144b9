import type { TableClient } from '@azure/data-tables';
import { findEntity, writeIfUnchanged } from './entities';
import { escapeKey } from './tables';

/** The tier an employee was certified for, and when. */
export interface Certification {
  readonly frameworkId: string;
  readonly aadObjectId: string;
  readonly tier: string;
  readonly fiscalYear: number;
  readonly certifiedAt: string;
  readonly applicationId: string;
}

/** Certified tiers, one row per employee: a later certification (Silver, then Gold) replaces the earlier one. */
export class CertificationRepository {
  constructor(private readonly table: TableClient) {}

  /** Records a certification whatever was there before. */
  async record(certification: Certification): Promise<void> {
    await this.table.upsertEntity(toEntity(certification), 'Replace');
  }

  /**
   * Records a certification only if the employee's row is as it was read (`etag`; undefined: there was none).
   * False when another certification was recorded meanwhile: the caller reads again and decides again.
   */
  async recordIfUnchanged(certification: Certification, etag: string | undefined): Promise<boolean> {
    return (await writeIfUnchanged(this.table, toEntity(certification), etag)) !== undefined;
  }

  async find(frameworkId: string, aadObjectId: string): Promise<Certification | undefined> {
    return (await this.findWithEtag(frameworkId, aadObjectId))?.certification;
  }

  /** The employee's certification and the ETag it was read with, for `recordIfUnchanged`. */
  async findWithEtag(frameworkId: string, aadObjectId: string): Promise<{ certification: Certification; etag: string } | undefined> {
    const e = await findEntity<Omit<Certification, 'frameworkId' | 'aadObjectId'>>(
      this.table,
      frameworkId,
      escapeKey(aadObjectId.toLowerCase()),
    );
    if (!e) return undefined;
    const { tier, fiscalYear, certifiedAt, applicationId } = e;
    return { certification: { frameworkId, aadObjectId, tier, fiscalYear, certifiedAt, applicationId }, etag: e.etag };
  }
}

function toEntity(certification: Certification): Record<string, string | number> & { partitionKey: string; rowKey: string } {
  const { frameworkId, aadObjectId, ...rest } = certification;
  return { partitionKey: frameworkId, rowKey: escapeKey(aadObjectId.toLowerCase()), ...rest };
}
