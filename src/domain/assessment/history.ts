import type { Assessment } from './assessment';
import type { AssessmentResult } from './scoring';

/** One finished assessment in someone's history, with how it moved from the one before. */
export interface HistoryEntry {
  readonly assessmentId: string;
  readonly completedAt: string;
  readonly result: AssessmentResult;
  /** Change of the overall role level and of the skill level since the previous result; undefined for the first. */
  readonly moved?: { readonly role: number; readonly skill: number };
}

/** Finished assessments, newest first, each compared with the one before it. */
export function historyOf(assessments: readonly Assessment[]): HistoryEntry[] {
  const finished = assessments
    .filter((a): a is Assessment & { result: AssessmentResult; completedAt: string } => a.status === 'completed' && !!a.result && !!a.completedAt)
    .sort((a, b) => b.completedAt.localeCompare(a.completedAt));
  return finished.map((a, i) => {
    const previous = finished[i + 1];
    return {
      assessmentId: a.id,
      completedAt: a.completedAt,
      result: a.result,
      moved: previous && {
        role: a.result.overallRoleLevel - previous.result.overallRoleLevel,
        skill: a.result.skillLevel - previous.result.skillLevel,
      },
    };
  });
}
