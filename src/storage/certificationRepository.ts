import type { TableClient } from '@azure/data-tables';
import { isNotFound } from './storageErrors';
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

  async record(certification: Certification): Promise<void> {
    const { frameworkId, aadObjectId, ...rest } = certification;
    await this.table.upsertEntity(
      { partitionKey: frameworkId, rowKey: escapeKey(aadObjectId.toLowerCase()), ...rest },
      'Replace',
    );
  }

  async find(frameworkId: string, aadObjectId: string): Promise<Certification | undefined> {
    try {
      const e = await this.table.getEntity<Omit<Certification, 'frameworkId' | 'aadObjectId'>>(
        frameworkId,
        escapeKey(aadObjectId.toLowerCase()),
      );
      return {
        frameworkId,
        aadObjectId,
        tier: e.tier,
        fiscalYear: e.fiscalYear,
        certifiedAt: e.certifiedAt,
        applicationId: e.applicationId,
      };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}
