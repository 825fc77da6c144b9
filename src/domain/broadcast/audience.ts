import type { Application } from '../applications/application';
import type { Employee } from '../roster/employee';
import { daysOfFiscalYear } from '../applications/fiscalYear';
import { isTaken } from '../training/requiredTrainings';
import type { TrainingRecord } from '../training/trainingRecord';

/**
 * A reminder to the candidates of a fiscal year who have not taken a training by a day: the program's name and the tiers
 * requiring it are kept as HR chose them, so the broadcast says the same thing however the framework changes later.
 */
export interface MissingTrainingAudience {
  readonly kind: 'missingTraining';
  readonly fiscalYear: number;
  readonly programId: string;
  readonly programName: string;
  /** The tiers whose candidates must take it (必須研修); empty when it is required of none: then every candidate. */
  readonly requiredOf: readonly string[];
  /** The last day a session counts, YYYY-MM-DD, within the fiscal year. */
  readonly by: string;
}

/**
 * Who a broadcast goes to. "notApplied" is for reminders: everyone without an active application that fiscal year;
 * "missingTraining" too: the year's candidates who have not taken a training yet.
 */
export type Audience =
  | { readonly kind: 'everyone' }
  | { readonly kind: 'departments'; readonly departments: readonly string[] }
  | { readonly kind: 'grades'; readonly grades: readonly string[] }
  | { readonly kind: 'notApplied'; readonly fiscalYear: number }
  | MissingTrainingAudience;

/** Whom an audience's fiscal year names, as lower-case Entra ids: read from storage for the audiences about a year. */
export interface PeopleOfTheYear {
  /** For "notApplied": those with an active application that year, who are left out. */
  readonly applied?: ReadonlySet<string>;
  /** For "missingTraining": the candidates still missing the training, who alone are in. */
  readonly missingTraining?: ReadonlySet<string>;
}

/** The employees an audience names, in roster order. */
export function selectRecipients(employees: readonly Employee[], audience: Audience, year: PeopleOfTheYear = {}): Employee[] {
  const idOf = (e: Employee): string => e.aadObjectId.toLowerCase();
  switch (audience.kind) {
    case 'everyone':
      return [...employees];
    case 'departments': {
      const wanted = new Set(audience.departments);
      return employees.filter((e) => wanted.has(e.department));
    }
    case 'grades': {
      const wanted = new Set(audience.grades);
      return employees.filter((e) => wanted.has(e.grade));
    }
    case 'notApplied':
      return employees.filter((e) => !year.applied?.has(idOf(e)));
    case 'missingTraining':
      return employees.filter((e) => year.missingTraining?.has(idOf(e)) ?? false);
  }
}

/** An application a reminder of the training may concern: selected, of a tier requiring it (any, when none does). */
export function remindable(audience: MissingTrainingAudience, a: Application): boolean {
  return a.state === 'selected' && (audience.requiredOf.length === 0 || audience.requiredOf.includes(a.track));
}

/**
 * The candidates a reminder goes to, as lower-case Entra ids: applications selected by HR (this year's, or last
 * year's still moving; not yet further: one whose trainings are recorded complete needs no reminder), for a tier
 * requiring the program (any tier when none does), whose applicant has no attended or completed session of it from
 * 1 April of their application's year to `by`. `recordsOf` gives a candidate's records by employee number.
 */
export function candidatesMissing(
  audience: MissingTrainingAudience,
  applications: readonly Application[],
  recordsOf: (employeeNo: string) => readonly TrainingRecord[],
): Set<string> {
  const tookIt = (a: Application): boolean =>
    recordsOf(a.applicant.employeeNo).some(
      (r) => r.programId === audience.programId && isTaken(r) && r.date >= daysOfFiscalYear(a.fiscalYear).from && r.date <= audience.by,
    );
  return new Set(applications.filter((a) => remindable(audience, a) && !tookIt(a)).map((a) => a.applicant.aadObjectId.toLowerCase()));
}
