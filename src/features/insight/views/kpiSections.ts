import type { PerSectionCoverage } from '../../../domain/appointment/coverage';
import type { Framework } from '../../../domain/framework/framework';
import type { DepartmentRow } from '../../../domain/insight/departments';
import type { KpiFigures } from '../../../domain/insight/kpiFigures';
import type { Translate } from '../../../i18n';
import { sectionLabel, tierName } from '../../appointment/views/describe';
import { grouped } from '../../broadcast/views/describe';
import { participationText } from '../../framework/views/programFacts';
import { holdingWords, peopleAxisTop, percentOf, textBar } from './describe';

/** The uncovered sections a card lists before "and n more": enough to act on, short enough to read. */
const UNCOVERED_SHOWN = 15;

/**
 * The data of the KPI card's other parts (cards/kpi.json; the certified people are progressSection's). Every chart
 * comes with rows of text for clients that do not draw charts: the same figures, as a bar of ■ and the numbers.
 */

/**
 * The funnel: each step's people, and the share of the step before, on a line chart whose axis counts whole people;
 * a sentence instead when every step is 0.
 */
export function funnelSection(figures: KpiFigures, t: Translate): object {
  const words = holdingWords(figures.holding, t);
  const max = Math.max(0, ...figures.funnel.map((s) => s.count));
  const direct = figures.funnel.length === 2;
  const params = { ...words, fy: figures.fiscalYear };
  return {
    empty: max === 0 ? t(direct ? 'kpi.funnel.emptyDirect' : 'kpi.funnel.empty', params) : '',
    axisTop: peopleAxisTop(max),
    steps: figures.funnel.map((step, i) => {
      const before = i > 1 ? figures.funnel[i - 1]!.count : undefined;
      const percent = before === undefined ? undefined : percentOf(step.count, before);
      return {
        label: t(`kpi.funnel.${step.stage}`, words),
        count: step.count,
        bar: textBar(step.count, max),
        figures:
          percent === undefined
            ? t('kpi.funnel.count', { count: grouped(step.count) })
            : t('kpi.funnel.countOfPrevious', { count: grouped(step.count), percent }),
      };
    }),
    training: requiredTrainingSection(figures, t),
    labels: {
      heading: t('kpi.funnel.heading', params),
      people: t('kpi.funnel.people'),
      note: t(direct ? 'kpi.funnel.noteDirect' : 'kpi.funnel.note', params),
    },
  };
}

/** The largest departments one per row, then the others added up. */
export function departmentSection(figures: KpiFigures, t: Translate): object {
  const words = holdingWords(figures.holding, t);
  const { shown, others } = figures.departments;
  const row = (r: DepartmentRow, name: string): object => ({
    name,
    staff: grouped(r.staff),
    assessed: grouped(r.assessed),
    applied: grouped(r.applied),
    certified: grouped(r.certified),
  });
  const rows = shown.map((r) => row(r, r.department === '' ? t('kpi.departments.unknown') : r.department));
  if (others) rows.push(row(others, t('kpi.departments.others', { count: others.departments })));
  return {
    rows,
    empty: rows.length === 0 ? t('kpi.departments.empty') : '',
    labels: {
      heading: t('kpi.departments.heading'),
      department: t('kpi.departments.department'),
      staff: t('kpi.departments.staff'),
      assessed: t('kpi.departments.assessed'),
      applied: t('kpi.departments.applied'),
      certified: t('kpi.departments.certified', words),
      note: t('kpi.departments.note', { ...words, fy: figures.fiscalYear }),
    },
  };
}

/**
 * The self-assessed levels: role level and skill level side by side, from Lv.0 (skills only) to the top, on a line
 * chart whose axis counts whole people; the role level alone when the framework names no required skills.
 */
