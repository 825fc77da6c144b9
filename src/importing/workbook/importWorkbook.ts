import type { FrameworkDocument } from '../../domain/framework/schema';
import { validateFramework } from '../../domain/framework/validateFramework';
import type { Validated } from '../../domain/validation';
import { translator, type Locale } from '../../i18n';
import type { FrameworkRepository } from '../../storage/frameworkRepository';
import { storeFramework } from '../importFramework';
import type { ImportOptions, ImportOutcome } from '../importOutcome';
import { loadWorkbook } from './loadWorkbook';
import { locate, problemIssue, workbookIssue } from './locateIssues';
import { readWorkbook } from './readWorkbook';

/**
 * Imports a framework workbook (.xlsx) as the JSON file would be imported: validated the same way, every problem
 * named by sheet, row and column, and a workbook with any problem changes nothing.
 */
export async function importFrameworkWorkbook(
  bytes: Uint8Array,
  repository: FrameworkRepository,
  options: ImportOptions & { readonly locale: Locale },
): Promise<ImportOutcome> {
  const validated = await validateWorkbook(bytes, options.locale);
  return validated.ok ? storeFramework(validated.value, repository, options) : { status: 'invalid', issues: validated.issues };
}

/** Reads and validates a framework workbook; its problems are said in `locale`. */
export async function validateWorkbook(bytes: Uint8Array, locale: Locale): Promise<Validated<FrameworkDocument>> {
  const t = translator(locale);
  const loaded = await loadWorkbook(bytes, t);
  if (!loaded.ok) return loaded;
  const reading = readWorkbook(loaded.value);
  if (!reading.ok) return { ok: false, issues: reading.problems.map((p) => problemIssue(p, t)) };
  const validated = validateFramework(reading.document);
  if (validated.ok) return validated;
  return { ok: false, issues: validated.issues.map((issue) => workbookIssue(issue, locate(reading.locations, issue.where), t)) };
}
