import { randomUUID } from 'node:crypto';
import type { AssessmentSummaryRepository } from '../../src/storage/assessmentSummaryRepository';

/**
 * Records someone's finished self-assessment in short, as the assessment does when they complete one (now, aiming one
 * level higher, no gaps listed): for tests that count or list who assessed themselves.
 */
export function recordSelfAssessed(
  summaries: Pick<AssessmentSummaryRepository, 'record'>,
  frameworkId: string,
  aadObjectId: string,
  levels: { overallRoleLevel: number; skillLevel: number },
): Promise<void> {
  return summaries.record({
    frameworkId,
    aadObjectId,
    assessmentId: `${Date.now()}-${randomUUID().slice(0, 8)}`,
    completedAt: new Date().toISOString(),
    ...levels,
    target: levels.overallRoleLevel + 1,
    rolePositions: {},
    gapSkillIds: [],
  });
}
