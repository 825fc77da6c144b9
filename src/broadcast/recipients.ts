import type { Audience } from '../domain/broadcast/audience';
import { selectRecipients } from '../domain/broadcast/audience';
import type { Employee } from '../domain/roster/employee';
import type { ApplicationRepository } from '../storage/applicationRepository';
import type { ConversationRepository } from '../storage/conversationRepository';
import type { RosterRepository } from '../storage/rosterRepository';

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
}

/**
 * Everyone an audience names on the roster as it is now, in roster order, each with where to reach them. HR's review
 * counts them and the sender prepares a round from them, so both see the same people.
 */
export async function findRecipients(deps: RecipientSources, frameworkId: string, audience: Audience): Promise<Recipient[]> {
  const [employees, reachable] = await Promise.all([deps.roster.listEmployees(), deps.conversations.listUsers()]);
  const applied = audience.kind === 'notApplied' ? await appliedIn(deps, frameworkId, audience.fiscalYear) : undefined;
  return selectRecipients(employees, audience, applied).map((employee) => ({
    employee,
    reference: reachable.get(employee.aadObjectId.toLowerCase())?.reference,
  }));
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
