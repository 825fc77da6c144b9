import { fiscalYearOfDay } from '../applications/fiscalYear';
import type { Framework } from '../framework/framework';
import type { Program } from '../framework/schema';
import type { TrainingRecord, TrainingStatus } from './trainingRecord';

/** Statuses that count as having taken a training: attending it is what the strategy asks (必須研修の受講). */
const TAKEN: ReadonlySet<TrainingStatus> = new Set(['attended', 'completed']);

/** One required training of a candidate, and the day they took it in the year that counts, if they did. */
export interface RequiredTrainingProgress {
  readonly program: Program;
  readonly takenOn?: string;
}

/** The programs a tier's certification requires, in the framework's order; none for a tier without any. */
export function requiredProgramsOf(framework: Framework, tierId: string): Program[] {
  return framework.document.programs.filter((program) => program.requiredFor.includes(tierId));
}

/** Whether a record counts as taking its program: attended or completed (an absence does not). */
export function isTaken(record: Pick<TrainingRecord, 'status'>): boolean {
  return TAKEN.has(record.status);
}

/**
 * A candidate's required trainings for a tier and which they took from 1 April of their application's fiscal year
 * on: a training taken in an earlier year was for an earlier certification (the project's parts differ by tier), so it
 * does not count; one taken after 31 March does, since selection and trainings may run into the next year. The
 * earliest session taken is the one shown.
 */
export function requiredTrainingProgress(
  framework: Framework,
  tierId: string,
  fiscalYear: number,
  records: readonly TrainingRecord[],
): RequiredTrainingProgress[] {
  return requiredProgramsOf(framework, tierId).map((program) => {
    const days = records
      .filter((r) => r.programId === program.id && isTaken(r) && fiscalYearOfDay(r.date) >= fiscalYear)
      .map((r) => r.date)
      .sort();
    return days[0] === undefined ? { program } : { program, takenOn: days[0] };
  });
}

/** Whether every required training is taken: false when there are none (nothing records the step then). */
export function allRequiredTaken(progress: readonly RequiredTrainingProgress[]): boolean {
  return progress.length > 0 && progress.every((p) => p.takenOn !== undefined);
}
