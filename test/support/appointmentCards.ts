import type { AdaptiveCard } from '../../src/cards/renderCard';
import { APPOINTMENT, perSectionCoverage } from '../../src/domain/appointment/appointment';
import type { PerSectionCoverage } from '../../src/domain/appointment/coverage';
import type { Employee } from '../../src/domain/roster/employee';
import { appointConfirmCard, endConfirmCard } from '../../src/features/appointment/views/confirmCard';
import { coverageCard, MAX_ROWS, type Appointed } from '../../src/features/appointment/views/coverageCard';
import type { Translate } from '../../src/i18n';
import { kunisakiLikeFramework } from './kunisakiLike';

/** Someone on a Kunisaki-like roster. */
function staff(n: number, name: string, department: string, section: string, grade = '主任'): Employee {
  return {
    employeeNo: `K${n}`,
    name,
    email: `k${n}@example.lg.jp`,
    aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    department,
    section,
    grade,
    roles: [],
  };
}

const ROSTER = [
  staff(1, '国東 一郎', '総務課', '総務係'),
  staff(2, '安岐 花子', '総務課', '人事係', '係長'),
  staff(3, '国見 美咲', '政策企画課', '広報・DX推進係'),
  staff(4, '武蔵 健', '総務課', '', '課長'),
];
const [ichiro, hanako, misaki, takeshi] = ROSTER as [Employee, Employee, Employee, Employee];
/** An Entra id the roster no longer has: an appointment left behind by someone who moved on. */
const GONE = '00000000-0000-4000-8000-999999999999';

/** A roster with more sections than the coverage card lists (three people in each), with long names. */
export function largeRoster(): Employee[] {
  const sections = MAX_ROWS + 30;
  return Array.from({ length: sections * 3 }, (_, i) =>
    staff(1000 + i, `職員 ${i}`, `第${Math.floor(i / 30) + 1}部 とても長い名前の課${Math.floor(i / 15)}`, `第${Math.floor(i / 3)}係（窓口・電子申請・証明書発行）`),
  );
}

/** Every appointment card: the coverage with nobody, some and everyone appointed, without a per-section tier, and the confirmations. */
export function appointmentCards(t: Translate): { name: string; view: 'appointmentCoverage' | 'appointmentConfirm'; card: AdaptiveCard }[] {
  const framework = kunisakiLikeFramework();
  const rules = framework.rules.appointment!;
  const appointed = (people: readonly Employee[], tier = 'leader'): Appointed[] =>
    people.map((p) => ({ aadObjectId: p.aadObjectId, tier, employee: p }));
  const coverageOf = (roster: readonly Employee[], leaders: readonly Employee[]): PerSectionCoverage =>
    perSectionCoverage(roster, leaders.map((l) => ({ aadObjectId: l.aadObjectId, tier: 'leader', applicationId: APPOINTMENT })), rules)!;
  const large = largeRoster();
  const others: Appointed[] = [...appointed([misaki], 'advanced'), { aadObjectId: GONE, tier: 'leader' }];
  return [
    { name: 'appointments (nobody appointed)', view: 'appointmentCoverage', card: coverageCard(framework, rules, coverageOf(ROSTER, []), [], t) },
    {
      name: 'appointments (some sections, other appointments, someone gone)',
      view: 'appointmentCoverage',
      card: coverageCard(framework, rules, coverageOf(ROSTER, [ichiro, takeshi]), others, t),
    },
    {
      name: 'appointments (every section)',
      view: 'appointmentCoverage',
      card: coverageCard(framework, rules, coverageOf(ROSTER, ROSTER), [], t),
    },
    {
      name: 'appointments (no per-section tier)',
      view: 'appointmentCoverage',
      card: coverageCard(framework, { ...rules, perSection: undefined }, undefined, appointed([ichiro, hanako]), t),
    },
    {
      name: 'appointments (more sections than the card lists)',
      view: 'appointmentCoverage',
      card: coverageCard(framework, rules, coverageOf(large, large.filter((_, i) => i % 6 === 0)), [], t),
    },
    {
      name: 'appointments (every section, two leaders each, more than fit)',
      view: 'appointmentCoverage',
      card: coverageCard(framework, rules, coverageOf(large, large.filter((_, i) => i % 3 !== 2)), appointed(large.slice(0, 50), 'advanced'), t),
    },
    { name: 'appointment confirmation', view: 'appointmentConfirm', card: appointConfirmCard(framework, hanako, 'leader', undefined, '', t) },
    {
      name: 'appointment confirmation (replacing another)',
      view: 'appointmentConfirm',
      card: appointConfirmCard(framework, takeshi, 'leader', 'advanced', 'W/"datetime\'2026-04-01T00%3A00%3A00Z\'"', t),
    },
    { name: 'ending confirmation', view: 'appointmentConfirm', card: endConfirmCard(framework, appointed([ichiro])[0]!, 'W/"etag-1"', t) },
    { name: 'ending confirmation (not on the roster)', view: 'appointmentConfirm', card: endConfirmCard(framework, { aadObjectId: GONE, tier: 'leader' }, 'W/"etag-2"', t) },
  ];
}
