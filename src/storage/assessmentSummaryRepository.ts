import type { TableClient, TableEntityResult } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import type { Assessment } from '../domain/assessment/assessment';
import type { AssessmentFacts } from '../domain/insight/assessed';
import { countEntities, findEntity, writeIfUnchanged } from './entities';
import { escapeKey, MAX_PAGE } from './tables';

/** A summary that lost a race is read and written again this often: someone finishing two assessments at once. */
const WRITE_TRIES = 5;

/**
 * An employee's latest completed self-assessment, as HR's figures, exports and a manager's team view need it: levels
 * and gaps, never the answers themselves.
 */
export interface AssessmentSummary {
  readonly frameworkId: string;
  readonly aadObjectId: string;
  readonly assessmentId: string;
  readonly completedAt: string;
  readonly overallRoleLevel: number;
  readonly skillLevel: number;
  readonly target: number;
  /** The level whose role fits, per category id. */
  readonly rolePositions: Readonly<Record<string, number>>;
  /** Required skills up to the target not yet mastered, lower levels first. */
  readonly gapSkillIds: readonly string[];
}

interface SummaryEntity {
  assessmentId: string;
  completedAt: string;
  overallRoleLevel: number;
  skillLevel: number;
  target: number;
  rolePositions: string;
  gapSkillIds: string;
}

/** The summary of a completed assessment; undefined for one that is not completed. */
export function summaryOf(assessment: Assessment): AssessmentSummary | undefined {
  const { result, completedAt } = assessment;
  if (assessment.status !== 'completed' || !result || !completedAt) return undefined;
  return {
    frameworkId: assessment.frameworkId,
    aadObjectId: assessment.userId.toLowerCase(),
    assessmentId: assessment.id,
    completedAt,
    overallRoleLevel: result.overallRoleLevel,
    skillLevel: result.skillLevel,
    target: result.target,
    rolePositions: result.rolePositions,
    gapSkillIds: result.gaps.map((g) => g.skillId),
  };
}

/** Latest summaries, one partition per framework and one row per employee (lower-case Entra id). */
export class AssessmentSummaryRepository {
  constructor(private readonly table: TableClient) {}

  /** Keeps the summary if it is newer than the stored one; an older one (a late retry) changes nothing. */
  async record(summary: AssessmentSummary): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const current = await findEntity<SummaryEntity>(this.table, escapeKey(summary.frameworkId), keyOf(summary.aadObjectId));
      if (current && current.completedAt >= summary.completedAt) return;
      if ((await writeIfUnchanged(this.table, toEntity(summary), current?.etag)) !== undefined) return;
      if (attempt >= WRITE_TRIES) throw new Error('assessment summary: too many concurrent writes');
    }
  }

  async find(frameworkId: string, aadObjectId: string): Promise<AssessmentSummary | undefined> {
    const e = await findEntity<SummaryEntity>(this.table, escapeKey(frameworkId), keyOf(aadObjectId));
    return e && toSummary(e);
  }

  /** How many employees have a summary in a framework. */
  async count(frameworkId: string): Promise<number> {
    return countEntities(this.table, odata`PartitionKey eq ${escapeKey(frameworkId)}`);
  }

  /** Every summary of a framework, a page at a time, so 10,000 of them are never all held at once. */
  async *pages(frameworkId: string, pageSize = MAX_PAGE): AsyncIterable<AssessmentSummary[]> {
    const filter = odata`PartitionKey eq ${escapeKey(frameworkId)}`;
    const pages = this.table.listEntities<SummaryEntity>({ queryOptions: { filter } }).byPage({ maxPageSize: pageSize });
    for await (const page of pages) if (page.length > 0) yield page.map(toSummary);
  }

  /** Whose summaries a framework has and the levels they found, a page at a time: the rest of each row is never read. */
  async *levelPages(frameworkId: string): AsyncIterable<AssessmentFacts[]> {
    const filter = odata`PartitionKey eq ${escapeKey(frameworkId)}`;
    const select = ['RowKey', 'overallRoleLevel', 'skillLevel'];
    const pages = this.table
      .listEntities<Pick<SummaryEntity, 'overallRoleLevel' | 'skillLevel'>>({ queryOptions: { filter, select } })
      .byPage({ maxPageSize: MAX_PAGE });
    for await (const page of pages) {
      yield page.map((e) => ({ aadObjectId: decodeURIComponent(e.rowKey!), overallRoleLevel: e.overallRoleLevel, skillLevel: e.skillLevel }));
    }
  }
}

function keyOf(aadObjectId: string): string {
  return escapeKey(aadObjectId.toLowerCase());
}

function toEntity(s: AssessmentSummary): SummaryEntity & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: escapeKey(s.frameworkId),
    rowKey: keyOf(s.aadObjectId),
    assessmentId: s.assessmentId,
    completedAt: s.completedAt,
    overallRoleLevel: s.overallRoleLevel,
    skillLevel: s.skillLevel,
    target: s.target,
    rolePositions: JSON.stringify(s.rolePositions),
    gapSkillIds: JSON.stringify(s.gapSkillIds),
  };
}

function toSummary(e: TableEntityResult<SummaryEntity>): AssessmentSummary {
  return {
    frameworkId: decodeURIComponent(e.partitionKey!),
    aadObjectId: decodeURIComponent(e.rowKey!),
    assessmentId: e.assessmentId,
    completedAt: e.completedAt,
    overallRoleLevel: e.overallRoleLevel,
    skillLevel: e.skillLevel,
    target: e.target,
    rolePositions: JSON.parse(e.rolePositions) as Record<string, number>,
    gapSkillIds: JSON.parse(e.gapSkillIds) as string[],
  };
}
