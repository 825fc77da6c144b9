import type { Program } from '../../domain/framework/schema';
import { validateTrainingSessions } from '../../domain/training/validateTrainingSessions';
import type { TrainingTable } from '../../domain/training/trainingTable';
import type { Translate } from '../../i18n';
import type { TrainingSessionRepository } from '../../storage/trainingSessionRepository';
import type { PreparedTrainingImport } from './preparedTrainingImport';
import { issueOf } from './trainingIssues';

/**
 * A sessions file read as a table, checked against the active framework's programs: its problems (named by row and
 * column), or how to store it. The file is the complete list of the upcoming sessions of the programs it names (see
 * TrainingSessionRepository.replaceUpcoming), which the summary says, with how many it removed.
 */
export function prepareTrainingSessions(
  table: TrainingTable,
  framework: { readonly id: string; readonly programs: readonly Pick<Program, 'id' | 'name'>[] },
  store: Pick<TrainingSessionRepository, 'replaceUpcoming'>,
  today: string,
  t: Translate,
): PreparedTrainingImport {
  const validated = validateTrainingSessions(table, framework.programs);
  if (!validated.ok) {
    const wording = { empty: 'training.problem.noSessions', twice: 'training.problem.sessionTwice' } as const;
    return { ok: false, issues: validated.problems.map((p) => issueOf(p, t, wording)) };
  }
  const { sessions } = validated;
  const programs = new Set(sessions.map((s) => s.programId)).size;
  return {
    ok: true,
    content: sessions,
    summary: `${sessions.length} sessions of ${programs} programs (the complete list of their sessions from ${today} on)`,
    store: async (onProgress) => {
      const stored = await store.replaceUpcoming(framework.id, sessions, today, onProgress);
      return {
        written: stored.added + stored.changed + stored.removed,
        counts: `${stored.added} new, ${stored.changed} changed, ${stored.removed} no longer in the file removed, ${stored.unchanged} unchanged`,
      };
    },
  };
}
