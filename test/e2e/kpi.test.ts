import type { Locator } from 'playwright-core';
import { submitApplication } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import type { Employee } from '../../src/domain/roster/employee';
import { expectCardScreenshot, playgroundSessionsForThisFile, t, type PlaygroundSession } from './playgroundSession';
import { recordSelfAssessed } from '../support/selfAssessed';

// HR's KPI card in the real Agents Playground, as the demo HR officer sees it: first before anyone has a number,
// then with a few. Teams scales a chart's axis to its data by itself; with few or no numbers the axes used to read
// 0.25 or 2.50e-5 people and the years before the bot showed as empty although the card states the baseline.

const sessions = playgroundSessionsForThisFile({ roles: ['hr'] });
const fy = fiscalYearOf(new Date());
/** Kitakyushu's plan: 2,400 DX talents over FY2023–2025, of whom 2,228 were reached before the bot. */
const BASELINE = 2228;
const PLAN = { from: 2023, to: 2025, target: '2,400' };
const held = { held: t('kpi.holding.certified'), Held: t('kpi.holding.certifiedTitle') };

/** The Teams charts drawn on a card, each by the title it announces to a screen reader ("title, Line chart …"). */
async function chartTitles(card: Locator): Promise<string[]> {
  const charts = card.locator('[role="alert"][aria-label]');
  const labels = await Promise.all(Array.from({ length: await charts.count() }, (_, i) => charts.nth(i).getAttribute('aria-label')));
  return labels.map((label) => (label ?? '').split(', ')[0]!);
}

/** Every number a chart on the card draws as text: axis ticks, a gauge's ends and value. */
async function chartNumbers(card: Locator): Promise<string[]> {
  const texts = await card.locator('[role="alert"] svg text').allTextContents();
  return texts.map((text) => text.trim()).filter((text) => /^[-\d.e+]+k?$/.test(text));
}

/** A count of people as a chart writes it: 3, 250, 1.2k — never 0.25 or 2.50e-5. */
const WHOLE_PEOPLE = /^(?:\d+|\d+(?:\.\d)?k)$/;

/** Opens the KPI by chat and waits for the card that shows `line`, a line only this state of the figures has. */
async function openKpi(hr: PlaygroundSession, line: string): Promise<Locator> {
  await hr.send('KPI');
  const card = await hr.latestCardShowing(line);
  await hr.waitFor(card.getByText(t('kpi.title', { fy }), { exact: true }), 'the KPI card\'s title');
  return card;
}

test('with no numbers yet, the card draws the baseline against the plan and says where there is nothing to chart', async () => {
  const { hr } = sessions;
  const card = await openKpi(hr, t('kpi.plan.subLabel', { ...PLAN, total: '2,228' }));
  // One chart: the 2,228 reached before the bot against the plan's 2,400, not five empty years.
  expect(await chartTitles(card)).toEqual([t('kpi.plan.title', held)]);
  expect(await chartNumbers(card)).toEqual(['0', '2400', String(BASELINE)]);
  for (const sentence of [
    t('kpi.chart.nothingYet', { ...held, from: fy - 4, to: fy }),
    t('kpi.funnel.empty', { ...held, fy }),
    t('kpi.levels.empty'),
  ]) {
    await hr.waitFor(card.getByText(sentence, { exact: true }), `"${sentence}" where a chart would be empty`);
  }
  await expectCardScreenshot(hr, card, 'kpi-no-numbers.png');
});

test('with a few numbers, every chart counts whole people', async () => {
  const { hr } = sessions;
  const { cast } = hr;
  await selfAssessed(hr, cast.employee, 2, 1);
  await selfAssessed(hr, cast.manager, 3, 2);
  await certifiedThroughApplication(hr, cast.employee, 'gold');
  await certified(hr, cast.manager, 'silver', fy - 1);

  const total = (BASELINE + 2).toLocaleString('en-US');
  const card = await openKpi(hr, t('kpi.plan.subLabel', { ...PLAN, total }));
  expect(await chartTitles(card)).toEqual([
    t('kpi.plan.title', held),
    t('kpi.chart.title', held),
    t('kpi.funnel.heading', { ...held, fy }),
    t('kpi.levels.heading', { count: 2 }),
  ]);
  // The years chart starts at the first year with someone certified: last year and this one.
  await hr.waitFor(card.getByText(t('kpi.year', { fy: fy - 1 }), { exact: true }), 'last year on the years chart');
  expect(await card.getByText(t('kpi.year', { fy: fy - 2 }), { exact: true }).count()).toBe(0);
  const numbers = await chartNumbers(card);
  // The gauge (0, 2400, the total) and three axes of five ticks each.
  expect(numbers).toHaveLength(3 + 3 * 5);
  expect(numbers.filter((n) => !WHOLE_PEOPLE.test(n))).toEqual([]);
  await expectCardScreenshot(hr, card, 'kpi-few-numbers.png');
});

/** Records a finished self-assessment, as the assessment does when someone completes one. */
function selfAssessed({ harness }: PlaygroundSession, who: Employee, overallRoleLevel: number, skillLevel: number): Promise<void> {
  return recordSelfAssessed(harness.bot.repositories.assessmentSummaries, harness.frameworkId, who.aadObjectId, { overallRoleLevel, skillLevel });
}

/** Someone certified in a fiscal year (as HR's last step records it). */
function certified({ harness }: PlaygroundSession, who: Employee, tier: string, fiscalYear: number): Promise<void> {
  return harness.bot.repositories.certifications.record({
    frameworkId: harness.frameworkId,
    aadObjectId: who.aadObjectId,
    tier,
    fiscalYear,
    certifiedAt: new Date(Date.UTC(fiscalYear, 9, 1)).toISOString(),
    applicationId: `${fiscalYear}-${tier}-${who.aadObjectId}`,
  });
}

/** This year's application, taken all the way to certification. */
async function certifiedThroughApplication(session: PlaygroundSession, who: Employee, tier: string): Promise<void> {
  const { harness, cast } = session;
  const submitted = submitApplication(
    {
      frameworkId: harness.frameworkId,
      fiscalYear: fy,
      track: tier,
      applicant: { aadObjectId: who.aadObjectId, name: who.name, employeeNo: who.employeeNo, department: who.department, grade: who.grade },
      approver: { aadObjectId: cast.manager.aadObjectId, name: cast.manager.name },
      motivation: '窓口のオンライン化を進めたいです。',
    },
    new Date(),
  );
  await harness.bot.repositories.applications.create({ ...submitted, state: 'certified' });
  await certified(session, who, tier, fy);
}
