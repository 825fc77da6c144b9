import { APPOINTMENT } from '../../src/domain/appointment/appointment';
import { AssessedPeople } from '../../src/domain/insight/assessed';
import { CertifiedPeople, cumulativeProgress, planProgress, yearlyProgress, type CertificationFacts } from '../../src/domain/insight/certified';
import { departmentRows, topDepartments } from '../../src/domain/insight/departments';
import { tierHolding } from '../../src/domain/insight/holding';
import { applicantsOf, applicationFunnel, type ApplicationFacts } from '../../src/domain/insight/funnel';
import { kpiFigures, YEARS_SHOWN, type TrainingSources } from '../../src/domain/insight/kpiFigures';
import { placementsOf } from '../../src/domain/insight/placements';
import type { Employee } from '../../src/domain/roster/employee';
import { Framework } from '../../src/domain/framework/framework';
import { validateFramework } from '../../src/domain/framework/validateFramework';
import { kunisakiLikeDocument, kunisakiLikeFramework } from '../support/kunisakiLike';
import { loadFrameworkFile, loadKitakyushu } from './realFramework';

const kitakyushu = loadKitakyushu();

let n = 0;
/** Someone on the roster. */
function employee(department: string, section = ''): Employee {
  n++;
  return {
    employeeNo: `E${n}`,
    name: `職員 ${n}`,
    email: `e${n}@example.city.jp`,
    aadObjectId: `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`,
    department,
    section,
    grade: '主任',
    roles: [],
  };
}

function certification(who: string, tier: string, fiscalYear: number, certifiedAt = `${fiscalYear}-10-01T00:00:00.000Z`): CertificationFacts {
  return { aadObjectId: who, tier, fiscalYear, certifiedAt, applicationId: `${fiscalYear}-${tier}-${who}` };
}

const applied = (applicantId: string, state: ApplicationFacts['state'], department?: string): ApplicationFacts => ({ applicantId, state, department });

describe('CertifiedPeople', () => {
  it('counts nobody before anyone is certified', () => {
    const people = new CertifiedPeople();
    expect(people.countIn(2026)).toBe(0);
    expect(people.countUpTo(2026)).toBe(0);
    expect([...people.people]).toEqual([]);
  });

  it('counts each person once, in the year and tier of their latest certification, whatever the page order', () => {
    const people = new CertifiedPeople();
    // Silver in 2025, then Gold in 2026: one DX talent, counted in 2026. The older row may come in a later page.
    people.add([certification('P1', 'gold', 2026)]);
    people.add([certification('p1', 'silver', 2025), certification('p2', 'silver', 2025)]);
    expect(people.countIn(2025)).toBe(1);
    expect(people.countIn(2026)).toBe(1);
    expect(people.countIn(2026, 'gold')).toBe(1);
    expect(people.countIn(2026, 'silver')).toBe(0);
    expect(people.countUpTo(2025)).toBe(1);
    expect(people.countUpTo(2026)).toBe(2);
  });
});

describe('yearlyProgress and cumulativeProgress', () => {
  const people = new CertifiedPeople();
  people.add([certification('a', 'gold', 2026), certification('b', 'silver', 2026), certification('c', 'silver', 2024)]);

  it('give each year its certified people per tier against the targets HR set', () => {
    const settings = { targets: [{ fiscalYear: 2026, count: 300 }, { fiscalYear: 2026, tier: 'gold', count: 50 }] };
    const [y2025, y2026] = yearlyProgress(kitakyushu, settings, people, [2025, 2026]);
    expect(y2025).toEqual({
      fiscalYear: 2025,
      certified: 0,
      target: undefined,
      tiers: [
        { tier: 'silver', certified: 0, target: undefined },
        { tier: 'gold', certified: 0, target: undefined },
      ],
    });
    expect(y2026).toEqual({
      fiscalYear: 2026,
      certified: 2,
      target: { count: 300, source: 'hr' },
      tiers: [
        { tier: 'silver', certified: 1, target: undefined },
        { tier: 'gold', certified: 1, target: { count: 50, source: 'hr' } },
      ],
    });
  });

  it('add the baseline to everyone certified up to the year, against the plan\'s range target', () => {
    expect(cumulativeProgress(kitakyushu, { targets: [] }, people, 2026)).toEqual({
      baseline: { count: 2228, source: 'framework' },
      certified: 3,
      total: 2231,
      range: { fromFiscalYear: 2023, toFiscalYear: 2025, count: 2400 },
    });
    expect(cumulativeProgress(kitakyushu, { targets: [], baseline: 2000 }, people, 2025)).toMatchObject({ certified: 1, total: 2001 });
  });
});

