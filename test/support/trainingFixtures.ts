import type { Application } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import type { Assessment } from '../../src/domain/assessment/assessment';
import { scoreAssessment } from '../../src/domain/assessment/scoring';
import type { Framework } from '../../src/domain/framework/framework';
import { newAssessmentId } from '../../src/storage/assessmentRepository';
import type { TestUser } from './botHarness';

/** An application HR has selected this fiscal year (as the bot counts it, in Japan time): its applicant is a candidate. */
export function selectedApplication(frameworkId: string, applicant: TestUser, employeeNo: string, track: string): Application {
  const fiscalYear = fiscalYearOf(new Date());
  const at = new Date().toISOString();
  return {
    id: `${fiscalYear}-${track}-${applicant.aadObjectId.toLowerCase()}`,
    frameworkId,
    fiscalYear,
    track,
    applicant: { aadObjectId: applicant.aadObjectId, name: applicant.name, employeeNo, department: '政策局', grade: '主任' },
    approver: { aadObjectId: '00000000-0000-4000-8000-00000000ffff', name: '門司 花子' },
    motivation: '窓口のオンライン予約を全区に広げたいです。',
    state: 'selected',
    submittedAt: at,
    updatedAt: at,
    trail: [],
  };
}

/** A self-assessment finished a moment ago, every category at `level`, nothing rated, aiming at `target`. */
export function completedAssessment(framework: Framework, frameworkId: string, who: TestUser, level: number, target: number): Assessment {
  const now = new Date();
  const rolePositions = Object.fromEntries(framework.categories.map((c) => [c.id, level]));
  return {
    id: newAssessmentId(now),
    userId: who.aadObjectId,
    frameworkId,
    status: 'completed',
    rolePositions,
    ratings: {},
    target,
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    completedAt: now.toISOString(),
    result: scoreAssessment(framework, rolePositions, {}, target),
  };
}
