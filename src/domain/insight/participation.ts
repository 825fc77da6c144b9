import { pastTrainings, type ApplicationState } from '../applications/application';
import type { Framework } from '../framework/framework';
import type { Program } from '../framework/schema';
import { fiscalYearOfDay } from '../applications/fiscalYear';
import { allRequiredTaken, isTaken, requiredTrainingProgress } from '../training/requiredTrainings';
import { hasRequiredTrainings } from '../training/trainingCandidates';
import type { TrainingRecord } from '../training/trainingRecord';
import { isCandidate } from './funnel';

/** What HR's figures know of a fiscal year's trainings: participants per program, and the candidates' records. */
export interface YearTrainings {
  readonly fiscalYear: number;
  /** The distinct employees who took each program in the year, by program id (as kept when records are written). */
  readonly participants: ReadonlyMap<string, number>;
  /** The records of the year's candidates (the ones their required trainings are counted from), by employee number. */
  readonly candidatesRecords: ReadonlyMap<string, readonly TrainingRecord[]>;
}

/**
 * Who took which program in one fiscal year, counted from records a page at a time: a person is counted once per
 * program however many sessions they attended. What the records' repository keeps for the year when it writes them.
 */
export class YearParticipation {
  private readonly participants = new Map<string, Set<string>>();

  constructor(readonly fiscalYear: number) {}

  /** Counts a page of records; an absence, or a session of another year, counts nowhere. */
  add(records: readonly TrainingRecord[]): void {
    for (const record of records) {
      if (!isTaken(record) || fiscalYearOfDay(record.date) !== this.fiscalYear) continue;
      const people = this.participants.get(record.programId) ?? new Set<string>();
      this.participants.set(record.programId, people.add(record.employeeNo));
    }
  }

  /** Every program's distinct participants, by program id. */
  counts(): Map<string, number> {
    return new Map([...this.participants].map(([programId, people]) => [programId, people.size]));
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
export function participationByProgram(framework: Framework, participation: YearTrainings): ProgramParticipation[] {
  return framework.document.programs.flatMap((program) => {
    const participants = participation.participants.get(program.id) ?? 0;
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

/**
 * Counts the candidates of the year (past manager approval and selected), each person once: finished by state when
 * one of their applications is, by records when every required training of one of their tracks is taken in the year.
 */
export function requiredTrainingCount(
  framework: Framework,
  applications: Iterable<CandidacyFacts>,
  participation: YearTrainings,
): RequiredTrainingCount {
  if (!hasRequiredTrainings(framework)) return { kind: 'none' };
  const candidates = new Set<string>();
  const byState = new Set<string>();
  const byRecords = new Set<string>();
  for (const a of applications) {
    if (!isCandidate(a.state)) continue;
    candidates.add(a.employeeNo);
    if (pastTrainings(a.state)) byState.add(a.employeeNo);
    const progress = requiredTrainingProgress(framework, a.track, participation.fiscalYear, participation.candidatesRecords.get(a.employeeNo) ?? []);
    if (allRequiredTaken(progress)) byRecords.add(a.employeeNo);
  }
  return { kind: 'counted', candidates: candidates.size, byState: byState.size, byRecords: byRecords.size };
}