describe('applicationFunnel', () => {
  it('is all zeros without data', () => {
    expect(applicationFunnel(0, []).map((s) => s.count)).toEqual([0, 0, 0, 0, 0]);
  });

  it('counts people, not applications, at each step they reached; withdrawn counts nowhere', () => {
    const funnel = applicationFunnel(40, [
      applied('u1', 'submitted'),
      applied('u2', 'withdrawn'),
      applied('u3', 'rejected'),
      applied('u4', 'approved'),
      applied('u5', 'notSelected'),
      applied('u6', 'selected'),
      applied('u7', 'trainingCompleted'),
      applied('u8', 'certified'),
      // Someone applying for two tracks is one person at each step.
      applied('U8', 'approved'),
    ]);
    expect(funnel).toEqual([
      { stage: 'assessed', count: 40 },
      { stage: 'applied', count: 7 },
      { stage: 'approved', count: 5 },
      { stage: 'selected', count: 3 },
      { stage: 'certified', count: 1 },
    ]);
  });

  it('lists the applicants with the department they applied from, leaving out those who withdrew', () => {
    const applicants = applicantsOf([applied('U1', 'submitted', '市民局'), applied('u2', 'withdrawn', '建設局')]);
    expect([...applicants]).toEqual([['u1', '市民局']]);
  });
});

describe('departments', () => {
  it('give staff, assessed, applied and certified per department, including one where nobody assessed', () => {
    const civic = [employee('市民局'), employee('市民局'), employee('市民局')];
    const building = [employee('建設局'), employee('建設局')];
    const placements = placementsOf([...civic, ...building]);
    const assessed = new AssessedPeople(placements);
    assessed.add([{ aadObjectId: civic[0]!.aadObjectId.toUpperCase(), overallRoleLevel: 2, skillLevel: 1 }]);
    // Someone who left the roster: their self-assessment is not counted; their application is, under the department
    // they applied from (政策局).
    assessed.add([{ aadObjectId: 'gone', overallRoleLevel: 1, skillLevel: 0 }]);
    const applicants = applicantsOf([applied(civic[1]!.aadObjectId, 'submitted', '市民局'), applied('gone', 'approved', '政策局')]);
    const certified = new CertifiedPeople();
    certified.add([certification(building[0]!.aadObjectId, 'silver', 2026)]);
    const rows = departmentRows(placements, assessed.byDepartment, applicants, certified);
    const byName = Object.fromEntries(rows.map(({ department, ...counts }) => [department, counts]));
    expect(byName).toEqual({
      市民局: { staff: 3, assessed: 1, applied: 1, certified: 0 },
      建設局: { staff: 2, assessed: 0, applied: 0, certified: 1 },
      政策局: { staff: 0, assessed: 0, applied: 1, certified: 0 },
    });
    expect(assessed.total).toBe(1);
  });

  it('list the largest of fifty departments and add up the others', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ department: `部局${String(i).padStart(2, '0')}`, staff: i + 1, assessed: 1, applied: 1, certified: i % 2 }));
    const { shown, others } = topDepartments(rows, 10);
    expect(shown.map((r) => r.staff)).toEqual([50, 49, 48, 47, 46, 45, 44, 43, 42, 41]);
    expect(others).toEqual({ department: '', departments: 40, staff: (40 * 41) / 2, assessed: 40, applied: 40, certified: 20 });
    expect(topDepartments(rows.slice(0, 3), 10)).toEqual({ shown: [rows[2], rows[1], rows[0]] });
  });
});

