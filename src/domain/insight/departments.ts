import type { CertifiedPeople } from './certified';
import { departmentOf, type Placements } from './placements';

/** One department's figures: its staff, those assessed, those who applied this year, its certified people. */
export interface DepartmentRow {
  readonly department: string;
  readonly staff: number;
  readonly assessed: number;
  readonly applied: number;
  readonly certified: number;
}

/** The departments shown one by one, and the rest added up (undefined when none are left over). */
export interface DepartmentBreakdown {
  readonly shown: readonly DepartmentRow[];
  readonly others?: DepartmentRow & { readonly departments: number };
}

/**
 * Every department's figures: staff from the roster, assessed from the assessment counts, applied from the
 * year's applicants (under the department they applied from when they have left the roster), certified from the
 * certified people. A department nobody in it has assessed still shows, with zeros.
 */
export function departmentRows(
  placements: Placements,
  assessedByDepartment: ReadonlyMap<string, number>,
  applicants: ReadonlyMap<string, string | undefined>,
  certified: CertifiedPeople,
): DepartmentRow[] {
  const rows = new Map<string, { staff: number; assessed: number; applied: number; certified: number }>();
  const row = (department: string): { staff: number; assessed: number; applied: number; certified: number } => {
    let found = rows.get(department);
    if (!found) rows.set(department, (found = { staff: 0, assessed: 0, applied: 0, certified: 0 }));
    return found;
  };
  for (const { department } of placements.values()) row(department).staff++;
  for (const [department, count] of assessedByDepartment) row(department).assessed += count;
  for (const [id, recorded] of applicants) row(departmentOf(placements, id, recorded)).applied++;
  for (const { aadObjectId } of certified.people) row(departmentOf(placements, aadObjectId)).certified++;
  return [...rows].map(([department, counts]) => ({ department, ...counts }));
}

/** Japanese order, with numbers as numbers (第2部 before 第10部). */
const byName = new Intl.Collator('ja', { numeric: true }).compare;

/**
 * The `shown` largest departments by staff (then by name, so the order is stable), and the others added up:
 * a card stays readable with fifty departments.
 */
export function topDepartments(rows: readonly DepartmentRow[], shown: number): DepartmentBreakdown {
  const sorted = [...rows].sort((a, b) => b.staff - a.staff || byName(a.department, b.department));
  const rest = sorted.slice(shown);
  if (rest.length === 0) return { shown: sorted };
  const sum = (pick: (r: DepartmentRow) => number): number => rest.reduce((total, r) => total + pick(r), 0);
  return {
    shown: sorted.slice(0, shown),
    others: {
      department: '',
      departments: rest.length,
      staff: sum((r) => r.staff),
      assessed: sum((r) => r.assessed),
      applied: sum((r) => r.applied),
      certified: sum((r) => r.certified),
    },
  };
}
