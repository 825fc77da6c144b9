import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { roleChanges, type TextRun } from '../../../domain/framework/roleChanges';
import { keepLineBreaks } from '../../framework/views/lineBreaks';
import { stepFrame, type StepContext } from './stepCards';

/** Bold marks the new words, unless nearly all of a role is new at its level: a paragraph all in bold reads badly. */
const NEARLY_ALL_NEW = 0.7;
/** Stands for the clauses a role shares with the level below, left out of what changes. */
const ELISION = '…';

/**
 * One role category, every level from the lowest up: the lowest with its whole role, each level above with what
 * changes from the level below (in the role's own words, the whole text one tap away), and a button to choose it.
 * Going back to an answered category shows the level chosen before.
 */
export function roleStepCard(c: StepContext, category: string): AdaptiveCard {
  const { framework, assessment, t } = c;
  const current = framework.categories.findIndex((x) => x.id === category) + 1;
  const progress = t('assessment.progress.role', { current, total: framework.categories.length });
  const frame = stepFrame(c, { kind: 'role', category }, progress);
  const levels = framework.levels;
  const options = levels.map((level, i) => {
    const role = framework.role(level.level, category);
    const below = i > 0 ? framework.role(levels[i - 1]!.level, category) : undefined;
    // A level the source says nothing of in this category is still a place to stand: it says so.
    const shown = role?.text ? shownRole(role.text, below?.text) : { summary: t('level.roleUnsaid'), whole: '' };
    const chosen = assessment.rolePositions[category] === level.level;
    return {
      level: level.level,
      title: level.title,
      changesLabel: role?.text && below?.text ? t('assessment.role.changes', { level: below.level }) : '',
      summary: shown.summary,
      text: shown.whole,
      textId: `role-${level.level}`,
      assessmentId: assessment.id,
      step: frame.step,
      chosenLabel: chosen ? t('assessment.role.chosen') : '',
      chooseStyle: chosen ? 'positive' : 'default',
      chooseLabel: t('assessment.role.choose'),
      readLabel: t('assessment.role.read'),
    };
  });
  return renderCard('assessmentRole', {
    ...frame,
    options,
    labels: {
      ...frame.labels,
      heading: t('assessment.role.heading', { category: framework.category(category)?.name ?? category }),
      hint: t('assessment.role.hint'),
      hintRead: options.some((o) => o.text !== '') ? t('assessment.role.hintRead') : '',
    },
  });
}

/**
 * A role as its option shows it (markdown): `summary` is what changes from the role below, or the whole role at
 * the lowest level; `whole` is the whole text with its changes marked, or '' when the summary already is all of it.
 */
function shownRole(text: string, below: string | undefined): { summary: string; whole: string } {
  if (below === undefined) return { summary: keepLineBreaks(text), whole: '' };
  const { clauses, changedShare } = roleChanges(below, text);
  const markdown = (runs: readonly TextRun[]): string =>
    runs.map((run) => (run.changed && changedShare < NEARLY_ALL_NEW ? `**${run.text}**` : run.text)).join('');
  // The changed clauses in order; each stretch of unchanged ones between them becomes one elision.
  const summary = clauses
    .map((clause, i) => (clause.changed ? markdown(clause.runs) : clauses[i - 1]?.changed === false ? '' : ELISION))
    .join('');
  const whole = clauses.every((clause) => clause.changed) ? '' : clauses.map((clause) => markdown(clause.runs)).join('');
  return { summary: keepLineBreaks(summary), whole: keepLineBreaks(whole) };
}
