import { candidatesMissing, selectRecipients, type Audience, type MissingTrainingAudience } from '../domain/broadcast/audience';
import { daysOfFiscalYear } from '../domain/training/fiscalYearDays';
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
  readonly applications: Pick<ApplicationRepository, 'list'>;
  readonly conversations: Pick<ConversationRepository, 'listUsers'>;
  readonly trainingRecords: Pick<TrainingRecordRepository, 'pagesOfFramework'>;
}

/**
 * Everyone an audience names on the roster as it is now, in roster order, each with where to reach them. HR's review
 * counts them and the sender prepares a round from them, so both see the same people.
 */
export async function findRecipients(deps: RecipientSources, frameworkId: string, audience: Audience): Promise<Recipient[]> {
  const [employees, reachable, yearIds] = await Promise.all([
    deps.roster.listEmployees(),
    deps.conversations.listUsers(),
    yearIdsOf(deps, frameworkId, audience),
  ]);
  return selectRecipients(employees, audience, yearIds).map((employee) => ({
    employee,
    reference: reachable.get(employee.aadObjectId.toLowerCase())?.reference,
  }));
}

/** The people an audience's fiscal year names (see `selectRecipients`); none for an audience about no year. */
async function yearIdsOf(deps: RecipientSources, frameworkId: string, audience: Audience): Promise<Set<string> | undefined> {
  switch (audience.kind) {
    case 'notApplied':
      return appliedIn(deps, frameworkId, audience.fiscalYear);
    case 'missingTraining':
      return missingIn(deps, frameworkId, audience);
    default:
      return undefined;
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
 * The year's candidates still missing a training by the day: the year's applications, and the program's records from
 * the start of the year to that day, read over the whole framework in one query (storage filters them).
 */
async function missingIn(deps: RecipientSources, frameworkId: string, audience: MissingTrainingAudience): Promise<Set<string>> {
  const within = { from: daysOfFiscalYear(audience.fiscalYear).from, to: audience.by, programId: audience.programId };
  const [stored, records] = await Promise.all([
    deps.applications.list(frameworkId, audience.fiscalYear),
    (async () => {
      const read = [];
      for await (const page of deps.trainingRecords.pagesOfFramework(frameworkId, within)) read.push(...page);
      return read;
    })(),
  ]);
  return candidatesMissing(audience, stored.map((s) => s.application), records);
}