describe('AssessedPeople', () => {
  it('spreads nobody over every level when nobody is assessed', () => {
    const assessed = new AssessedPeople(new Map());
    expect(assessed.total).toBe(0);
    const { roleLevels, skillLevels } = assessed.distribution(5);
    expect(roleLevels.map((l) => [l.level, l.count])).toEqual([[1, 0], [2, 0], [3, 0], [4, 0], [5, 0]]);
    expect(skillLevels.map((l) => l.level)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('counts role and skill levels of the people on the roster, keeping a level above the framework\'s top', () => {
    const placements = new Map(['a', 'b', 'c'].map((id) => [id, { department: '市民局', section: '' }]));
    const assessed = new AssessedPeople(placements);
    assessed.add([{ aadObjectId: 'not-on-the-roster', overallRoleLevel: 3, skillLevel: 3 }]);
    assessed.add([
      { aadObjectId: 'a', overallRoleLevel: 2, skillLevel: 0 },
      { aadObjectId: 'b', overallRoleLevel: 2, skillLevel: 1 },
    ]);
    assessed.add([{ aadObjectId: 'c', overallRoleLevel: 6, skillLevel: 1 }]);
    const { roleLevels, skillLevels } = assessed.distribution(5);
    expect(roleLevels.map((l) => l.count)).toEqual([0, 2, 0, 0, 0, 1]);
    expect(skillLevels.map((l) => l.count)).toEqual([1, 2, 0, 0, 0, 0]);
    expect(assessed.total).toBe(3);
  });
});

describe('kpiFigures', () => {
  const employees = [employee('市民局'), employee('建設局')];
  const sources = (overrides: Partial<Parameters<typeof kpiFigures>[2]> = {}): Parameters<typeof kpiFigures>[2] => {
    const placements = placementsOf(employees);
    return { employees, placements, assessed: new AssessedPeople(placements), certified: new CertifiedPeople(), applications: [], trainings: noTraining(), ...overrides };
  };

  it('shows the chosen year and the four before it, with no coverage for Kitakyushu, and zeros without data', () => {
    const figures = kpiFigures(kitakyushu, { targets: [] }, sources(), 2026);
    expect(figures.years.map((y) => y.fiscalYear)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(figures.years).toHaveLength(YEARS_SHOWN);
    expect(figures.funnel.map((s) => s.stage)).toEqual(['assessed', 'applied', 'approved', 'selected', 'certified']);
    expect(figures.funnel.every((s) => s.count === 0)).toBe(true);
    expect(figures.cumulative.total).toBe(2228);
    expect(figures.staff).toBe(2);
    expect(figures.coverage).toBeUndefined();
  });

  it('gives a city without applications a funnel from assessed to certified, and the coverage of its sections', () => {
    const framework = kunisakiLikeFramework();
    const roster = [employee('総務課', '総務係'), employee('総務課', '人事係'), employee('総務課', '人事係'), employee('税務課', '')];
    const placements = placementsOf(roster);
    const certified = new CertifiedPeople();
    const leader = roster[1]!.aadObjectId;
    certified.add([{ aadObjectId: leader, tier: 'leader', fiscalYear: 2026, certifiedAt: '2026-05-01T00:00:00.000Z', applicationId: APPOINTMENT }]);
    const figures = kpiFigures(framework, { targets: [] }, { employees: roster, placements, assessed: new AssessedPeople(placements), certified, applications: [], trainings: noTraining() }, 2026);
    expect(figures.funnel).toEqual([
      { stage: 'assessed', count: 0 },
      { stage: 'certified', count: 1 },
    ]);
    expect(figures.coverage).toMatchObject({ tier: 'leader', total: 3, covered: 1 });
    // The sections without a leader, the department's own line among them.
    const uncovered = figures.coverage!.sections.filter((s) => s.leaders.length === 0).map((s) => `${s.department}/${s.section}`);
    expect(uncovered.sort()).toEqual(['税務課/', '総務課/総務係']);
  });
});

describe('planProgress and tierHolding', () => {
  const moka = loadFrameworkFile('moka');

  it('sets each tier the plan gives a head count against those who hold it now, whatever the year', () => {
    const people = new CertifiedPeople();
    // p1 went on from アドバイザー to エキスパート: they hold エキスパート now, and count there only.
    people.add([certification('p1', 'adviser', 2024), certification('p1', 'expert', 2026), certification('p2', 'adviser', 2026)]);
    expect(planProgress(moka, people)).toEqual([
      { tier: 'adviser', holders: 1, target: 60 },
      { tier: 'expert', holders: 1, target: 30 },
      { tier: 'specialist', holders: 0, target: 10 },
    ]);
    // After the plan's last yearly target (FY2025) the head counts are still there.
    expect(kpiFigures(moka, { targets: [] }, { ...emptySources(), certified: people }, 2030).plan).toHaveLength(3);
  });

  it('leaves out tiers without a head count, and the per-section tier, whose head count the coverage measures', () => {
    expect(planProgress(kitakyushu, new CertifiedPeople())).toEqual([]);
    // The Kunisaki-like leader tier has "1" as its head count: one per section, not one in all.
    expect(planProgress(kunisakiLikeFramework(), new CertifiedPeople())).toEqual([]);
  });

  it('says people are certified in Kitakyushu and Moka, appointed in Kunisaki, from the rules alone', () => {
    expect(tierHolding(kitakyushu)).toBe('certified');
    expect(tierHolding(moka)).toBe('certified');
    expect(tierHolding(loadFrameworkFile('kunisaki'))).toBe('appointed');
    expect(tierHolding(kunisakiLikeFramework())).toBe('appointed');
  });

  it('says "certified or appointed" when some tiers are certified and others appointed', () => {
    // 高度専門人材 certified after an evaluation, DX推進リーダー appointed.
    const doc = kunisakiLikeDocument('mixed');
    const evaluation = { tiers: ['advanced'], viewpoints: [{ id: 'policy', name: '政策的観点', raters: '幹部職員' }], text: '評価して認定する。' };
    const appointment = { tiers: ['leader'], perSection: 'leader', coverageUnit: '係', text: 'DX推進リーダーは各係に1人。' };
    const mixed = validateFramework({ ...doc, rules: { ...(doc.rules as object), evaluation, appointment } });
    if (!mixed.ok) throw new Error(JSON.stringify(mixed.issues));
    expect(tierHolding(new Framework(mixed.value, 'v1'))).toBe('certifiedOrAppointed');
  });
});

/** No training recorded in the year. */
function noTraining(): TrainingSources {
  return { participation: { fiscalYear: 2026, participants: new Map(), candidatesRecords: new Map() }, candidacies: [] };
}

function emptySources(): Parameters<typeof kpiFigures>[2] {
  const placements = placementsOf([]);
  return { employees: [], placements, assessed: new AssessedPeople(placements), certified: new CertifiedPeople(), applications: [], trainings: noTraining() };
}
