import { validateTrainingRecords, type TrainingProblem, type TrainingTable } from '../../domain/training/validateTrainingRecords';
import type { ValidationIssue } from '../../domain/validation';
import { translator, type Locale, type Translate } from '../../i18n';
import type { Repositories } from '../../storage/repositories';
import { contentVersion } from '../contentVersion';
import type { ImportOptions, ImportOutcome } from '../importOutcome';

/** What an attendance import reads and writes. */
export type TrainingImportStores = Pick<Repositories, 'frameworks' | 'roster' | 'trainingRecords'>;

/** Options of an attendance import: the framework whose programs the records are of, and the language of its problems. */
export type TrainingImportOptions = ImportOptions & { readonly frameworkId: string; readonly locale: Locale };

/**
 * Imports an attendance file read as a table: every row checked against the roster and the active framework's
 * programs first, and any problem (named by row and column, in `locale`) writes nothing. Records are added to those
 * already stored; the same file imported again changes nothing.
 */
export async function importTrainingRecords(
  table: TrainingTable,
  stores: TrainingImportStores,
  options: TrainingImportOptions,
): Promise<ImportOutcome> {
  const t = translator(options.locale);
  const framework = await stores.frameworks.loadActive(options.frameworkId);
  if (!framework) {
    return { status: 'invalid', issues: [{ where: t('training.at.file'), message: t('training.problem.noFramework', { id: options.frameworkId }) }] };
  }
  const validated = validateTrainingRecords(table, {
    employees: await stores.roster.listEmployees(),
    programs: framework.document.programs,
  });
  if (!validated.ok) return { status: 'invalid', issues: validated.problems.map((p) => issueOf(p, t)) };

  const { records } = validated;
  const employees = new Set(records.map((r) => r.employeeNo)).size;
  const programs = new Set(records.map((r) => r.programId)).size;
  const summary = `${records.length} records of ${employees} employees in ${programs} programs`;
  const version = contentVersion(records);
  if (options.dryRun) return { status: 'valid', version, summary };
  const stored = await stores.trainingRecords.store(options.frameworkId, records, options.onProgress);
  const written = stored.added + stored.changed;
  const counts = `${stored.added} new, ${stored.changed} changed, ${stored.unchanged} already recorded`;
  return { status: written > 0 ? 'imported' : 'unchanged', version, summary: `${summary} (${counts})` };
}

/** A problem said by row and column in the reader's language. */
function issueOf(problem: TrainingProblem, t: Translate): ValidationIssue {
  const { row, column, header } = problem;
  const where =
    row === undefined
      ? t('training.at.file')
      : column === undefined
        ? t('training.at.row', { row })
        : t('training.at.cell', { row, column, header: header ?? '' });
  return { where, field: header, message: t(`training.problem.${problem.code}`, problem.params) };
}
