import type { Actor } from '../../domain/applications/application';
import type { Employee } from '../../domain/roster/employee';
import type { Sender } from '../personalTurn';

/** The person behind an activity, as the roster knows them (or not), with their language. */
export interface Who extends Sender {
  readonly employee?: Employee;
}

/** Someone on the roster: whom every personal feature serves (see askingInPersonalChat). */
export interface StaffWho extends Who {
  readonly employee: Employee;
}

/** The domain's view of who acts: HR is a roster role, never something a card says. */
export function actorOf(who: Who): Actor {
  return { aadObjectId: who.aadObjectId, name: who.employee?.name ?? who.name, isHr: who.employee?.roles.includes('hr') ?? false };
}
