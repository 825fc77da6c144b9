import { fiscalYearOf } from '../../domain/applications/fiscalYear';
import { programsToTake, upcomingSessionsFor, type Learner } from '../../domain/training/nextTrainings';
import type { TrainingRecord } from '../../domain/training/trainingRecord';
import { todayInJapan } from '../../domain/training/trainingSession';
import type { ApplicationRepository } from '../../storage/applicationRepository';
import type { AssessmentSummaryRepository } from '../../storage/assessmentSummaryRepository';
import type { TrainingSessionRepository } from '../../storage/trainingSessionRepository';
import type { Sender } from '../personalTurn';
import type { WhatIsNext } from './views/trainingRecordCard';

/** Where what is next for someone is read from. */
export interface WhatIsNextDeps {
  readonly trainingSessions: Pick<TrainingSessionRepository, 'listFrom'>;
  readonly summaries: Pick<AssessmentSummaryRepository, 'find'>;
  readonly applications: Pick<ApplicationRepository, 'list'>;
  readonly now: () => Date;
}

/**
 * What someone is meant to take next, read in one go (three reads at once): whether they are a candidate this fiscal
 * year (HR selected their application: the tier's required trainings are ahead of them), the target of their latest
 * self-assessment, and the upcoming sessions of the framework; then the choice is the domain's.
 */
export async function whatIsNext(who: Sender, records: readonly TrainingRecord[], deps: WhatIsNextDeps): Promise<WhatIsNext> {
  const now = deps.now();
  const today = todayInJapan(now);
  const fiscalYear = fiscalYearOf(now);
  const [selected, summary, sessions] = await Promise.all([
    deps.applications.list(who.framework.id, fiscalYear, { applicantId: who.aadObjectId, state: 'selected' }),
    deps.summaries.find(who.framework.id, who.aadObjectId),
    deps.trainingSessions.listFrom(who.framework.id, today),
  ]);
  const candidacy = selected[0]?.application;
  const learner: Learner = {
    ...(candidacy ? { candidacy: { tierId: candidacy.track, fiscalYear: candidacy.fiscalYear } } : {}),
    ...(summary ? { target: summary.target } : {}),
  };
  const offered = programsToTake(who.framework, learner, records);
  return { sessions: upcomingSessionsFor(offered, sessions, today), anyProgramMeant: learner.candidacy !== undefined || learner.target !== undefined };
}
