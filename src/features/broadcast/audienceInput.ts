import { parseJstDateTime } from '../../domain/applications/fiscalYear';
import type { Audience, MissingTrainingAudience } from '../../domain/broadcast/audience';
import type { Program } from '../../domain/framework/schema';
import { daysOfFiscalYear } from '../../domain/applications/fiscalYear';
import { sessionDateOf } from '../../domain/training/trainingRecord';

/** What is wrong with the recipients or the time HR chose. */
export type AudienceProblem = 'departments' | 'grades' | 'unknownChoice' | 'trainingProgram' | 'trainingBy' | 'schedule';

/** What recipients can be chosen from: the roster's departments and grades, the framework's programs, and this year. */
export interface AudienceChoices {
  readonly departments: readonly string[];
  readonly grades: readonly string[];
  readonly programs: readonly Program[];
  /** This fiscal year: a reminder of a training is for its candidates. */
  readonly currentFiscalYear: number;
}

/** The audience card's inputs, as the card sends them (untrusted until read here). */
export interface AudienceForm {
  readonly audienceKind: Audience['kind'];
  /** Multi-select values, comma-separated, each a name made safe by `choiceValue`. */
  readonly departments: string;
  readonly grades: string;
  /** For a reminder of a training: the program's id, and the last day a session counts ("2026-10-31"). */
  readonly trainingProgram: string;
  readonly trainingBy: string;
  /** Japan time, "2026-06-01" and "09:00"; an empty date means "as soon as HR confirms". */
  readonly startDate: string;
  readonly startTime: string;
}

/** How far ahead a send can be scheduled: next year's notice is written next year. */
const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * A department or grade as a multi-select choice value. The client joins the chosen values with commas, and a
 * department name may hold one: encoding keeps every name whole.
 */
export function choiceValue(name: string): string {
  return encodeURIComponent(name);
}

/** The names a multi-select sent; undefined when a value is not one `choiceValue` made (a forged card). */
function chosenNames(values: string): string[] | undefined {
  const names: string[] = [];
  for (const value of values.split(',').filter((v) => v !== '')) {
    try {
      names.push(decodeURIComponent(value));
    } catch (err) {
      if (err instanceof URIError) return undefined;
      throw err;
    }
  }
  return names;
}

/** Picks the names of one multi-select, all of which must be among `known` (the roster's). */
function pick(values: string, known: readonly string[], none: AudienceProblem): { names: string[] } | { problem: AudienceProblem } {
  const names = chosenNames(values);
  if (!names || names.some((name) => !known.includes(name))) return { problem: 'unknownChoice' };
  return names.length > 0 ? { names: [...new Set(names)] } : { problem: none };
}

type AudienceRead = { ok: true; audience: Audience } | { ok: false; problem: AudienceProblem };

/**
 * The audience HR chose. Departments and grades must be on the roster (`known`) and at least one chosen;
 * "has not applied" is about the notice's fiscal year; a training's reminder about this one.
 */
export function readAudience(form: AudienceForm, known: AudienceChoices, fiscalYear: number): AudienceRead {
  switch (form.audienceKind) {
    case 'everyone':
      return { ok: true, audience: { kind: 'everyone' } };
    case 'notApplied':
      return { ok: true, audience: { kind: 'notApplied', fiscalYear } };
    case 'missingTraining':
      return readMissingTraining(form, known);
    case 'departments': {
      const picked = pick(form.departments, known.departments, 'departments');
      return 'problem' in picked ? { ok: false, problem: picked.problem } : { ok: true, audience: { kind: 'departments', departments: picked.names } };
    }
    case 'grades': {
      const picked = pick(form.grades, known.grades, 'grades');
      return 'problem' in picked ? { ok: false, problem: picked.problem } : { ok: true, audience: { kind: 'grades', grades: picked.names } };
    }
  }
}

/**
 * A reminder of a training: a program of the framework, and a real day within this fiscal year (from 1 April, when
 * the records of the year start counting, to 31 March).
 */
function readMissingTraining(form: Pick<AudienceForm, 'trainingProgram' | 'trainingBy'>, known: AudienceChoices): AudienceRead {
  const program = known.programs.find((p) => p.id === form.trainingProgram);
  if (!program) return { ok: false, problem: 'trainingProgram' };
  const fiscalYear = known.currentFiscalYear;
  const days = daysOfFiscalYear(fiscalYear);
  const by = sessionDateOf(form.trainingBy);
  if (!by || by < days.from || by > days.to) return { ok: false, problem: 'trainingBy' };
  const audience: MissingTrainingAudience = {
    kind: 'missingTraining',
    fiscalYear,
    programId: program.id,
    programName: program.name,
    requiredOf: program.requiredFor,
    by,
  };
  return { ok: true, audience };
}

/**
 * When to start: undefined for "as soon as HR confirms" (no date), else a real Japan-time moment after `now` and
 * within about a year. A date without a time starts at midnight, as the windows card reads it.
 */
export function readStartAt(form: Pick<AudienceForm, 'startDate' | 'startTime'>, now: Date): { ok: true; startAt?: Date } | { ok: false; problem: 'schedule' } {
  if (form.startDate.trim() === '') return { ok: true };
  const startAt = parseJstDateTime(`${form.startDate} ${form.startTime.trim() || '00:00'}`);
  const ahead = startAt ? startAt.getTime() - now.getTime() : -1;
  return startAt && ahead > 0 && ahead <= MAX_SCHEDULE_AHEAD_MS ? { ok: true, startAt } : { ok: false, problem: 'schedule' };
}
