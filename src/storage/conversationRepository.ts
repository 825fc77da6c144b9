import { odata, type TableClient } from '@azure/data-tables';
import { escapeKey } from './tables';
import { findEntity } from './entities';

/** Where and how to reach someone proactively (a broadcast, a decision). */
export interface ConversationRecord {
  /** "user" for a personal chat with the bot, "team" for a team the bot was added to. */
  readonly scope: 'user' | 'team';
  /** The user's Entra object id, or the team's id. */
  readonly key: string;
  readonly name?: string;
  readonly tenantId?: string;
  readonly locale?: string;
  /** The Bot Framework conversation reference, as botbuilder produces it. */
  readonly reference: object;
}

/** Conversation references, one per user (and per team), kept current on every message. */
export class ConversationRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * Records (or refreshes) where to reach someone. Merges, so an activity that lacks a name or locale
   * (an install event has no name) does not blank what an earlier one recorded.
   */
  async save(record: ConversationRecord): Promise<void> {
    const known = Object.fromEntries(
      Object.entries({ name: record.name, tenantId: record.tenantId, locale: record.locale }).filter(([, v]) => v),
    );
    await this.table.upsertEntity(
      {
        partitionKey: record.scope,
        rowKey: rowKeyOf(record.scope, record.key),
        ...known,
        reference: JSON.stringify(record.reference),
        updatedAt: new Date().toISOString(),
      },
      'Merge',
    );
  }

  /** The reference for one user or team, or undefined if the bot never heard from them. */
  async find(scope: 'user' | 'team', key: string): Promise<ConversationRecord | undefined> {
    const e = await findEntity<ConversationEntity>(this.table, scope, rowKeyOf(scope, key));
    return e && toRecord(scope, key, e);
  }

  /**
   * Every user's personal chat, keyed by lower-case Entra id: who a broadcast can reach. The listing reads a page
   * (up to 1,000 rows) per request, so 10,000 of them cost ten requests.
   */
  async listUsers(): Promise<Map<string, ConversationRecord>> {
    const users = new Map<string, ConversationRecord>();
    const rows = this.table.listEntities<ConversationEntity>({ queryOptions: { filter: odata`PartitionKey eq ${'user'}` } });
    for await (const e of rows) {
      const key = decodeURIComponent(e.rowKey!);
      users.set(key, toRecord('user', key, e));
    }
    return users;
  }
}

type ConversationEntity = { name?: string; tenantId?: string; locale?: string; reference: string };

function toRecord(scope: 'user' | 'team', key: string, e: ConversationEntity): ConversationRecord {
  return {
    scope,
    key,
    name: e.name || undefined,
    tenantId: e.tenantId || undefined,
    locale: e.locale || undefined,
    reference: JSON.parse(e.reference) as object,
  };
}

/** Entra object ids are GUIDs that clients send in either case; one person must be one row. */
function rowKeyOf(scope: 'user' | 'team', key: string): string {
  return escapeKey(scope === 'user' ? key.toLowerCase() : key);
}
