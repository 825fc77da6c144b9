import { randomBytes } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod/v4';
import { findEntity } from './entities';
import { isConcurrencyConflict, isNotFound } from './storageErrors';
import { MAX_BATCH } from './tables';

/**
 * A download link to a prepared export, for local runs only (see FILE_DELIVERY): unguessable, short-lived and good
 * for one download. The token is the secret.
 */
export interface ExportLink {
  readonly token: string;
  readonly exportId: string;
  /** The Entra id of who asked for it. */
  readonly requestedBy: string;
  readonly expiresAt: string;
}

/** 32 random bytes in base64url: 43 characters, nothing Table storage forbids in a key. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const STORED_LINK = z.object({
  exportId: z.string(),
  requestedBy: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});

const PARTITION = 'link';

/** Export links, one row per token, deleted when used or expired. */
export class ExportLinkRepository {
  constructor(private readonly table: TableClient) {}

  /** Stores a new link under a fresh random token. */
  async create(link: Omit<ExportLink, 'token'>): Promise<ExportLink> {
    const token = randomBytes(32).toString('base64url');
    await this.table.createEntity({ partitionKey: PARTITION, rowKey: token, ...link });
    return { token, ...link };
  }

  /**
   * Uses up a link: the link behind the token, deleted in the same step, so a second request (a forwarded link, a
   * scanner's pre-fetch after the user's own) finds nothing. Undefined when there is none, the token is malformed,
   * the link has expired, or another request took it first.
   */
  async take(token: string, now: Date): Promise<ExportLink | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const e = await findEntity<Record<string, unknown>>(this.table, PARTITION, token);
    const stored = STORED_LINK.safeParse(e);
    if (!e || !stored.success) return undefined;
    try {
      await this.table.deleteEntity(PARTITION, token, { etag: e.etag });
    } catch (error) {
      if (isNotFound(error) || isConcurrencyConflict(error)) return undefined;
      throw error;
    }
    return Date.parse(stored.data.expiresAt) > now.getTime() ? { token, ...stored.data } : undefined;
  }

  /** Deletes the links that expired unused. */
  async deleteExpired(now: Date): Promise<number> {
    const filter = odata`PartitionKey eq ${PARTITION} and expiresAt lt ${now.toISOString()}`;
    const tokens: string[] = [];
    for await (const e of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) tokens.push(e.rowKey!);
    for (let start = 0; start < tokens.length; start += MAX_BATCH) {
      const batch = tokens.slice(start, start + MAX_BATCH);
      await this.table.submitTransaction(batch.map((rowKey): TransactionAction => ['delete', { partitionKey: PARTITION, rowKey }]));
    }
    return tokens.length;
  }
}
