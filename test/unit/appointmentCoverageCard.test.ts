import { APPOINTMENT, perSectionCoverage } from '../../src/domain/appointment/appointment';
import type { PerSectionCoverage } from '../../src/domain/appointment/coverage';
import type { Employee } from '../../src/domain/roster/employee';
import { coverageCard, MAX_ROWS } from '../../src/features/appointment/views/coverageCard';
import { translator } from '../../src/i18n';
import { largeRoster } from '../support/appointmentCards';
import { executeActions, textOf } from '../support/botHarness';
import { coverageSection } from '../../src/features/insight/views/kpiSections';
import { kunisakiLikeDocument, kunisakiLikeFramework } from '../support/kunisakiLike';
import { loadFrameworkDocument } from './realFramework';

const framework = kunisakiLikeFramework();
const rules = framework.rules.appointment!;
const t = translator('ja');

function coverageWith(roster: readonly Employee[], leaders: readonly Employee[]): PerSectionCoverage {
  const held = leaders.map((l) => ({ aadObjectId: l.aadObjectId, tier: 'leader', applicationId: APPOINTMENT }));
  return perSectionCoverage(roster, held, rules)!;
}

const endButtons = (card: unknown): unknown[] => executeActions(card).filter((a) => a.verb === 'hr.appointment.end').map((a) => a.data);

describe('the coverage card', () => {
  const roster = largeRoster().slice(0, 9);
  const [first, second, , fourth] = roster as [Employee, Employee, Employee, Employee];

  it('lists the sections without a leader first, then each section with its leaders and a button to end each', () => {
    const card = coverageCard(framework, rules, coverageWith(roster, [fourth, first, second]), [], t);
    const lines = textOf(card).split('\n');
    const uncovered = lines.indexOf('DX推進リーダーがいない係（1）');
    const covered = lines.indexOf('DX推進リーダーがいる係（2）');
    expect(uncovered).toBeGreaterThan(0);
    expect(covered).toBeGreaterThan(uncovered);
    expect(lines).toContain('DX推進リーダーがいる係：2 / 3');
    expect(lines).toContain('職員 0（主任）、職員 1（主任）');
    expect(endButtons(card)).toEqual([first, second, fourth].map((p) => ({ aadObjectId: p.aadObjectId })));
  });

  it('says so when every section has its leader', () => {
    const card = coverageCard(framework, rules, coverageWith(roster, [roster[0]!, roster[3]!, roster[6]!]), [], t);
    expect(textOf(card)).toContain('すべての係にDX推進リーダーがいます。');
    expect(textOf(card)).not.toContain('がいない係');
  });

  it('lists every appointment by person when the framework has no per-section tier', () => {
    const card = coverageCard(framework, { ...rules, perSection: undefined }, undefined, [{ aadObjectId: first.aadObjectId, tier: 'advanced', employee: first }], t);
    const text = textOf(card);
    expect(text).not.toContain('がいる係');
    expect(text).toContain('任命されている職員');
    expect(text).toContain(`職員 0：高度専門人材（${first.department} ${first.section}）`);
    expect(endButtons(card)).toEqual([{ aadObjectId: first.aadObjectId }]);
  });

  it('lists no more rows than fit, uncovered sections first, counts the rest, and stays under Teams\' limit', () => {
    const large = largeRoster();
    // Two leaders in every section, so the rows (a section and each of its leaders) run out long before the sections.
    const card = coverageCard(framework, rules, coverageWith(large, large.filter((_, i) => i % 3 !== 2)), [], t);
    const listed = endButtons(card).length;
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThanOrEqual((MAX_ROWS * 2) / 3);
    const sections = large.length / 3;
    expect(textOf(card)).toMatch(new RegExp(`係${sections - listed / 2}件と任命0件の表示を省略しています`));
    expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(80 * 1024);
  });

  it('counts in the unit the framework names: a city that counts its 課 says 課, on this card and on the KPI', () => {
    const document = kunisakiLikeDocument('per-ka');
    const rules = document.rules as { appointment: Record<string, unknown> };
    rules.appointment.coverageUnit = '課';
    const perKa = loadFrameworkDocument(document, 'a framework counting 課');
    const coverage = perSectionCoverage(roster, [{ aadObjectId: first.aadObjectId, tier: 'leader', applicationId: APPOINTMENT }], perKa.rules.appointment)!;
    expect(coverage.unit).toBe('課');
    expect(textOf(coverageCard(perKa, perKa.rules.appointment!, coverage, [], t))).toContain('DX推進リーダーがいる課：1 / 3');
    const kpi = coverageSection(perKa, coverage, t) as { summary: string; labels: { heading: string } };
    expect(kpi.labels.heading).toBe('DX推進リーダーの配置（課ごと）');
    expect(kpi.summary).toBe('3課のうち配置済みは1（33%）、未配置は2です。');
  });
});
