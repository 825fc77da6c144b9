import type { ValidationIssue } from '../../domain/validation';
import type { Translate } from '../../i18n';
import type { Location, WorkbookProblem } from './readSheet';
import type { Locations } from './readWorkbook';

/** The last step of a path: `.definition`, `[3]` or `[]`. */
const LAST_STEP = /(\.[^.[\]]+|\[\d*\])$/;

/**
 * Where in the workbook a validation issue points: the cell its path was read from, else the nearest part that
 * was read (the row of an item, the sheet of a list), else the first cell inside it (a part left out altogether).
 */
export function locate(locations: Locations, where: string): Location | undefined {
  for (let path = where; path !== ''; path = path.replace(LAST_STEP, '')) {
    const at = locations.get(path);
    if (at) return at;
    if (!LAST_STEP.test(path)) break;
  }
  for (const [path, at] of locations) if (path.startsWith(`${where}.`) || path.startsWith(`${where}[`)) return at;
  return undefined;
}

/** A validation issue said by sheet, row and column, in the reader's language. */
export function workbookIssue(issue: ValidationIssue, at: Location | undefined, t: Translate): ValidationIssue {
  const message = issue.code ? t(`issue.${issue.code}`, issue.params) : issue.message;
  return { where: placeName(at, t), item: issue.item, field: issue.field, message };
}

/** A problem of the workbook itself, said the same way. */
export function problemIssue(problem: WorkbookProblem, t: Translate): ValidationIssue {
  return { where: placeName(problem.at, t), message: t(problem.key, problem.params) };
}

function placeName(at: Location | undefined, t: Translate): string {
  if (!at) return t('workbook.at.file');
  if (at.column) return t('workbook.at.cell', { sheet: at.sheet, row: at.row ?? 1, column: at.column, header: at.header ?? '' });
  if (at.row) return t('workbook.at.row', { sheet: at.sheet, row: at.row });
  return t('workbook.at.sheet', { sheet: at.sheet });
}