export function levelSection(figures: KpiFigures, t: Translate): object {
  const { roleLevels, skillLevels } = figures.levels;
  const hasSkills = skillLevels.length > 0;
  const countAt = (counts: typeof roleLevels, level: number): number => counts.find((c) => c.level === level)?.count ?? 0;
  const levels = [...new Set([...skillLevels, ...roleLevels].map((c) => c.level))].sort((a, b) => a - b);
  const max = Math.max(0, ...roleLevels.map((c) => c.count), ...skillLevels.map((c) => c.count));
  const assessed = roleLevels.reduce((sum, c) => sum + c.count, 0);
  return {
    assessed,
    hasSkills,
    axisTop: peopleAxisTop(max),
    points: levels.map((level) => {
      const role = countAt(roleLevels, level);
      const skill = countAt(skillLevels, level);
      return {
        label: `Lv.${level}`,
        role,
        skill,
        bar: textBar(Math.max(role, skill), max),
        figures: hasSkills
          ? t('kpi.levels.row', { role: grouped(role), skill: grouped(skill) })
          : t('kpi.levels.rowRoleOnly', { role: grouped(role) }),
      };
    }),
    empty: assessed === 0 ? t('kpi.levels.empty') : '',
    labels: {
      heading: t('kpi.levels.heading', { count: grouped(assessed) }),
      role: t('kpi.levels.role'),
      skill: t('kpi.levels.skill'),
      note: t(hasSkills ? 'kpi.levels.note' : 'kpi.levels.noteRoleOnly'),
    },
  };
}

/** Which sections have a holder of the per-section tier: the counts, and the sections without one, in the framework's unit. */
export function coverageSection(framework: Framework, coverage: PerSectionCoverage, t: Translate): object {
  const { unit } = coverage;
  const uncovered = coverage.sections.filter((s) => s.leaders.length === 0);
  const summary =
    coverage.total === 0
      ? t('kpi.coverage.noSections', { unit })
      : t('kpi.coverage.summary', {
          unit,
          total: grouped(coverage.total),
          covered: grouped(coverage.covered),
          uncovered: grouped(uncovered.length),
          percent: percentOf(coverage.covered, coverage.total) ?? 0,
        });
  return {
    summary,
    uncovered: uncovered.slice(0, UNCOVERED_SHOWN).map((s) => ({ text: `・${sectionLabel(s, unit, t)}` })),
    more: uncovered.length > UNCOVERED_SHOWN ? t('kpi.coverage.more', { unit, count: grouped(uncovered.length - UNCOVERED_SHOWN) }) : '',
    complete: coverage.total > 0 && uncovered.length === 0 ? t('kpi.coverage.complete', { unit }) : '',
    labels: {
      heading: t('kpi.coverage.heading', { tier: tierName(framework, coverage.tier), unit }),
      uncoveredHeading: uncovered.length > 0 ? t('kpi.coverage.uncoveredHeading', { unit }) : '',
    },
  };
}

/**
 * The year's participants per program, from the training records, in the framework's order: a program with a target
 * against its share for a year (a bar of ■ toward it, and the plan's own words); a sentence when there is nothing to show.
 */
export function participationSection(figures: KpiFigures, t: Translate): object {
  const { fiscalYear: fy } = figures;
  const rows = figures.participation.map(({ program, participants, yearlyTarget }) => ({
    name: program.name,
    bar: yearlyTarget === undefined ? '' : textBar(participants, yearlyTarget),
    figures:
      yearlyTarget === undefined
        ? t('kpi.participation.count', { count: grouped(participants) })
        : t('kpi.participation.countOfTarget', { count: grouped(participants), target: grouped(yearlyTarget), percent: percentOf(participants, yearlyTarget) ?? 0 }),
    plan: program.participationTarget ? participationText(program.participationTarget, t) : '',
  }));
  return {
    rows,
    empty: rows.length === 0 ? t('kpi.participation.empty', { fy }) : '',
    labels: {
      heading: t('kpi.participation.heading', { fy }),
      note: t(figures.participation.some((p) => p.yearlyTarget !== undefined) ? 'kpi.participation.note' : 'kpi.participation.noteNoTargets', { fy }),
    },
  };
}

/**
 * Beside the funnel: the year's candidates who finished their required trainings, as HR recorded it on the
 * applications and as the training records show it; for a framework without required trainings, a sentence saying so.
 */
export function requiredTrainingSection(figures: KpiFigures, t: Translate): object {
  const count = figures.requiredTrainings;
  const fy = figures.fiscalYear;
  if (count.kind === 'none') return { lines: [], note: t('kpi.requiredTrainings.none') };
  return {
    lines: [
      { text: t('kpi.requiredTrainings.byState', { count: grouped(count.byState) }) },
      { text: t('kpi.requiredTrainings.byRecords', { count: grouped(count.byRecords) }) },
    ],
    note: t('kpi.requiredTrainings.note', { fy, candidates: grouped(count.candidates) }),
  };
}
