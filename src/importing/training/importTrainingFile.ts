import { todayInJapan } from '../../domain/training/trainingSession';
import type { TrainingTable } from '../../domain/training/trainingTable';
import type { ValidationIssue } from '../../domain/validation';
import { translator, type Locale, type Translate } from '../../i18n';
import type { Repositories } from '../../storage/repositories';
import { contentVersion } from '../contentVersion';
import type { ImportOptions, ImportOutcome } from '../importOutcome';
import { prepareTrainingRecords } from './importTrainingRecords';
import { prepareTrainingSessions } from './importTrainingSessions';
import type { PreparedTrainingImport } from './preparedTrainingImport';

/** What a training import reads and writes. */
export type TrainingImportStores = Pick<Repositories, 'frameworks' | 'roster' | 'trainingRecords' | 'trainingSessions'>;

/**
 * Options of a training import: the framework whose programs the file is of, the language of its problems, and the
 * moment "upcoming" sessions and "already attended" records are judged from (now, but for tests).
 */
export type TrainingImportOptions = ImportOptions & { readonly frameworkId: string; readonly locale: Locale; readonly now?: Date };

/** A table of a training file, and the workbook sheet it came from, if any. */
export interface SheetTable {
  readonly table: TrainingTable;
  readonly sheet?: string;
}

/** What a training file holds: attendance, sessions, or both (two sheets of a workbook). */
export interface TrainingTables {
  readonly records?: SheetTable;
  readonly sessions?: SheetTable;
}

/**
 * Imports a training file: every table checked first (attendance against the roster and the framework's programs,
 * sessions against the programs), and any problem in any of them, named by row and column in `locale`, writes
 * nothing. Then attendance records are added and sessions replaced, each saying what it changed; the same file
 * imported again changes nothing.
 */
export async function importTrainingTables(tables: TrainingTables, stores: TrainingImportStores, options: TrainingImportOptions): Promise<ImportOutcome> {
  const t = translator(options.locale);
  const stored = await stores.frameworks.loadActive(options.frameworkId);
  if (!stored) {
    return { status: 'invalid', issues: [{ where: t('training.at.file'), message: t('training.problem.noFramework', { id: options.frameworkId }) }] };
  }
  const framework = { id: options.frameworkId, programs: stored.document.programs };
  const prepared: { sheet?: string; import: PreparedTrainingImport }[] = [];
  const today = todayInJapan(options.now ?? new Date());
  if (tables.records) {
    const employees = await stores.roster.listEmployees();
    prepared.push({ ...tables.records, import: prepareTrainingRecords(tables.records.table, framework, employees, stores.trainingRecords, today, t) });
  }
  if (tables.sessions) {
    prepared.push({ ...tables.sessions, import: prepareTrainingSessions(tables.sessions.table, framework, stores.trainingSessions, today, t) });
  }
  // With two sheets, each problem says on which; with one table, as the file's rows and columns alone.
  const onSheet = prepared.length > 1;
  const issues = prepared.flatMap(({ sheet, import: p }) => (p.ok ? [] : p.issues.map((issue) => (onSheet && sheet ? inSheet(issue, sheet, t) : issue))));
  const ready = prepared.flatMap(({ import: p }) => (p.ok ? [p] : []));
  if (issues.length > 0 || ready.length === 0) return { status: 'invalid', issues };

  const version = contentVersion(ready.map((p) => p.content));
  const summary = ready.map((p) => p.summary).join('; ');
  if (options.dryRun) return { status: 'valid', version, summary };
  const said: string[] = [];
  let written = 0;
  for (const p of ready) {
    const stored = await p.store(options.onProgress);
    written += stored.written;
    said.push(`${p.summary} (${stored.counts})`);
  }
  return { status: written > 0 ? 'imported' : 'unchanged', version, summary: said.join('; ') };
}

function inSheet(issue: ValidationIssue, sheet: string, t: Translate): ValidationIssue {
  return { ...issue, where: t('training.at.sheet', { sheet, where: issue.where }) };
}
