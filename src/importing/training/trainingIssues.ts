import type { TableProblem } from '../../domain/training/trainingTable';
import type { ValidationIssue } from '../../domain/validation';
import type { MessageKey, Translate } from '../../i18n';

/** A problem said by row and column in the reader's language; `wording` names the message of a code that differs by file. */
export function issueOf<Code extends string>(problem: TableProblem<Code>, t: Translate, wording: Partial<Record<Code, MessageKey>> = {}): ValidationIssue {
  const { row, column, header } = problem;
  const where =
    row === undefined
      ? t('training.at.file')
      : column === undefined
        ? t('training.at.row', { row })
        : t('training.at.cell', { row, column, header: header ?? '' });
  const key = wording[problem.code] ?? (`training.problem.${problem.code}` as MessageKey);
  return { where, field: header, message: t(key, problem.params) };
}
