import type { ApplicationState } from '../applications/application';
import type { Framework } from '../framework/framework';
import type { Program } from '../framework/schema';
import { allRequiredTaken, fiscalYearOfDay, isTaken, requiredTrainingProgress } from '../training/requiredTrainings';
import type { TrainingRecord } from '../training/trainingRecord';
import { isCandidate } from './funnel';

/**
 * Who took which program in one fiscal year, counted from records a page at a time: a person is counted once per
 * program however many sessions they attended. Only the records of the employees named in `keepRecordsOf` (the year's
 * candidates, a few hundred at most) are kept, for their required trainings; the rest are counted and dropped.
 */
export class YearParticipation {
  private readonly participants = new Map<string, Set<string>>();
  private readonly kept = new Map<string, TrainingRecord[]>();

  constructor(
    readonly fiscalYear: number,
    private readonly keepRecordsOf: ReadonlySet<string> = new Set(),
  ) {}

  /** Counts a page of records; an absence, or a session of another year, counts nowhere. */
  add(records: readonly TrainingRecord[]): void {
    for (const record of records) {
      if (!isTaken(record) || fiscalYearOfDay(record.date) !== this.fiscalYear) continue;
      const people = this.participants.get(record.programId) ?? new Set<string>();
      this.participants.set(record.programId, people.add(record.employeeNo));
      if (!this.keepRecordsOf.has(record.employeeNo)) continue;
      const theirs = this.kept.get(record.employeeNo);
      if (theirs) theirs.push(record);
      else this.kept.set(record.employeeNo, [record]);
    }
  }

  /** The distinct employees who took a program in the year. */
  count(programId: string): number {
    return this.participants.get(programId)?.size ?? 0;
  }

  /** The taken records of the year of an employee named in `keepRecordsOf`. */
  recordsOf(employeeNo: string): readonly TrainingRecord[] {
    return this.kept.get(employeeNo) ?? [];
  }
}

/** One program's participants in a fiscal year, against its target for a year where the framework sets one. */
export interface ProgramParticipation {
  readonly program: Program;
  readonly participants: number;
  /** The target's count spread over its years (5,000 over 5 years is 1,000 a year), rounded to whole people. */
  readonly yearlyTarget?: number;
}

/** The programs with a target or with participants in the year, in the framework's order. */
export function participationByProgram(framework: Framework, participation: YearParticipation): ProgramParticipation[] {
  return framework.document.programs.flatMap((program) => {
    const participants = participation.count(program.id);
    const target = program.participationTarget;
    if (!target && participants === 0) return [];
    return [target ? { program, participants, yearlyTarget: Math.round(target.count / target.years) } : { program, participants }];
  });
}

/** What the figures need of one application to count its candidate's required trainings. */
export interface CandidacyFacts {
  readonly employeeNo: string;
  readonly track: string;
  readonly state: ApplicationState;
}

/**
 * The year's candidates who finished their required trainings: by the applications' state (HR moved them to 必須研修修了,
 * or certified them), and by the records; 'none' for a framework whose tiers require no training.
 */
export type RequiredTrainingCount =
  | { readonly kind: 'none' }
  | { readonly kind: 'counted'; readonly candidates: number; readonly byState: number; readonly byRecords: number };

/** The states of an application whose required trainings HR has recorded as completed. */
const TRAINING_COMPLETED: ReadonlySet<ApplicationState> = new Set(['trainingCompleted', 'certified']);

/**
 * Counts the candidates of the year (past manager approval and selected), each person once: finished by state when
 * one of their applications is, by records when every required training of one of their tracks is taken in the year.
 */
export function requiredTrainingCount(
  framework: Framework,
  applications: Iterable<CandidacyFacts>,
  participation: YearParticipation,
): RequiredTrainingCount {
  if (!framework.document.programs.some((p) => p.requiredFor.length > 0)) return { kind: 'none' };
  const candidates = new Set<string>();
  const byState = new Set<string>();
  const byRecords = new Set<string>();
  for (const a of applications) {
    if (!isCandidate(a.state)) continue;
    candidates.add(a.employeeNo);
    if (TRAINING_COMPLETED.has(a.state)) byState.add(a.employeeNo);
    const progress = requiredTrainingProgress(framework, a.track, participation.fiscalYear, participation.recordsOf(a.employeeNo));
    if (allRequiredTaken(progress)) byRecords.add(a.employeeNo);
  }
  return { kind: 'counted', candidates: candidates.size, byState: byState.size, byRecords: byRecords.size };
}

