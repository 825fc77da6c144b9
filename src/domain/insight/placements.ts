import type { Employee } from '../roster/employee';

/** Where a person sits, as the roster says: their department (部局) and section (係). */
export interface Placement {
  readonly department: string;
  readonly section: string;
}

/** Everyone's placement, by lower-case Entra object id (the spelling every record made from a turn uses). */
export type Placements = ReadonlyMap<string, Placement>;

/** The placements of a roster. */
export function placementsOf(employees: Iterable<Pick<Employee, 'aadObjectId' | 'department' | 'section'>>): Placements {
  const placements = new Map<string, Placement>();
  for (const { aadObjectId, department, section } of employees) {
    placements.set(aadObjectId.toLowerCase(), { department, section });
  }
  return placements;
}

/** Stands for "not on the roster" where a department is expected: people who left, or records of test users. */
export const UNKNOWN_DEPARTMENT = '';

/** The department a person is counted under: the roster's, else the one recorded with them, else unknown. */
export function departmentOf(placements: Placements, aadObjectId: string, recorded?: string): string {
  return placements.get(aadObjectId.toLowerCase())?.department ?? recorded ?? UNKNOWN_DEPARTMENT;
}
