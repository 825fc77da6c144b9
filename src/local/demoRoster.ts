import path from 'node:path';
import type { Employee } from '../domain/roster/employee';
import { validateRoster } from '../domain/roster/validateRoster';
import { formatIssue } from '../domain/validation';
import { parseCsv } from '../importing/csv';

/** The fictional staff `npm start` imports into empty storage, relative to the project root. */
export const DEMO_ROSTER_FILE = path.join('data', 'demo', 'roster.csv');

/** The roles a local run lets you act in. */
export const DEMO_ROLES = ['employee', 'manager', 'hr', 'admin'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

/** The people a local run lets you act as, one per role the bot serves, and the rest of the roster. */
export interface DemoCast {
  /** An ordinary employee with a manager: who you are in the Playground unless told otherwise. */
  readonly employee: Employee;
  readonly manager: Employee;
  readonly hr?: Employee;
  readonly admin?: Employee;
  /** The whole roster, the cast first. */
  readonly everyone: readonly Employee[];
}

/** Reads the demo roster with the same validation as `npm run roster:import`; throws listing every problem. */
export function parseDemoRoster(text: string): Employee[] {
  const validated = validateRoster(parseCsv(text));
  if (!validated.ok) {
    throw new Error(`${DEMO_ROSTER_FILE} is not valid:\n  ${validated.issues.map(formatIssue).join('\n  ')}`);
  }
  return validated.value;
}

/** Picks the cast from a roster by role, so editing the demo roster never needs a code change. */
export function demoCast(roster: readonly Employee[]): DemoCast {
  const employee = roster.find((e) => e.roles.length === 0 && e.managerEmail);
  if (!employee) throw new Error(`${DEMO_ROSTER_FILE} needs an employee without HR or admin roles who has a manager`);
  const manager = roster.find((e) => e.email === employee.managerEmail)!;
  const hr = roster.find((e) => e.roles.includes('hr'));
  const admin = roster.find((e) => e.roles.includes('admin'));
  const cast = [employee, manager, hr, admin].filter((e): e is Employee => e !== undefined);
  return { employee, manager, hr, admin, everyone: [...new Set([...cast, ...roster])] };
}
