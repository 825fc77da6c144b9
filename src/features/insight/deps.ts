import type { Logger } from '../../logger';
import type { ApplicationRepository } from '../../storage/applicationRepository';
import type { AssessmentSummaryRepository } from '../../storage/assessmentSummaryRepository';
import type { CertificationRepository } from '../../storage/certificationRepository';
import type { KpiSettingsRepository } from '../../storage/kpiSettingsRepository';
import type { RosterRepository } from '../../storage/rosterRepository';
import type { TrainingRecordRepository } from '../../storage/trainingRecordRepository';

/** What HR's KPI needs from outside: where the figures come from (training records among them) and where HR's targets are kept. */
export interface KpiDeps {
  readonly roster: RosterRepository;
  readonly assessmentSummaries: AssessmentSummaryRepository;
  readonly applications: ApplicationRepository;
  readonly certifications: CertificationRepository;
  readonly kpiSettings: KpiSettingsRepository;
  readonly trainingRecords: Pick<TrainingRecordRepository, 'participantsIn' | 'listForEmployees'>;
  readonly logger: Logger;
  readonly now: () => Date;
}
