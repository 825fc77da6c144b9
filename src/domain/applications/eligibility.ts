import type { Employee } from '../roster/employee';
import type { Framework } from '../framework/framework';
import type { GradeCheck } from './application';
import { PROFESSIONAL_TRACK, tracksOf } from './applicationWindow';

/** Why someone cannot apply for a track. Gold and Silver are never gated on a level or skills (the strategy's rule). */
export type Ineligibility = 'unknownTrack' | 'notOnRoster' | 'noManager';

/** Whether an employee may apply for a track, by the framework's rules and the roster. */
export function checkEligibility(framework: Framework, track: string, employee: Employee | undefined): Ineligibility | undefined {
  if (!tracksOf(framework).includes(track)) return 'unknownTrack';
  if (!employee) return 'notOnRoster';
  // The manager approves; without one on the roster nobody could.
  if (!employee.managerEmail) return 'noManager';
  return undefined;
}

/**
 * What the roster's grade says of the professional track's requirement (e.g. 係長以下), when it does not show it met.
 * A decision the bot cannot make alone: the order of grades is the roster's, not the strategy's words, so the
 * application goes ahead marked, and HR decides (overrideEligibility) before selecting.
 */
export function gradeCheckOf(framework: Framework, track: string, employee: Employee | undefined): GradeCheck | undefined {
  const maxGrade = framework.rules.professionalTrack?.maxGrade;
  if (track !== PROFESSIONAL_TRACK || !maxGrade || !employee) return undefined;
  const grades = framework.document.grades ?? [];
  const rank = grades.indexOf(employee.grade);
  if (rank < 0) return 'gradeUnknown';
  return rank <= grades.indexOf(maxGrade) ? undefined : 'gradeAbove';
}
