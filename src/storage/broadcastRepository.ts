import { odata, type TableClient, type TableEntity, type TableEntityResult } from '@azure/data-tables';
import { z } from 'zod/v4';
import type { Broadcast, BroadcastState } from '../domain/broadcast/broadcast';
import { RowTooLargeError } from './datasetStore';
import { countEntities, findEntity, writeIfUnchanged } from './entities';
import { escapeKey, INVERTED_TIME_ID_PATTERN, MAX_PAGE, MAX_STRING_CHARS, newInvertedTimeId } from './tables';

/** A new broadcast id: newest first in RowKey order. */
export function newBroadcastId(now: Date): string {
  return newInvertedTimeId(now);
}

/** A broadcast id as card payloads and queue messages carry it. */
export const BROADCAST_ID = z.string().regex(INVERTED_TIME_ID_PATTERN);

/** The states `isActive` accepts: the sender looks for these across every framework. */
const ACTIVE_STATES: readonly BroadcastState[] = ['scheduled', 'sending'];

/** The parts of a broadcast stored as JSON, one column each, so each stays within Azure's string limit on its own. */
const JSON_FIELDS = ['notice', 'audience', 'card', 'progress', 'progressCard', 'createdBy', 'cancelRequestedBy'] as const;
type JsonField = (typeof JSON_FIELDS)[number];

type BroadcastEntity = Pick<
  Broadcast,
  'state' | 'round' | 'preparedRound' | 'createdAt' | 'startAt' | 'confirmedAt' | 'startedAt' | 'finishedAt'
> & { [F in JsonField]?: string };

/** Broadcasts, one partition per framework, newest first; `state` is a column so active ones can be found. */
export class BroadcastRepository {
  constructor(private readonly table: TableClient) {}

  /** Stores a new broadcast and returns it with its ETag; a 409 if the id exists. */
  async create(broadcast: Broadcast): Promise<Broadcast> {
    const response = await this.table.createEntity(toEntity(broadcast));
    return { ...broadcast, etag: response.etag };
  }

  async find(frameworkId: string, id: string): Promise<Broadcast | undefined> {
    const e = await findEntity<BroadcastEntity>(this.table, escapeKey(frameworkId), escapeKey(id));
    return e && toBroadcast(e);
  }

  /** Saves a change only if nobody wrote since `etag` was read; undefined when someone did (re-read and decide again). */
  async update(broadcast: Broadcast, etag: string): Promise<Broadcast | undefined> {
    const written = await writeIfUnchanged(this.table, toEntity(broadcast), etag);
    return written === undefined ? undefined : { ...broadcast, etag: written };
  }

  /** A framework's latest broadcasts, newest first. */
  async listRecent(frameworkId: string, limit = 10): Promise<Broadcast[]> {
    const found: Broadcast[] = [];
    const pages = this.table
      .listEntities<BroadcastEntity>({ queryOptions: { filter: odata`PartitionKey eq ${escapeKey(frameworkId)}` } })
      .byPage({ maxPageSize: limit });
    for await (const page of pages) {
      for (const e of page) {
        found.push(toBroadcast(e));
        if (found.length >= limit) return found;
      }
    }
    return found;
  }

  /** How many broadcasts a framework has, drafts included. */
  async count(frameworkId: string): Promise<number> {
    return countEntities(this.table, odata`PartitionKey eq ${escapeKey(frameworkId)}`);
  }

  /** Every broadcast of a framework, newest first, a page at a time. */
  async *pages(frameworkId: string): AsyncIterable<Broadcast[]> {
    const filter = odata`PartitionKey eq ${escapeKey(frameworkId)}`;
    const pages = this.table.listEntities<BroadcastEntity>({ queryOptions: { filter } }).byPage({ maxPageSize: MAX_PAGE });
    for await (const page of pages) if (page.length > 0) yield page.map(toBroadcast);
  }

  /** Every broadcast the sender still has work for (scheduled or sending), across all frameworks. */
  async listActive(): Promise<Broadcast[]> {
    const filter = ACTIVE_STATES.map((state) => odata`state eq ${state}`).join(' or ');
    const found: Broadcast[] = [];
    for await (const e of this.table.listEntities<BroadcastEntity>({ queryOptions: { filter } })) found.push(toBroadcast(e));
    return found;
  }
}

function toEntity(b: Broadcast): TableEntity<BroadcastEntity> {
  const json = Object.fromEntries(JSON_FIELDS.map((field) => [field, jsonColumn(b, field)]));
  return {
    partitionKey: escapeKey(b.frameworkId),
    rowKey: escapeKey(b.id),
    state: b.state,
    round: b.round,
    preparedRound: b.preparedRound,
    createdAt: b.createdAt,
    startAt: b.startAt,
    confirmedAt: b.confirmedAt,
    startedAt: b.startedAt,
    finishedAt: b.finishedAt,
    ...json,
  };
}

/** One part as JSON, refused before anything is written when Azure would refuse it (Azurite would not). */
function jsonColumn(b: Broadcast, field: JsonField): string | undefined {
  if (b[field] === undefined) return undefined;
  const text = JSON.stringify(b[field]);
  if (text.length > MAX_STRING_CHARS) {
    throw new RowTooLargeError(`broadcast ${b.id}: its ${field} is ${text.length} characters; Table storage allows ${MAX_STRING_CHARS}`);
  }
  return text;
}

function toBroadcast(e: TableEntityResult<BroadcastEntity>): Broadcast {
  const json = Object.fromEntries(
    JSON_FIELDS.flatMap((field) => (e[field] === undefined ? [] : [[field, JSON.parse(e[field]) as unknown]])),
  );
  return {
    id: decodeURIComponent(e.rowKey!),
    frameworkId: decodeURIComponent(e.partitionKey!),
    state: e.state,
    round: e.round,
    preparedRound: e.preparedRound,
    createdAt: e.createdAt,
    startAt: e.startAt,
    confirmedAt: e.confirmedAt,
    startedAt: e.startedAt,
    finishedAt: e.finishedAt,
    ...(json as Pick<Broadcast, 'notice' | 'audience' | 'progress' | 'createdBy'>),
    etag: e.etag,
  };
}
