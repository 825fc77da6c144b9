import { ROSTER_COLUMN_MEANINGS, ROSTER_COLUMNS, STAFF_ROLES, type Employee, type StaffRole } from './employee';
import type { Validated, ValidationIssue } from '../validation';

/** A CSV record as the validator sees it: the line it came from and its fields. */
export interface RosterRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const EMPLOYEE_NO = /^[A-Za-z0-9_-]{1,32}$/;
const MAX_TEXT = 200;
/** Far above any city's staff; a guard against importing the wrong file. */
export const MAX_ROSTER_ROWS = 100_000;

/**
 * Validates a whole roster: the header, every field of every row, uniqueness of employee number, e-mail and
 * Entra object id, and that every manager is on the roster (and nobody manages themselves, directly or in a loop).
 * Every issue names the CSV line and the field.
 */
export function validateRoster(records: readonly RosterRecord[]): Validated<Employee[]> {
  const [header, ...rows] = records;
  if (!header) return fail([{ where: 'line 1', message: 'the file is empty; expected a header line' }]);
  const headerIssues = checkHeader(header);
  if (headerIssues.length > 0) return fail(headerIssues);
  if (rows.length === 0) return fail([{ where: 'line 2', message: 'the roster has no employees' }]);
  if (rows.length > MAX_ROSTER_ROWS) {
    return fail([{ where: `line ${header.line}`, message: `more than ${MAX_ROSTER_ROWS} rows: is this the right file?` }]);
  }
  const column = new Map(header.fields.map((name, index) => [name.trim(), index]));
  const issues: ValidationIssue[] = [];
  const employees: { line: number; employee: Employee }[] = [];
  for (const row of rows) {
    const employee = parseRow(row, column, issues);
    if (employee) employees.push({ line: row.line, employee });
  }
  // A manager whose own row has an error is still on the roster: report that row's error, not "not on the roster".
  const emailColumn = column.get('email')!;
  const emailsInFile = new Set(rows.map((r) => (r.fields[emailColumn] ?? '').trim().toLowerCase()));
  issues.push(...uniquenessIssues(employees), ...managerIssues(employees, emailsInFile));
  return issues.length > 0 ? fail(issues) : { ok: true, value: employees.map((e) => e.employee) };
}

function fail(issues: ValidationIssue[]): Validated<Employee[]> {
  return { ok: false, issues };
}

function checkHeader(header: RosterRecord): ValidationIssue[] {
  const names = header.fields.map((f) => f.trim());
  const missing = ROSTER_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(ROSTER_COLUMNS as readonly string[]).includes(n));
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  const where = `line ${header.line}`;
  return [
    ...missing.map((c) => ({ where, field: c, message: `the header has no "${c}" column: ${ROSTER_COLUMN_MEANINGS[c]}` })),
    ...twice.map((c) => ({ where, field: c, message: `the column "${c}" appears twice` })),
    ...unknown.map((c) => ({ where, field: c, message: `unknown column "${c}"; expected ${ROSTER_COLUMNS.join(',')}` })),
  ];
}

function parseRow(row: RosterRecord, column: Map<string, number>, issues: ValidationIssue[]): Employee | undefined {
  const where = `line ${row.line}`;
  if (row.fields.length !== column.size) {
    issues.push({ where, message: `${row.fields.length} fields; the header has ${column.size}` });
    return undefined;
  }
  const before = issues.length;
  const value = (name: (typeof ROSTER_COLUMNS)[number]): string => row.fields[column.get(name)!]!.trim();
  const item = value('employeeNo') || undefined;
  const problem = (field: string, message: string): void => {
    issues.push({ where: `${where}.${field}`, item, field, message });
  };
  const text = (name: (typeof ROSTER_COLUMNS)[number], required: boolean): string => {
    const v = value(name);
    if (required && v === '') problem(name, 'is empty');
    if (v.length > MAX_TEXT) problem(name, `is longer than ${MAX_TEXT} characters`);
    return v;
  };

  const employeeNo = text('employeeNo', true);
  if (employeeNo && !EMPLOYEE_NO.test(employeeNo)) problem('employeeNo', 'use letters, digits, "-" or "_" (at most 32)');
  const email = text('email', true).toLowerCase();
  if (email && !EMAIL.test(email)) problem('email', `"${email}" is not an e-mail address`);
  const aadObjectId = text('aadObjectId', true).toLowerCase();
  if (aadObjectId && !GUID.test(aadObjectId)) problem('aadObjectId', `"${aadObjectId}" is not a GUID`);
  const managerEmail = text('managerEmail', false).toLowerCase();
  if (managerEmail && !EMAIL.test(managerEmail)) problem('managerEmail', `"${managerEmail}" is not an e-mail address`);
  const roles = text('roles', false)
    .split(';')
    .map((r) => r.trim().toLowerCase())
    .filter((r) => r !== '');
  for (const role of roles) {
    if (!(STAFF_ROLES as readonly string[]).includes(role)) {
      problem('roles', `unknown role "${role}"; use ${STAFF_ROLES.join(' or ')}, separated by ";"`);
    }
  }
  const employee: Employee = {
    employeeNo,
    name: text('name', true),
    email,
    aadObjectId,
    department: text('department', true),
    section: text('section', false),
    grade: text('grade', true),
    managerEmail: managerEmail || undefined,
    roles: [...new Set(roles)] as StaffRole[],
  };
  return issues.length === before ? employee : undefined;
}

function uniquenessIssues(employees: readonly { line: number; employee: Employee }[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const field of ['employeeNo', 'email', 'aadObjectId'] as const) {
    const firstLine = new Map<string, number>();
    for (const { line, employee } of employees) {
      const key = employee[field];
      const first = firstLine.get(key);
      if (first !== undefined) {
        issues.push({
          where: `line ${line}.${field}`,
          item: employee.employeeNo,
          field,
          message: `"${key}" is already used on line ${first}`,
        });
      } else firstLine.set(key, line);
    }
  }
  return issues;
}

function managerIssues(
  employees: readonly { line: number; employee: Employee }[],
  emailsInFile: ReadonlySet<string>,
): ValidationIssue[] {
  const byEmail = new Map(employees.map((e) => [e.employee.email, e.employee]));
  const issues: ValidationIssue[] = [];
  for (const { line, employee } of employees) {
    if (!employee.managerEmail) continue;
    const problem = (message: string): void => {
      issues.push({ where: `line ${line}.managerEmail`, item: employee.employeeNo, field: 'managerEmail', message });
    };
    if (!emailsInFile.has(employee.managerEmail)) problem(`"${employee.managerEmail}" is not on the roster`);
    else if (reportsToThemselves(employee, byEmail)) problem('the chain of managers loops back to this employee');
  }
  return issues;
}

function reportsToThemselves(employee: Employee, byEmail: ReadonlyMap<string, Employee>): boolean {
  const seen = new Set<string>();
  let next = employee.managerEmail;
  while (next && !seen.has(next)) {
    if (next === employee.email) return true;
    seen.add(next);
    next = byEmail.get(next)?.managerEmail;
  }
  return false;
}
