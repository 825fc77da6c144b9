import { candidatesMissing, remindable, selectRecipients, type Audience, type MissingTrainingAudience, type PeopleOfTheYear } from '../domain/broadcast/audience';
import { liveFiscalYears } from '../domain/applications/fiscalYear';
import type { Employee } from '../domain/roster/employee';
import type { ApplicationRepository } from '../storage/applicationRepository';
import type { ConversationRepository } from '../storage/conversationRepository';
import type { RosterRepository } from '../storage/rosterRepository';
import type { TrainingRecordRepository } from '../storage/trainingRecordRepository';

/** One person a broadcast goes to, with their personal-chat reference (none when the app is not installed for them). */
export interface Recipient {
  readonly employee: Employee;
  readonly reference?: object;
}

/** Where the recipients of an audience are looked up. */
export interface RecipientSources {
  readonly roster: Pick<RosterRepository, 'listEmployees'>;
  readonly applications: Pick<ApplicationRepository, 'list' | 'listYears'>;
  readonly conversations: Pick<ConversationRepository, 'listUsers'>;
  readonly trainingRecords: Pick<TrainingRecordRepository, 'listForEmployees'>;
}

/**
 * Everyone an audience names on the roster as it is now, in roster order, each with where to reach them. HR's review
 * counts them and the sender prepares a round from them, so both see the same people.
 */
export async function findRecipients(deps: RecipientSources, frameworkId: string, audience: Audience): Promise<Recipient[]> {
  const [employees, reachable, year] = await Promise.all([
    deps.roster.listEmployees(),
    deps.conversations.listUsers(),
    peopleOfTheYear(deps, frameworkId, audience),
  ]);
  return selectRecipients(employees, audience, year).map((employee) => ({
    employee,
    reference: reachable.get(employee.aadObjectId.toLowerCase())?.reference,
  }));
}

/** The people an audience's fiscal year names; none for an audience about no year. */
async function peopleOfTheYear(deps: RecipientSources, frameworkId: string, audience: Audience): Promise<PeopleOfTheYear> {
  switch (audience.kind) {
    case 'notApplied':
      return { applied: await appliedIn(deps, frameworkId, audience.fiscalYear) };
    case 'missingTraining':
      return { missingTraining: await missingIn(deps, frameworkId, audience) };
    default:
      return {};
  }
}

/**
 * Who has applied in a fiscal year, for reminders to the others. Any application but a withdrawn one counts: someone
 * whose application is waiting, was approved or not, selected or not, has applied, and a "you have not applied yet"
 * would be wrong and unkind to them. Withdrawing takes the application back, so a reminder is welcome then.
 */
async function appliedIn(deps: RecipientSources, frameworkId: string, fiscalYear: number): Promise<Set<string>> {
  const applications = await deps.applications.list(frameworkId, fiscalYear);
  return new Set(
    applications.filter((s) => s.application.state !== 'withdrawn').map((s) => s.application.applicant.aadObjectId.toLowerCase()),
  );
}

/**
 * The candidates still missing a training by the day: the selected applications of the audience's year and the one
 * before, and those candidates' own records (a partition each, a few at a time), never every record of the framework.
 */
async function missingIn(deps: RecipientSources, frameworkId: string, audience: MissingTrainingAudience): Promise<Set<string>> {
  const stored = await deps.applications.listYears(frameworkId, liveFiscalYears(audience.fiscalYear), { state: 'selected' });
  // Only those the reminder may concern: their records alone are read.
  const applications = stored.map((s) => s.application).filter((a) => remindable(audience, a));
  const records = await deps.trainingRecords.listForEmployees(frameworkId, applications.map((a) => a.applicant.employeeNo));
  return candidatesMissing(audience, applications, (employeeNo) => records.get(employeeNo) ?? []);
}
