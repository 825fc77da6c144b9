import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { sessionKey, type TrainingSession } from '../domain/training/trainingSession';
import type { ProgressListener } from './datasetStore';
import { escapeKey, MAX_BATCH } from './tables';

/** What replacing a file's sessions did. */
export interface StoredSessions {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  /** Upcoming sessions of the file's programs that the file no longer names. */
  readonly removed: number;
}

type SessionEntity = {
  readonly programId: string;
  readonly date: string;
  /** Empty for none: Table storage keeps no property for undefined, and a filter is simpler on a string. */
  readonly startTime: string;
  readonly place: string;
  readonly capacity: number;
  readonly enrol: string;
};

/**
 * Scheduled sessions of the framework's programs, one partition per framework (a city has a few hundred a year at
 * most, and the bot reads the upcoming ones of all programs at once), one row per program, day, start and place.
 */
export class TrainingSessionRepository {
  constructor(private readonly table: TableClient) {}

  /** The sessions held on or after a day (YYYY-MM-DD), of every program, in no particular order. */
  async listFrom(frameworkId: string, fromDay: string): Promise<TrainingSession[]> {
    return this.list(odata`PartitionKey eq ${escapeKey(frameworkId)} and date ge ${fromDay}`);
  }

  /**
   * Stores a file's sessions as the complete list of the upcoming sessions (from `today`) of the programs it names:
   * new and changed sessions are written, the same ones are not touched, and upcoming sessions of those programs the
   * file no longer names are removed. Past sessions, and programs the file does not name, stay as they were.
   * Everything goes in transactions of the one partition: a city's file of up to a hundred changes is all or nothing,
   * and a larger one, should storage fail half way, is completed by importing it again.
   */
  async replaceUpcoming(frameworkId: string, sessions: readonly TrainingSession[], today: string, onProgress?: ProgressListener): Promise<StoredSessions> {
    const stored = new Map((await this.list(odata`PartitionKey eq ${escapeKey(frameworkId)}`)).map((s) => [sessionKey(s), s]));
    const named = new Set(sessions.map((s) => s.programId));
    const inFile = new Set(sessions.map(sessionKey));
    const writes = sessions.filter((s) => !sameSession(stored.get(sessionKey(s)), s));
    const removals = [...stored.values()].filter((s) => named.has(s.programId) && s.date >= today && !inFile.has(sessionKey(s)));
    const actions: TransactionAction[] = [
      ...writes.map((s): TransactionAction => ['upsert', toEntity(frameworkId, s), 'Replace']),
      ...removals.map((s): TransactionAction => ['delete', { partitionKey: escapeKey(frameworkId), rowKey: rowKeyOf(s) }]),
    ];
    onProgress?.(0, actions.length);
    for (let start = 0; start < actions.length; start += MAX_BATCH) {
      await this.table.submitTransaction(actions.slice(start, start + MAX_BATCH));
      onProgress?.(Math.min(start + MAX_BATCH, actions.length), actions.length);
    }
    const added = writes.filter((s) => !stored.has(sessionKey(s))).length;
    return { added, changed: writes.length - added, unchanged: sessions.length - writes.length, removed: removals.length };
  }

  private async list(filter: string): Promise<TrainingSession[]> {
    const sessions: TrainingSession[] = [];
    for await (const e of this.table.listEntities<SessionEntity>({ queryOptions: { filter } })) sessions.push(toSession(e));
    return sessions;
  }
}

function sameSession(stored: TrainingSession | undefined, session: TrainingSession): boolean {
  return stored !== undefined && stored.capacity === session.capacity && stored.enrol === session.enrol;
}

function rowKeyOf(session: TrainingSession): string {
  return escapeKey(`${session.programId}:${session.date}:${session.startTime ?? ''}:${session.place ?? ''}`);
}

function toEntity(frameworkId: string, session: TrainingSession): SessionEntity & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: escapeKey(frameworkId),
    rowKey: rowKeyOf(session),
    programId: session.programId,
    date: session.date,
    startTime: session.startTime ?? '',
    place: session.place ?? '',
    // 0 for no limit: a file's capacity is at least 1.
    capacity: session.capacity ?? 0,
    enrol: session.enrol,
  };
}

function toSession(e: SessionEntity): TrainingSession {
  return {
    programId: e.programId,
    date: e.date,
    ...(e.startTime ? { startTime: e.startTime } : {}),
    ...(e.place ? { place: e.place } : {}),
    ...(e.capacity > 0 ? { capacity: e.capacity } : {}),
    enrol: e.enrol,
  };
}
