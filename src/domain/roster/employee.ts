/** Roles that widen what a person may do in the bot. Everyone else is an employee. */
export const STAFF_ROLES = ['hr', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** One person on the city's staff roster. */
export interface Employee {
  readonly employeeNo: string;
  readonly name: string;
  readonly email: string;
  readonly aadObjectId: string;
  readonly department: string;
  readonly section: string;
  /** The city's title, e.g. 主事, 主任, 係長, 課長, 部長. */
  readonly grade: string;
  readonly managerEmail?: string;
  readonly roles: readonly StaffRole[];
}

/** The roster CSV's columns, in the documented order. */
export const ROSTER_COLUMNS = [
  'employeeNo',
  'name',
  'email',
  'aadObjectId',
  'department',
  'section',
  'grade',
  'managerEmail',
  'roles',
] as const;

/** Everyone whose manager on the roster is `manager` (by e-mail, in any case), but never the manager themselves. */
export function directReports(manager: Employee, everyone: readonly Employee[]): Employee[] {
  const email = manager.email.toLowerCase();
  return everyone.filter((e) => e.managerEmail?.toLowerCase() === email && e.aadObjectId !== manager.aadObjectId);
}
