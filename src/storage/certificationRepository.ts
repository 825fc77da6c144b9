import type { TableClient } from '@azure/data-tables';
import { isConcurrencyConflict, isNotFound } from './storageErrors';
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
    try {
      if (etag) await this.table.updateEntity(toEntity(certification), 'Replace', { etag });
      else await this.table.createEntity(toEntity(certification));
      return true;
    } catch (err) {
      if (isConcurrencyConflict(err)) return false;
      throw err;
    }
  }

  async find(frameworkId: string, aadObjectId: string): Promise<Certification | undefined> {
    return (await this.findWithEtag(frameworkId, aadObjectId))?.certification;
  }

  /** The employee's certification and the ETag it was read with, for `recordIfUnchanged`. */
  async findWithEtag(frameworkId: string, aadObjectId: string): Promise<{ certification: Certification; etag: string } | undefined> {
    try {
      const e = await this.table.getEntity<Omit<Certification, 'frameworkId' | 'aadObjectId'>>(
        frameworkId,
        escapeKey(aadObjectId.toLowerCase()),
      );
      const certification = {
        frameworkId,
        aadObjectId,
        tier: e.tier,
        fiscalYear: e.fiscalYear,
        certifiedAt: e.certifiedAt,
        applicationId: e.applicationId,
      };
      return { certification, etag: e.etag };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}

function toEntity(certification: Certification): Record<string, string | number> & { partitionKey: string; rowKey: string } {
  const { frameworkId, aadObjectId, ...rest } = certification;
  return { partitionKey: frameworkId, rowKey: escapeKey(aadObjectId.toLowerCase()), ...rest };
}
