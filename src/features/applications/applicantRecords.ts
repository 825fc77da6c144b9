import { forEachLimited } from '../../concurrency';
import type { Application } from '../../domain/applications/application';
import type { TrainingRecord } from '../../domain/training/trainingRecord';
import type { TrainingRecordRepository } from '../../storage/trainingRecordRepository';

/** Where applicants' training records are read from. */
export type TrainingRecordReader = Pick<TrainingRecordRepository, 'listForEmployee'>;

/** Applicants whose records are read at once: each is one partition, and a year's candidates should not flood storage. */
const APPLICANTS_AT_ONCE = 8;

/** An applicant's training records, found by the employee number the application recorded. */
export function recordsOfApplicant(records: TrainingRecordReader, application: Application): Promise<TrainingRecord[]> {
  return records.listForEmployee(application.frameworkId, application.applicant.employeeNo);
}

/** Every applicant's training records, by employee number, read a few applicants at a time. */
export async function recordsOfApplicants(records: TrainingRecordReader, applications: readonly Application[]): Promise<Map<string, TrainingRecord[]>> {
  const byEmployee = new Map<string, TrainingRecord[]>();
  await forEachLimited(applications, APPLICANTS_AT_ONCE, async (application) => {
    byEmployee.set(application.applicant.employeeNo, await recordsOfApplicant(records, application));
  });
  return byEmployee;
}
