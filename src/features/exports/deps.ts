import type { ExportPreparer } from '../../exporting/exportPreparer';
import type { Logger } from '../../logger';
import type { ApplicationRepository } from '../../storage/applicationRepository';
import type { AssessmentSummaryRepository } from '../../storage/assessmentSummaryRepository';
import type { BroadcastRepository } from '../../storage/broadcastRepository';
import type { ExportChunkRepository } from '../../storage/exportChunkRepository';
import type { RosterRepository } from '../../storage/rosterRepository';
import type { CardUpdater } from './cardUpdates';

/** What HR's exports need from outside: what they export, where the files are prepared, and how cards are updated. */
export interface ExportsDeps {
  readonly roster: RosterRepository;
  readonly applications: Pick<ApplicationRepository, 'countYear' | 'pagesOfYear'>;
  readonly summaries: Pick<AssessmentSummaryRepository, 'count' | 'pages'>;
  readonly broadcasts: Pick<BroadcastRepository, 'count' | 'pages'>;
  readonly exports: Pick<ExportChunkRepository, 'find'>;
  readonly preparer: ExportPreparer;
  readonly cards: CardUpdater;
  readonly logger: Logger;
  readonly now: () => Date;
}
