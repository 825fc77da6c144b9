import { randomBytes } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { Assessment } from '../domain/assessment/assessment';
import { isNotFound } from './storageErrors';
import { escapeKey } from './tables';

/** An assessment and the ETag it was read with, for a conditional update. */
export interface StoredAssessment {
  readonly assessment: Assessment;
  readonly etag: string;
}

/** Larger than any millisecond timestamp for centuries: `MAX - now` sorts newest first. */
const INVERTED_TIME_BASE = 10 ** 13;

/** A new assessment id: newest first in RowKey order, unguessable enough not to collide. */
export function newAssessmentId(now: Date): string {
  const inverted = String(INVERTED_TIME_BASE - now.getTime()).padStart(13, '0');
  return `${inverted}-${randomBytes(4).toString('hex')}`;
}

/** Self-assessments, one partition per employee so that "mine" is all anyone can ever read. */
export class AssessmentRepository {
  constructor(private readonly table: TableClient) {}

  /** Stores a new assessment; fails if the id exists. */
  async create(assessment: Assessment): Promise<StoredAssessment> {
    const response = await this.table.createEntity(toEntity(assessment));
    return { assessment, etag: response.etag! };
  }

  /** One of the user's assessments, or undefined: another user's id is simply not found in this user's partition. */
  async find(userId: string, assessmentId: string): Promise<StoredAssessment | undefined> {
    try {
      const e = await this.table.getEntity<{ data: string }>(escapeKey(userId), escapeKey(assessmentId));
      return { assessment: JSON.parse(e.data) as Assessment, etag: e.etag };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Saves a change only if nobody changed the assessment since `etag` was read (a 412 otherwise). */
  async update(assessment: Assessment, etag: string): Promise<StoredAssessment> {
    const response = await this.table.updateEntity(toEntity(assessment), 'Replace', { etag });
    return { assessment, etag: response.etag! };
  }

  /** The user's most recent assessments, newest first. */
  async listRecent(userId: string, limit: number): Promise<StoredAssessment[]> {
    const found: StoredAssessment[] = [];
    const pages = this.table
      .listEntities<{ data: string }>({ queryOptions: { filter: odata`PartitionKey eq ${escapeKey(userId)}` } })
      .byPage({ maxPageSize: limit });
    for await (const page of pages) {
      for (const e of page) {
        found.push({ assessment: JSON.parse(e.data) as Assessment, etag: e.etag });
        if (found.length >= limit) return found;
      }
    }
    return found;
  }
}

function toEntity(assessment: Assessment): { partitionKey: string; rowKey: string; status: string; data: string } {
  return {
    partitionKey: escapeKey(assessment.userId),
    rowKey: escapeKey(assessment.id),
    status: assessment.status,
    data: JSON.stringify(assessment),
  };
}
