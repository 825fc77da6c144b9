import type { Employee } from '../roster/employee';

/** Who a broadcast goes to. "notApplied" is for reminders: everyone without an active application that fiscal year. */
export type Audience =
  | { readonly kind: 'everyone' }
  | { readonly kind: 'departments'; readonly departments: readonly string[] }
  | { readonly kind: 'grades'; readonly grades: readonly string[] }
  | { readonly kind: 'notApplied'; readonly fiscalYear: number };

/**
 * The employees an audience names, in roster order. `appliedIds` holds the (lower-case) Entra ids of those with an
 * active application in the audience's fiscal year; it only matters for "notApplied".
 */
export function selectRecipients(
  employees: readonly Employee[],
  audience: Audience,
  appliedIds: ReadonlySet<string> = new Set(),
): Employee[] {
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
      return employees.filter((e) => !appliedIds.has(e.aadObjectId.toLowerCase()));
  }
}
