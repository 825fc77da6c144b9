import type { Framework } from '../framework/framework';
import type { Program } from '../framework/schema';
import { isTaken, requiredTrainingProgress } from './requiredTrainings';
import type { TrainingRecord } from './trainingRecord';
import { inDateOrder, type TrainingSession } from './trainingSession';

/** Why a program is offered to someone: their tier's certification requires it, or it helps towards their target. */
export type OfferReason = 'required' | 'recommended';

/** A program someone is meant to take next, and why. */
export interface OfferedProgram {
  readonly program: Program;
  readonly reason: OfferReason;
}

/** An upcoming session of a program offered to someone. */
export interface OfferedSession extends OfferedProgram {
  readonly session: TrainingSession;
}

/** What is known of someone that decides which programs are meant for them. */
export interface Learner {
  /** The tier they are a candidate for and the fiscal year of that candidacy, when they are one. */
  readonly candidacy?: { readonly tierId: string; readonly fiscalYear: number };
  /** The target level of their latest self-assessment, when they have one. */
  readonly target?: number;
}

/** Upcoming sessions a card lists for each program, and in all: the next few, not the year's calendar. */
const SESSIONS_PER_PROGRAM = 2;
const MAX_SESSIONS = 8;

/**
 * The programs an assessment recommends, of those it named: career-stage trainings (new hires, new managers) depend
 * on one's post, not on the target, and are left out.
 */
export function recommendedPrograms(framework: Framework, programIds: readonly string[]): Program[] {
  return programIds
    .map((id) => framework.program(id))
    .filter((p): p is Program => p !== undefined && p.kind !== 'hierarchical-training');
}

/** The latest day someone took a program (attended or completed), or undefined when they have not. */
export function lastTakenOn(records: readonly TrainingRecord[], programId: string): string | undefined {
  return records
    .filter((r) => r.programId === programId && isTaken(r))
    .map((r) => r.date)
    .sort()
    .at(-1);
}

/**
 * The programs meant for someone and not yet taken: their tier's required trainings not taken in the candidacy's
 * fiscal year first, then the programs recommended for their target level never taken.
 */
export function programsToTake(framework: Framework, learner: Learner, records: readonly TrainingRecord[]): OfferedProgram[] {
  const { candidacy, target } = learner;
  const required = candidacy
    ? requiredTrainingProgress(framework, candidacy.tierId, candidacy.fiscalYear, records)
        .filter((p) => p.takenOn === undefined)
        .map((p) => ({ program: p.program, reason: 'required' as const }))
    : [];
  const recommended =
    target === undefined
      ? []
      : recommendedPrograms(framework, framework.programsFor(target).map((p) => p.id))
          .filter((p) => lastTakenOn(records, p.id) === undefined && !required.some((r) => r.program.id === p.id))
          .map((program) => ({ program, reason: 'recommended' as const }));
  return [...required, ...recommended];
}

/** The first session of a program on or after `today`, or undefined when none is scheduled. */
export function nextSessionOf(sessions: readonly TrainingSession[], programId: string, today: string): TrainingSession | undefined {
  return inDateOrder(sessions.filter((s) => s.programId === programId && s.date >= today))[0];
}

/**
 * The upcoming sessions (from `today`) of the programs offered, in the order of the programs (required first), each
 * program's sessions by date: the next few of each, and a few in all.
 */
export function upcomingSessionsFor(offered: readonly OfferedProgram[], sessions: readonly TrainingSession[], today: string): OfferedSession[] {
  const upcoming = inDateOrder(sessions.filter((s) => s.date >= today));
  return offered
    .flatMap((offer) =>
      upcoming
        .filter((s) => s.programId === offer.program.id)
        .slice(0, SESSIONS_PER_PROGRAM)
        .map((session) => ({ ...offer, session })),
    )
    .slice(0, MAX_SESSIONS);
}
