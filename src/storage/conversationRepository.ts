import { odata, type TableClient } from '@azure/data-tables';
import { BoundedMap } from '../boundedMap';
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

/**
 * How long this instance trusts that a record it wrote is still what storage holds. Within it, the same record is not
 * written again; after it, once more, which mends a row changed or lost behind the bot's back.
 */
const TRUST_WRITTEN_MS = 60 * 60 * 1000;
/** Records remembered as written: one per person who talked to this instance lately, in a city of 10,000. */
const WRITTEN_KEPT = 10_000;

/** Conversation references, one per user (and per team), kept current on every message. */
export class ConversationRepository {
  /** What this instance wrote lately, per row: the record as text, and when. */
  private readonly written = new BoundedMap<string, { readonly record: string; readonly at: number }>(WRITTEN_KEPT);

  constructor(
    private readonly table: TableClient,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records (or refreshes) where to reach someone. A record this instance wrote the same lately is not written again,
   * so the turns of someone talking to the bot cost no storage call for it. Merges, so an activity that lacks a name or
   * locale (an install event has no name) does not blank what an earlier one recorded.
   */
  async save(record: ConversationRecord): Promise<void> {
    const rowKey = rowKeyOf(record.scope, record.key);
    const known = Object.fromEntries(
      Object.entries({ name: record.name, tenantId: record.tenantId, locale: record.locale }).filter(([, v]) => v),
    );
    const entity = { partitionKey: record.scope, rowKey, ...known, reference: JSON.stringify(record.reference) };
    const asText = JSON.stringify(entity);
    const last = this.written.get(rowKey);
    if (last?.record === asText && this.now() - last.at < TRUST_WRITTEN_MS) return;
    await this.table.upsertEntity({ ...entity, updatedAt: new Date().toISOString() }, 'Merge');
    this.written.set(rowKey, { record: asText, at: this.now() });
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
