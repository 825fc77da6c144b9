import type { ExportPreparer } from '../../exporting/exportPreparer';
import type { Logger } from '../../logger';
import type { ApplicationRepository } from '../../storage/applicationRepository';
import type { AssessmentSummaryRepository } from '../../storage/assessmentSummaryRepository';
import type { BroadcastRepository } from '../../storage/broadcastRepository';
import type { DeliveryRepository } from '../../storage/deliveryRepository';
import type { ExportChunkRepository } from '../../storage/exportChunkRepository';
import type { RosterRepository } from '../../storage/rosterRepository';
import type { TrainingRecordRepository } from '../../storage/trainingRecordRepository';
import type { CardUpdater } from './cardUpdates';
import type { Handover } from './handover';

/**
 * What HR's exports need from outside: what they export, where the files are prepared, how cards are updated, and
 * how a ready file reaches its requester.
 */
export interface ExportsDeps {
  readonly roster: RosterRepository;
  readonly applications: Pick<ApplicationRepository, 'countYear' | 'pagesOfYear'>;
  readonly summaries: Pick<AssessmentSummaryRepository, 'count' | 'pages'>;
  readonly broadcasts: Pick<BroadcastRepository, 'count' | 'pages' | 'find'>;
  readonly deliveries: Pick<DeliveryRepository, 'pages'>;
  readonly trainingRecords: Pick<TrainingRecordRepository, 'countOfFramework' | 'pagesOfFramework'>;
  readonly exports: Pick<ExportChunkRepository, 'find' | 'texts' | 'delete'>;
  readonly preparer: ExportPreparer;
  readonly cards: CardUpdater;
  readonly handover: Handover;
  readonly logger: Logger;
  readonly now: () => Date;
}
