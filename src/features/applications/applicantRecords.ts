import type { Application } from '../../domain/applications/application';
import type { TrainingRecord } from '../../domain/training/trainingRecord';
import type { TrainingRecordRepository } from '../../storage/trainingRecordRepository';

/** Where applicants' training records are read from. */
export type TrainingRecordReader = Pick<TrainingRecordRepository, 'listForEmployee' | 'listForEmployees'>;

/** An applicant's training records, found by the employee number the application recorded. */
export function recordsOfApplicant(records: TrainingRecordReader, application: Application): Promise<TrainingRecord[]> {
  return records.listForEmployee(application.frameworkId, application.applicant.employeeNo);
}

/** Every applicant's training records, by employee number (the applications are of one framework). */
export async function recordsOfApplicants(records: TrainingRecordReader, applications: readonly Application[]): Promise<Map<string, TrainingRecord[]>> {
  const frameworkId = applications[0]?.frameworkId;
  return frameworkId === undefined ? new Map() : records.listForEmployees(frameworkId, applications.map((a) => a.applicant.employeeNo));
}
