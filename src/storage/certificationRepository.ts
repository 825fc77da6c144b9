import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import { findEntity, writeIfUnchanged } from './entities';
import { isConcurrencyConflict, isNotFound } from './storageErrors';
import { escapeKey, MAX_PAGE } from './tables';

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
    const e = await findEntity<CertificationEntity>(
      this.table,
      frameworkId,
      escapeKey(aadObjectId.toLowerCase()),
    );
    // The id as the caller knows it: the row key is its lower-case form.
    return e && { certification: { ...toCertification(e), aadObjectId }, etag: e.etag };
  }

  /** Every certification of a framework, a page at a time (one row per certified or appointed employee). */
  async *pages(frameworkId: string, pageSize = MAX_PAGE): AsyncIterable<Certification[]> {
    const filter = odata`PartitionKey eq ${frameworkId}`;
    const pages = this.table.listEntities<CertificationEntity>({ queryOptions: { filter } }).byPage({ maxPageSize: pageSize });
    for await (const page of pages) if (page.length > 0) yield page.map(toCertification);
  }

  /**
   * Removes an employee's certification if it is as it was read (an appointment ended). False when it changed
   * meanwhile or was already gone.
   */
  async removeIfUnchanged(frameworkId: string, aadObjectId: string, etag: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(frameworkId, escapeKey(aadObjectId.toLowerCase()), { etag });
      return true;
    } catch (err) {
      if (isNotFound(err) || isConcurrencyConflict(err)) return false;
      throw err;
    }
  }
}

type CertificationEntity = Omit<Certification, 'frameworkId' | 'aadObjectId'>;

function toCertification(e: TableEntityResult<CertificationEntity>): Certification {
  const { tier, fiscalYear, certifiedAt, applicationId } = e;
  return {
    frameworkId: e.partitionKey!,
    aadObjectId: decodeURIComponent(e.rowKey!),
    tier,
    fiscalYear,
    certifiedAt,
    applicationId,
  };
}

function toEntity(certification: Certification): Record<string, string | number> & { partitionKey: string; rowKey: string } {
  const { frameworkId, aadObjectId, ...rest } = certification;
  return { partitionKey: frameworkId, rowKey: escapeKey(aadObjectId.toLowerCase()), ...rest };
}
