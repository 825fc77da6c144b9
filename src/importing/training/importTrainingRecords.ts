import type { Program } from '../../domain/framework/schema';
import type { Employee } from '../../domain/roster/employee';
import type { TrainingTable } from '../../domain/training/trainingTable';
import { validateTrainingRecords } from '../../domain/training/validateTrainingRecords';
import type { Translate } from '../../i18n';
import type { TrainingRecordRepository } from '../../storage/trainingRecordRepository';
import type { PreparedTrainingImport } from './preparedTrainingImport';
import { issueOf } from './trainingIssues';

/**
 * An attendance file read as a table, checked against the roster and the active framework's programs: its problems
 * (named by row and column), or how to store it. Records are added to those already stored; the same file imported
 * again changes nothing, and records a file does not name stay.
 */
export function prepareTrainingRecords(
  table: TrainingTable,
  framework: { readonly id: string; readonly programs: readonly Pick<Program, 'id' | 'name'>[] },
  employees: readonly Pick<Employee, 'employeeNo' | 'email'>[],
  store: Pick<TrainingRecordRepository, 'store'>,
  today: string,
  t: Translate,
): PreparedTrainingImport {
  const validated = validateTrainingRecords(table, { employees, programs: framework.programs, today });
  if (!validated.ok) return { ok: false, issues: validated.problems.map((p) => issueOf(p, t)) };
  const { records } = validated;
  const employeeCount = new Set(records.map((r) => r.employeeNo)).size;
  const programs = new Set(records.map((r) => r.programId)).size;
  return {
    ok: true,
    content: records,
    summary: `${records.length} records of ${employeeCount} employees in ${programs} programs`,
    store: async (onProgress) => {
      const stored = await store.store(framework.id, records, onProgress);
      return { written: stored.added + stored.changed, counts: `${stored.added} new, ${stored.changed} changed, ${stored.unchanged} already recorded` };
    },
  };
}
