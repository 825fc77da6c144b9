import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod/v4';
import { findEntity } from './entities';

/** What a link downloads: a broadcast's report (read at download time), or an export prepared beforehand. */
const LINK_KINDS = ['broadcastReport', 'preparedExport'] as const;

/** A short-lived, unguessable link to download an export (e.g. a broadcast's report as CSV); the token is the secret. */
export interface ExportLink {
  readonly token: string;
  readonly kind: (typeof LINK_KINDS)[number];
  readonly frameworkId: string;
  /** What is exported: the broadcast id, or the prepared export's id. */
  readonly subjectId: string;
  /** The Entra id of who asked for it. */
  readonly requestedBy: string;
  readonly expiresAt: string;
}

/** 32 random bytes in base64url: 43 characters, nothing Table storage forbids in a key. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const STORED_LINK = z.object({
  kind: z.enum(LINK_KINDS),
  frameworkId: z.string(),
  subjectId: z.string(),
  requestedBy: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});

const PARTITION = 'link';

/** Export links, one row per token. An expired link is never found again (its row stays: a few a year). */
export class ExportLinkRepository {
  constructor(private readonly table: TableClient) {}

  /** Stores a new link under a fresh random token. */
  async create(link: Omit<ExportLink, 'token'>): Promise<ExportLink> {
    const token = randomBytes(32).toString('base64url');
    await this.table.createEntity({ partitionKey: PARTITION, rowKey: token, ...link });
    return { token, ...link };
  }

  /** The link behind a token, or undefined when there is none, the token is malformed, or the link has expired. */
  async find(token: string, now: Date): Promise<ExportLink | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const e = await findEntity<Record<string, unknown>>(this.table, PARTITION, token);
    const stored = STORED_LINK.safeParse(e);
    if (!stored.success || Date.parse(stored.data.expiresAt) <= now.getTime()) return undefined;
    return { token, ...stored.data };
  }
}
