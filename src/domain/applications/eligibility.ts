import type { Employee } from '../roster/employee';
import type { Framework } from '../framework/framework';
import { PROFESSIONAL_TRACK, tracksOf } from './applicationWindow';

/** Why someone cannot apply for a track. Gold and Silver are never gated on a level or skills (the strategy's rule). */
export type Ineligibility = 'unknownTrack' | 'notOnRoster' | 'noManager' | 'gradeAbove' | 'gradeUnknown';

/** Whether an employee may apply for a track, by the framework's rules and the roster. */
export function checkEligibility(framework: Framework, track: string, employee: Employee | undefined): Ineligibility | undefined {
  if (!tracksOf(framework).includes(track)) return 'unknownTrack';
  if (!employee) return 'notOnRoster';
  // The manager approves; without one on the roster nobody could.
  if (!employee.managerEmail) return 'noManager';
  if (track !== PROFESSIONAL_TRACK) return undefined;
  const maxGrade = framework.rules.professionalTrack?.maxGrade;
  if (!maxGrade) return undefined;
  const grades = framework.document.grades ?? [];
  const rank = grades.indexOf(employee.grade);
  if (rank < 0) return 'gradeUnknown';
  return rank <= grades.indexOf(maxGrade) ? undefined : 'gradeAbove';
}
