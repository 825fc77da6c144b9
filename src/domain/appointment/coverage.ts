import type { Employee } from '../roster/employee';

/** One section (係) of the roster and who in it holds the per-section appointment. */
export interface SectionCoverage {
  readonly department: string;
  /** '' for the employees the roster puts directly under their department. */
  readonly section: string;
  /** How many employees the roster has there. */
  readonly staff: number;
  readonly leaders: readonly Employee[];
}

/** Which sections have someone appointed and which do not: the KPI of a city that appoints one per section. */
export interface Coverage {
  /** Every section of the roster, by department, then section. */
  readonly sections: readonly SectionCoverage[];
  /** Sections with at least one leader. */
  readonly covered: number;
  readonly total: number;
}

/** The coverage of a framework whose KPI is one holder of a tier per section: which tier, and its word for a section. */
export interface PerSectionCoverage extends Coverage {
  readonly tier: string;
  /** What the framework calls the sections counted (係): the roster's section column holds them. */
  readonly unit: string;
}

/** Japanese order, with numbers as numbers (第2係 before 第10係), the way an office lists its organisation. */
const byName = new Intl.Collator('ja', { numeric: true }).compare;

/**
 * The roster's sections, each with its staff count and its leaders. `holders` maps the lower-case Entra object id of
 * everyone appointed to the per-section tier to that tier; people it names who are no longer on the roster count
 * nowhere, and a leader counts for the section the roster puts them in today.
 */
export function sectionCoverage(employees: readonly Employee[], holders: ReadonlyMap<string, string>): Coverage {
  const sections = new Map<string, { department: string; section: string; staff: number; leaders: Employee[] }>();
  for (const employee of employees) {
    const key = JSON.stringify([employee.department, employee.section]);
    let entry = sections.get(key);
    if (!entry) {
      entry = { department: employee.department, section: employee.section, staff: 0, leaders: [] };
      sections.set(key, entry);
    }
    entry.staff++;
    if (holders.has(employee.aadObjectId.toLowerCase())) entry.leaders.push(employee);
  }
  const sorted = [...sections.values()].sort((a, b) => byName(a.department, b.department) || byName(a.section, b.section));
  return { sections: sorted, covered: sorted.filter((s) => s.leaders.length > 0).length, total: sorted.length };
}
