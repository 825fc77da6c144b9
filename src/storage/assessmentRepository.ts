import { odata, type TableClient } from '@azure/data-tables';
import { BoundedMap } from '../boundedMap';
import type { Assessment } from '../domain/assessment/assessment';
import { findEntity, writeIfUnchanged, writeOnce } from './entities';
import { escapeKey, newInvertedTimeId } from './tables';

/** An assessment and the ETag it was read with, for a conditional update. */
export interface StoredAssessment {
  readonly assessment: Assessment;
  readonly etag: string;
}

/** A new assessment id: newest first in RowKey order, unguessable enough not to collide. */
export function newAssessmentId(now: Date): string {
  return newInvertedTimeId(now);
}

/** Assessments whose last version this instance keeps: those of people assessing themselves now, a few KB each. */
const LAST_SEEN_KEPT = 1_000;

/** Self-assessments, one partition per employee so that "mine" is all anyone can ever read. */
export class AssessmentRepository {
  /** Each assessment as this instance last read or wrote it, with its ETag (see `lastSeen`). */
  private readonly seen = new BoundedMap<string, StoredAssessment>(LAST_SEEN_KEPT);

  constructor(private readonly table: TableClient) {}

  /** Stores a new assessment; fails if the id exists. */
  async create(assessment: Assessment): Promise<StoredAssessment> {
    const response = await this.table.createEntity(toEntity(assessment));
    return this.remember({ assessment, etag: response.etag! });
  }

  /** One of the user's assessments, or undefined: another user's id is simply not found in this user's partition. */
  async find(userId: string, assessmentId: string): Promise<StoredAssessment | undefined> {
    const e = await findEntity<{ data: string }>(this.table, escapeKey(userId), escapeKey(assessmentId));
    return e && this.remember({ assessment: JSON.parse(e.data) as Assessment, etag: e.etag });
  }

  /**
   * The assessment as this instance last read or wrote it lately, without reading storage: another instance may have
   * changed it since, so it is only a guess for a change written with its ETag, which a 412 proves wrong.
   */
  lastSeen(userId: string, assessmentId: string): StoredAssessment | undefined {
    return this.seen.get(seenKey(userId, assessmentId));
  }

  /** Saves a change only if nobody changed the assessment since `etag` was read (a 412 otherwise). */
  async update(assessment: Assessment, etag: string): Promise<StoredAssessment> {
    return this.remember({ assessment, etag: await writeOnce(this.table, toEntity(assessment), etag) });
  }

  private remember(stored: StoredAssessment): StoredAssessment {
    this.seen.set(seenKey(stored.assessment.userId, stored.assessment.id), stored);
    return stored;
  }

  /** The user's most recent assessments, newest first; only those with `status` when given. */
  async listRecent(userId: string, limit: number, status?: Assessment['status']): Promise<StoredAssessment[]> {
    const partition = escapeKey(userId);
    // Assessment ids start with digits; the marker row ("~current") sorts after them and is left out.
    const filter = status
      ? odata`PartitionKey eq ${partition} and RowKey lt ${MARKER_ROW} and status eq ${status}`
      : odata`PartitionKey eq ${partition} and RowKey lt ${MARKER_ROW}`;
    const found: StoredAssessment[] = [];
    const pages = this.table.listEntities<{ data: string }>({ queryOptions: { filter } }).byPage({ maxPageSize: limit });
    for await (const page of pages) {
      for (const e of page) {
        found.push({ assessment: JSON.parse(e.data) as Assessment, etag: e.etag });
        if (found.length >= limit) return found;
      }
    }
    return found;
  }

  /** The assessment the user last started, and the marker's ETag for `claimCurrent`. */
  async findCurrent(userId: string): Promise<{ assessmentId: string; etag: string } | undefined> {
    const e = await findEntity<{ assessmentId: string }>(this.table, escapeKey(userId), MARKER_ROW);
    return e && { assessmentId: e.assessmentId, etag: e.etag };
  }

  /**
   * Makes `assessmentId` the user's current assessment, if the marker is still as read (`etag`; undefined: no
   * marker yet). False when another start got there first: only one assessment can be started at a time.
   */
  async claimCurrent(userId: string, assessmentId: string, etag: string | undefined): Promise<boolean> {
    return (await writeIfUnchanged(this.table, { partitionKey: escapeKey(userId), rowKey: MARKER_ROW, assessmentId }, etag)) !== undefined;
  }

  /** Removes an assessment that lost the race to be started; it was never shown to anyone. */
  async discard(userId: string, assessmentId: string): Promise<void> {
    this.seen.delete(seenKey(userId, assessmentId));
    await this.table.deleteEntity(escapeKey(userId), escapeKey(assessmentId));
  }
}

/** The per-user row that says which assessment was started last; "~" sorts after every assessment id. */
const MARKER_ROW = '~current';

function seenKey(userId: string, assessmentId: string): string {
  return `${escapeKey(userId)}/${escapeKey(assessmentId)}`;
}

function toEntity(assessment: Assessment): { partitionKey: string; rowKey: string; status: string; data: string } {
  return {
    partitionKey: escapeKey(assessment.userId),
    rowKey: escapeKey(assessment.id),
    status: assessment.status,
    data: JSON.stringify(assessment),
  };
}
