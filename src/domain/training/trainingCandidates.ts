import type { Application } from '../applications/application';
import { liveFiscalYears } from '../applications/fiscalYear';
import type { Framework } from '../framework/framework';
import type { Program } from '../framework/schema';
import { allRequiredTaken, requiredProgramsOf, requiredTrainingProgress, type RequiredTrainingProgress } from './requiredTrainings';
import type { TrainingRecord } from './trainingRecord';

/**
 * The most candidates one confirmation moves: the card lists each of them and carries their application ids, and the
 * click is answered once every one is moved and told, within the few seconds Teams gives a card action. The rest are
 * listed again once these are moved.
 */
export const MOVED_AT_ONCE = 50;

/** A selected candidate and their tier's required trainings, as the training records show them. */
export interface CandidateTrainings {
  readonly application: Application;
  readonly progress: readonly RequiredTrainingProgress[];
}

/** The selected candidates of a year, sorted by what their training records say. */
export interface CandidatesByTrainings {
  /** Every required training of their tier taken in the application's fiscal year: ready for 必須研修修了. */
  readonly ready: CandidateTrainings[];
  /** At least one required training not recorded yet. */
  readonly missing: CandidateTrainings[];
  /** A track without required trainings (the professional track, a tier without any): only HR's own judgement moves them. */
  readonly noneRequired: Application[];
}

/** Whether the framework names required trainings for any tier at all (Moka's and Kunisaki's do not). */
export function hasRequiredTrainings(framework: Framework): boolean {
  return framework.document.programs.some((program) => program.requiredFor.length > 0);
}

/** Whether a track is a tier whose certification requires trainings (the professional track never is). */
export function requiresTrainings(framework: Framework, track: string): boolean {
  return requiredProgramsOf(framework, track).length > 0;
}

/** An application's required trainings and which its applicant took, counted from the application's fiscal year on. */
export function trainingsOf(framework: Framework, application: Application, records: readonly TrainingRecord[]): RequiredTrainingProgress[] {
  return requiredTrainingProgress(framework, application.track, application.fiscalYear, records);
}

/** The required trainings not recorded as taken. */
export function notTaken(progress: readonly RequiredTrainingProgress[]): Program[] {
  return progress.filter((p) => p.takenOn === undefined).map((p) => p.program);
}

/**
 * Whether the records move this application to 必須研修修了 now: it is selected, of the year HR moves or the one before
 * (selection and trainings may run past 31 March), and its
 * tier's required trainings are all taken. Anything else (moved meanwhile, a record deleted since) is left as it is.
 */
export function readyForTrainingCompleted(
  framework: Framework,
  application: Application,
  fiscalYear: number,
  records: readonly TrainingRecord[],
): boolean {
  if (application.state !== 'selected' || !liveFiscalYears(fiscalYear).includes(application.fiscalYear)) return false;
  return allRequiredTaken(trainingsOf(framework, application, records));
}

/** Sorts selected candidates by their records; `recordsOf` gives an applicant's records by employee number. */
export function sortByTrainings(
  framework: Framework,
  applications: readonly Application[],
  recordsOf: (employeeNo: string) => readonly TrainingRecord[],
): CandidatesByTrainings {
  const sorted: CandidatesByTrainings = { ready: [], missing: [], noneRequired: [] };
  for (const application of applications) {
    if (!requiresTrainings(framework, application.track)) {
      sorted.noneRequired.push(application);
      continue;
    }
    const progress = trainingsOf(framework, application, recordsOf(application.applicant.employeeNo));
    (allRequiredTaken(progress) ? sorted.ready : sorted.missing).push({ application, progress });
  }
  return sorted;
}
