import { fiscalYearOf, liveFiscalYears } from '../../domain/applications/fiscalYear';
import type { Framework } from '../../domain/framework/framework';
import { programsToTake, upcomingSessionsFor, type Learner, type OfferedSession } from '../../domain/training/nextTrainings';
import type { TrainingRecord } from '../../domain/training/trainingRecord';
import { todayInJapan, type TrainingSession } from '../../domain/training/trainingSession';
import type { ApplicationRepository } from '../../storage/applicationRepository';
import type { AssessmentSummaryRepository } from '../../storage/assessmentSummaryRepository';
import type { TrainingSessionRepository } from '../../storage/trainingSessionRepository';
import type { Sender } from '../personalTurn';

/** What comes next for the employee: the upcoming sessions offered, and whether any program is meant for them at all. */
export interface WhatIsNext {
  readonly sessions: readonly OfferedSession[];
  /** False for someone neither a candidate nor self-assessed: nothing tells yet which trainings suit them. */
  readonly anyProgramMeant: boolean;
}

/** Where what is ahead of someone is read from. */
export interface WhatIsAheadDeps {
  readonly trainingSessions: Pick<TrainingSessionRepository, 'listFrom'>;
  readonly summaries: Pick<AssessmentSummaryRepository, 'find'>;
  readonly applications: Pick<ApplicationRepository, 'listYears'>;
  readonly now: () => Date;
}

/** Who someone is as a learner, and the framework's sessions from today on. */
export interface WhatIsAhead {
  readonly learner: Learner;
  readonly sessions: readonly TrainingSession[];
  readonly today: string;
}

/**
 * Reads, at once, what decides what is next for someone: whether they are a candidate (HR selected their application
 * this fiscal year or the one before, so the tier's required trainings are ahead of them), the target of their latest
 * self-assessment, and the upcoming sessions of the framework.
 */
export async function readWhatIsAhead(who: Sender, deps: WhatIsAheadDeps): Promise<WhatIsAhead> {
  const now = deps.now();
  const today = todayInJapan(now);
  const [selected, summary, sessions] = await Promise.all([
    deps.applications.listYears(who.framework.id, liveFiscalYears(fiscalYearOf(now)), { applicantId: who.aadObjectId, state: 'selected' }),
    deps.summaries.find(who.framework.id, who.aadObjectId),
    deps.trainingSessions.listFrom(who.framework.id, today),
  ]);
  // The newest candidacy: last year's, still moving, only when there is none this year.
  const candidacy = selected.at(-1)?.application;
  const learner: Learner = {
    ...(candidacy ? { candidacy: { tierId: candidacy.track, fiscalYear: candidacy.fiscalYear } } : {}),
    ...(summary ? { target: summary.target } : {}),
  };
  return { learner, sessions, today };
}

/** The upcoming sessions of the programs meant for someone and not yet taken: the domain's choice. */
export function whatIsNext(framework: Framework, ahead: WhatIsAhead, records: readonly TrainingRecord[]): WhatIsNext {
  const { learner } = ahead;
  return {
    sessions: upcomingSessionsFor(programsToTake(framework, learner, records), ahead.sessions, ahead.today),
    anyProgramMeant: learner.candidacy !== undefined || learner.target !== undefined,
  };
}
