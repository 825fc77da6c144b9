import { APPOINTMENT, perSectionHolders } from '../../src/domain/appointment/appointment';
import { sectionCoverage } from '../../src/domain/appointment/coverage';
import type { Employee } from '../../src/domain/roster/employee';
import { kunisakiLikeFramework } from '../support/kunisakiLike';

let n = 0;
/** Someone on the roster, in a department and section. */
function employee(name: string, department: string, section: string): Employee {
  n++;
  return {
    employeeNo: `E${n}`,
    name,
    email: `e${n}@example.city.jp`,
    aadObjectId: `0000000${n % 10}-0000-4000-8000-${String(n).padStart(12, '0')}`,
    department,
    section,
    grade: '主任',
    roles: [],
  };
}

const rules = kunisakiLikeFramework().rules.appointment!;
const somu1 = employee('国東 一郎', '総務課', '総務係');
const somu2 = employee('国東 二郎', '総務課', '総務係');
const jinji = employee('安岐 花子', '総務課', '人事係');
const kacho = employee('武蔵 課長', '総務課', '');
const kikaku = employee('国見 美咲', '政策企画課', '広報・DX推進係');
const dai10 = employee('姫島 十', '市民課', '第10係');
const dai2 = employee('姫島 二', '市民課', '第2係');
const roster = [dai10, kikaku, somu1, jinji, somu2, kacho, dai2];

const leaders = (...people: Employee[]): Map<string, string> => new Map(people.map((p) => [p.aadObjectId, 'leader']));
const labels = (coverage: ReturnType<typeof sectionCoverage>): string[] => coverage.sections.map((s) => `${s.department}/${s.section}`);

describe('sectionCoverage', () => {
  it('lists every section of the roster once, by department then section, numbers as numbers', () => {
    const coverage = sectionCoverage(roster, new Map());
    expect(labels(coverage)).toEqual([
      '市民課/第2係',
      '市民課/第10係',
      '政策企画課/広報・DX推進係',
      '総務課/',
      '総務課/人事係',
      '総務課/総務係',
    ]);
    expect(coverage.sections.map((s) => s.staff)).toEqual([1, 1, 1, 1, 1, 2]);
  });

  it('counts nobody covered when nobody is appointed', () => {
    const coverage = sectionCoverage(roster, new Map());
    expect({ covered: coverage.covered, total: coverage.total }).toEqual({ covered: 0, total: 6 });
    expect(coverage.sections.every((s) => s.leaders.length === 0)).toBe(true);
  });

  it('puts each leader in the section the roster has them in, and counts a section once however many it has', () => {
    const coverage = sectionCoverage(roster, leaders(somu1, somu2, kikaku));
    expect({ covered: coverage.covered, total: coverage.total }).toEqual({ covered: 2, total: 6 });
    const somu = coverage.sections.find((s) => s.section === '総務係')!;
    expect(somu.leaders.map((l) => l.name)).toEqual(['国東 一郎', '国東 二郎']);
    expect(coverage.sections.find((s) => s.section === '人事係')!.leaders).toEqual([]);
  });

  it('counts employees without a section under their department', () => {
    const coverage = sectionCoverage(roster, leaders(kacho));
    const department = coverage.sections.find((s) => s.department === '総務課' && s.section === '')!;
    expect(department.leaders).toEqual([kacho]);
    expect(coverage.covered).toBe(1);
  });

  it('matches Entra ids whatever their case, and ignores appointees no longer on the roster', () => {
    const upper = { ...jinji, aadObjectId: jinji.aadObjectId.toUpperCase() };
    const coverage = sectionCoverage([upper], new Map([[jinji.aadObjectId, 'leader'], ['99999999-0000-4000-8000-000000000000', 'leader']]));
    expect(coverage).toEqual({ sections: [{ department: '総務課', section: '人事係', staff: 1, leaders: [upper] }], covered: 1, total: 1 });
  });

  it('has nothing to cover without a roster', () => {
    expect(sectionCoverage([], leaders(somu1))).toEqual({ sections: [], covered: 0, total: 0 });
  });
});

describe('perSectionHolders', () => {
  it('keeps the appointments to the per-section tier only, by lower-case id', () => {
    const held = [
      { aadObjectId: somu1.aadObjectId.toUpperCase(), tier: 'leader', applicationId: APPOINTMENT },
      { aadObjectId: jinji.aadObjectId, tier: 'advanced', applicationId: APPOINTMENT },
      // A tier reached by applying is not an appointment, even to a tier HR also appoints to.
      { aadObjectId: kikaku.aadObjectId, tier: 'leader', applicationId: '2026-leader-x' },
    ];
    expect(perSectionHolders(held, rules)).toEqual(new Map([[somu1.aadObjectId, 'leader']]));
  });

  it('is empty for a framework that appoints but has no per-section tier', () => {
    const held = [{ aadObjectId: somu1.aadObjectId, tier: 'leader', applicationId: APPOINTMENT }];
    expect(perSectionHolders(held, { ...rules, perSection: undefined }).size).toBe(0);
  });
});
