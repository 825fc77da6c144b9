import type { Framework } from '../../../domain/framework/framework';
import type { Employee } from '../../../domain/roster/employee';
import type { Translate } from '../../../i18n';

/** A tier's name as the framework writes it (its id if the framework no longer has it). */
export function tierName(framework: Framework, tier: string): string {
  return framework.tier(tier)?.name ?? tier;
}

/** Where someone works, as the roster says: "総務課 総務係", or the department alone. */
export function placeOf(employee: Pick<Employee, 'department' | 'section'>, t: Translate): string {
  return employee.section ? t('appointment.place', { department: employee.department, section: employee.section }) : employee.department;
}

/**
 * A section of the coverage list; employees the roster puts under no section are their department's own line, named
 * with the framework's word for the unit it counts (`unit`, e.g. 係).
 */
export function sectionLabel(section: Pick<Employee, 'department' | 'section'>, unit: string, t: Translate): string {
  return section.section ? placeOf(section, t) : t('appointment.place.departmentOnly', { department: section.department, unit });
}
