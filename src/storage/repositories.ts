import type { Logger } from '../logger';
import { ApplicationRepository } from './applicationRepository';
import { ApplicationWindowRepository } from './applicationWindowRepository';
import { BroadcastRepository } from './broadcastRepository';
import { CertificationRepository } from './certificationRepository';
import { AssessmentRepository } from './assessmentRepository';
import { AssessmentSummaryRepository } from './assessmentSummaryRepository';
import { ConversationRepository } from './conversationRepository';
import { DatasetStore } from './datasetStore';
import { DeliveryRepository } from './deliveryRepository';
import { EvaluationRepository } from './evaluationRepository';
import { ExportChunkRepository } from './exportChunkRepository';
import { ExportLinkRepository } from './exportLinkRepository';
import { FrameworkRepository } from './frameworkRepository';
import { KpiSettingsRepository } from './kpiSettingsRepository';
import { LeaseRepository } from './leaseRepository';
import { OutboxRepository } from './outboxRepository';
import { RosterRepository, type RosterRecheck } from './rosterRepository';
import { QUEUE_NAMES, TABLE_NAMES } from './tables';
import type { TableStorage } from './tableStorage';
import { TrainingParticipationRepository } from './trainingParticipationRepository';
import { TrainingRecordRepository } from './trainingRecordRepository';
import { TrainingSessionRepository } from './trainingSessionRepository';
import { WorkQueue } from './workQueue';

/** Every repository the bot and the import commands use. */
export interface Repositories {
  readonly frameworks: FrameworkRepository;
  readonly roster: RosterRepository;
  readonly conversations: ConversationRepository;
  readonly assessments: AssessmentRepository;
  readonly assessmentSummaries: AssessmentSummaryRepository;
  readonly applicationWindows: ApplicationWindowRepository;
  readonly applications: ApplicationRepository;
  readonly certifications: CertificationRepository;
  readonly broadcasts: BroadcastRepository;
  readonly deliveries: DeliveryRepository;
  readonly leases: LeaseRepository;
  readonly exportLinks: ExportLinkRepository;
  readonly exportChunks: ExportChunkRepository;
  readonly kpiSettings: KpiSettingsRepository;
  readonly evaluations: EvaluationRepository;
  readonly outbox: OutboxRepository;
  readonly trainingRecords: TrainingRecordRepository;
  readonly trainingSessions: TrainingSessionRepository;
}

/**
 * Wires the repositories to their tables. A bot passes how often the roster is checked for a new import (see
 * RosterRepository); the import commands do not, and read it afresh every time.
 */
export function createRepositories(storage: TableStorage, rosterRecheck?: RosterRecheck): Repositories {
  const heads = storage.table(TABLE_NAMES.datasets);
  return {
    frameworks: new FrameworkRepository(new DatasetStore('framework', heads, storage.table(TABLE_NAMES.frameworkItems))),
    roster: new RosterRepository(new DatasetStore('roster', heads, storage.table(TABLE_NAMES.rosterEntries)), rosterRecheck),
    conversations: new ConversationRepository(storage.table(TABLE_NAMES.conversations)),
    assessments: new AssessmentRepository(storage.table(TABLE_NAMES.assessments)),
    assessmentSummaries: new AssessmentSummaryRepository(storage.table(TABLE_NAMES.assessmentSummaries)),
    applicationWindows: new ApplicationWindowRepository(storage.table(TABLE_NAMES.applicationWindows)),
    applications: new ApplicationRepository(storage.table(TABLE_NAMES.applications)),
    certifications: new CertificationRepository(storage.table(TABLE_NAMES.certifications)),
    broadcasts: new BroadcastRepository(storage.table(TABLE_NAMES.broadcasts)),
    deliveries: new DeliveryRepository(storage.table(TABLE_NAMES.broadcastDeliveries)),
    leases: new LeaseRepository(storage.table(TABLE_NAMES.leases)),
    exportLinks: new ExportLinkRepository(storage.table(TABLE_NAMES.exportLinks)),
    exportChunks: new ExportChunkRepository(storage.table(TABLE_NAMES.exportChunks)),
    kpiSettings: new KpiSettingsRepository(storage.table(TABLE_NAMES.kpiSettings)),
    evaluations: new EvaluationRepository(storage.table(TABLE_NAMES.evaluations), storage.table(TABLE_NAMES.evaluationRatings)),
    outbox: new OutboxRepository(storage.table(TABLE_NAMES.outbox)),
    trainingRecords: new TrainingRecordRepository(
      storage.table(TABLE_NAMES.trainingRecords),
      new TrainingParticipationRepository(storage.table(TABLE_NAMES.trainingParticipation)),
    ),
    trainingSessions: new TrainingSessionRepository(storage.table(TABLE_NAMES.trainingSessions)),
  };
}

/** The queue of broadcast work; it logs the messages it has to drop. */
export function createWorkQueue(storage: TableStorage, logger: Logger): WorkQueue {
  return new WorkQueue(storage.queue(QUEUE_NAMES.broadcastWork), logger);
}
