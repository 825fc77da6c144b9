/** Roles that widen what a person may do in the bot. Everyone else is an employee. */
export const STAFF_ROLES = ['hr', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** One person on the city's staff roster. */
export interface Employee {
  readonly employeeNo: string;
  readonly name: string;
  readonly email: string;
  readonly aadObjectId: string;
  /** The 部局 the person belongs to (市民局; 総務課 where the 課 is the top unit): what the KPI and notices group staff by. */
  readonly department: string;
  /**
   * The unit within the department the person works in, written down to the 係 (区政推進課 企画係); '' for someone who
   * belongs to the department itself. What a framework counting one holder per section counts.
   */
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

/** What each roster column holds, for the roster import's messages (the README's roster format says it at length). */
export const ROSTER_COLUMN_MEANINGS: Readonly<Record<(typeof ROSTER_COLUMNS)[number], string>> = {
  employeeNo: 'the employee number (職員番号): letters, digits, "-" or "_", one per person',
  name: 'the name (氏名)',
  email: 'the e-mail address the person signs in with, one per person',
  aadObjectId: "the person's Microsoft Entra object id (a GUID): how Teams knows them",
  department: 'the 部局 the person belongs to: a 局 or 区役所 (市民局), or the 課 where the 課 is the top unit (総務課)',
  section: 'the unit within the department, down to the 係 (区政推進課 企画係, or 総務係 under a 課); empty under the department itself',
  grade: "the person's title (職名), e.g. 主事, 主任, 係長, 課長, 部長",
  managerEmail: 'the e-mail of the manager who approves their applications, on the roster too; empty for none',
  roles: 'empty, hr, admin or hr;admin',
};

/** Entra object ids are GUIDs: the same person may come in upper or lower case. */
export function samePerson(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
