import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { PerSectionCoverage, SectionCoverage } from '../../../domain/appointment/coverage';
import type { Framework } from '../../../domain/framework/framework';
import type { AppointmentRules } from '../../../domain/framework/schema';
import type { Employee } from '../../../domain/roster/employee';
import type { Translate } from '../../../i18n';
import { keepLineBreaks } from '../../framework/views/lineBreaks';
import { placeOf, sectionLabel, tierName } from './describe';

/** Someone holding an appointment, with their roster entry while they are on the roster. */
export interface Appointed {
  readonly aadObjectId: string;
  readonly tier: string;
  readonly employee?: Employee;
}

/** At most this many lines (a section, or one person's appointment) are listed; the rest are counted in one line. */
export const MAX_ROWS = 300;
/** Teams refuses messages over about 100 KB: a card with long names lists fewer rows to stay under this. */
const MAX_CARD_BYTES = 70 * 1024;

/**
 * HR's view of appointments: how many sections have their per-section appointee, the sections without one first
 * (what HR acts on), then each section's appointees and the other appointments, each with a button to end it; and
 * the form to appoint someone.
 */
export function coverageCard(
  framework: Framework,
  rules: AppointmentRules,
  coverage: PerSectionCoverage | undefined,
  others: readonly Appointed[],
  t: Translate,
): AdaptiveCard {
  for (let rows = MAX_ROWS; ; rows = Math.floor(rows / 2)) {
    const card = renderCoverage(framework, rules, coverage, others, t, rows);
    if (rows === 0 || Buffer.byteLength(JSON.stringify(card), 'utf8') <= MAX_CARD_BYTES) return card;
  }
}

function renderCoverage(
  framework: Framework,
  rules: AppointmentRules,
  coverage: PerSectionCoverage | undefined,
  others: readonly Appointed[],
  t: Translate,
  maxRows: number,
): AdaptiveCard {
  const perSection = coverage ? tierName(framework, coverage.tier) : '';
  const unit = coverage?.unit ?? '';
  const sections = coverage?.sections ?? [];
  const uncovered = sections.filter((s) => s.leaders.length === 0);
  const covered = sections.filter((s) => s.leaders.length > 0);
  let rowsLeft = maxRows;
  const upTo = <T>(items: readonly T[], rows: (item: T) => number): T[] => {
    const shown: T[] = [];
    for (const item of items) {
      if (rows(item) > rowsLeft) break;
      rowsLeft -= rows(item);
      shown.push(item);
    }
    return shown;
  };
  const shownUncovered = upTo(uncovered, () => 1);
  const shownCovered = upTo(covered, (s) => 1 + s.leaders.length);
  const shownOthers = upTo(others, () => 1);
  const hiddenSections = sections.length - shownUncovered.length - shownCovered.length;
  const hiddenOthers = others.length - shownOthers.length;
  const sectionLine = (s: SectionCoverage): string => t('appointment.coverage.section', { section: sectionLabel(s, unit, t), staff: s.staff });
  const end = (aadObjectId: string, name: string): { aadObjectId: string; title: string } => ({
    aadObjectId,
    title: t('appointment.end.button', { name }),
  });
  return renderCard('appointmentCoverage', {
    summary: coverage ? t('appointment.coverage.summary', { tier: perSection, unit, covered: coverage.covered, total: coverage.total }) : '',
    rulesText: keepLineBreaks(rules.text),
    allCovered: coverage && coverage.total > 0 && uncovered.length === 0 ? t('appointment.coverage.allCovered', { tier: perSection, unit }) : '',
    uncoveredHeading: uncovered.length > 0 ? t('appointment.coverage.uncovered', { tier: perSection, unit, count: uncovered.length }) : '',
    uncovered: shownUncovered.map((s) => ({ line: sectionLine(s) })),
    coveredHeading: covered.length > 0 ? t('appointment.coverage.covered', { tier: perSection, unit, count: covered.length }) : '',
    covered: shownCovered.map((s) => ({
      line: sectionLine(s),
      names: s.leaders.map((l) => t('appointment.person', { name: l.name, grade: l.grade })).join(t('appointment.nameSeparator')),
      ends: s.leaders.map((l) => end(l.aadObjectId, l.name)),
    })),
    othersHeading: others.length > 0 ? t(coverage ? 'appointment.coverage.others' : 'appointment.coverage.all') : '',
    others: shownOthers.map((o) => {
      const name = o.employee?.name ?? t('appointment.notOnRoster');
      const place = o.employee ? placeOf(o.employee, t) : '—';
      return { line: t('appointment.coverage.other', { name, tier: tierName(framework, o.tier), place }), ...end(o.aadObjectId, name) };
    }),
    hidden: hiddenSections + hiddenOthers > 0 ? t('appointment.coverage.hidden', { sections: hiddenSections, unit, appointees: hiddenOthers }) : '',
    tierChoices: rules.tiers.map((id) => ({ title: tierName(framework, id), value: id })),
    defaultTier: rules.perSection ?? rules.tiers[0],
    labels: {
      title: t('appointment.coverage.title'),
      formHeading: t('appointment.form.heading'),
      email: t('appointment.form.email'),
      emailPlaceholder: t('appointment.form.emailPlaceholder'),
      tier: t('appointment.form.tier'),
      next: t('appointment.form.next'),
      refresh: t('appointment.coverage.refresh'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
