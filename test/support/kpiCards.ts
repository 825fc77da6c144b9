import type { AdaptiveCard } from '../../src/cards/renderCard';
import { APPOINTMENT } from '../../src/domain/appointment/appointment';
import type { Framework } from '../../src/domain/framework/framework';
import { AssessedPeople } from '../../src/domain/insight/assessed';
import { CertifiedPeople } from '../../src/domain/insight/certified';
import type { ApplicationFacts } from '../../src/domain/insight/funnel';
import { kpiFigures, type TrainingSources } from '../../src/domain/insight/kpiFigures';
import { YearParticipation } from '../../src/domain/insight/participation';
import { placementsOf } from '../../src/domain/insight/placements';
import type { KpiSettings } from '../../src/domain/insight/targets';
import type { Employee } from '../../src/domain/roster/employee';
import { targetFields } from '../../src/features/insight/targetForm';
import { kpiCard } from '../../src/features/insight/views/kpiCard';
import { targetsCard } from '../../src/features/insight/views/targetsCard';
import type { Translate } from '../../src/i18n';
import { loadFrameworkFile } from '../unit/realFramework';
import { kunisakiLikeFramework } from './kunisakiLike';

/** The fiscal year the KPI cards show, and the years their selector offers. */
const FY = 2026;
const YEARS = [2021, 2022, 2023, 2024, 2025, 2026, 2027];

function staff(n: number, department: string, section = ''): Employee {
  return {
    employeeNo: `KPI${n}`,
    name: `職員 ${n}`,
    email: `kpi${n}@example.city.jp`,
    aadObjectId: `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, '0')}`,
    department,
    section,
    grade: '主任',
    roles: [],
  };
}

/** No training recorded in the year. */
const NO_TRAINING: TrainingSources = { participation: { fiscalYear: FY, participants: new Map(), candidatesRecords: new Map() }, candidacies: [] };

/**
 * A year's attendance: the framework's first programs taken by some of the staff (the first many times over), and every
 * program of the framework required of a tier taken by the first candidates, so the records complete some of them.
 */
function trainedYear(framework: Framework, employees: readonly Employee[], candidacies: TrainingSources['candidacies']): TrainingSources {
  const year = new YearParticipation(FY);
  const [first, second] = framework.document.programs;
  year.add(employees.slice(0, 300).map((e) => ({ employeeNo: e.employeeNo, programId: first!.id, date: `${FY}-06-01`, status: 'attended' as const })));
  year.add(employees.slice(0, 12).map((e) => ({ employeeNo: e.employeeNo, programId: second!.id, date: `${FY}-09-15`, status: 'completed' as const })));
  const required = framework.document.programs.filter((p) => p.requiredFor.length > 0);
  const candidatesRecords = new Map(
    candidacies.slice(0, 5).map((c) => [c.employeeNo, required.map((p) => ({ employeeNo: c.employeeNo, programId: p.id, date: `${FY}-07-01`, status: 'completed' as const }))]),
  );
  for (const records of candidatesRecords.values()) year.add(records);
  return { participation: { fiscalYear: FY, participants: year.counts(), candidatesRecords }, candidacies };
}

/** A city of fifty departments (保健福祉局 has the most staff), its assessments, applications, certified people and trainings. */
function busyYear(framework: Framework): { sources: Parameters<typeof kpiFigures>[2]; settings: KpiSettings } {
  const employees = Array.from({ length: 600 }, (_, i) => staff(i, i < 100 ? '保健福祉局' : `第${(i % 49) + 1}部局（区役所・出張所を含む）`));
  const placements = placementsOf(employees);
  const assessed = new AssessedPeople(placements);
  assessed.add(employees.slice(0, 240).map((e, i) => ({ aadObjectId: e.aadObjectId, overallRoleLevel: (i % 5) + 1, skillLevel: i % 4 })));
  const states: ApplicationFacts['state'][] = ['submitted', 'withdrawn', 'approved', 'rejected', 'selected', 'trainingCompleted', 'certified'];
  const applications = employees.slice(0, 70).map((e, i) => ({ applicantId: e.aadObjectId, state: states[i % states.length]!, department: e.department }));
  const candidacies = employees.slice(0, 70).map((e, i) => ({ employeeNo: e.employeeNo, track: 'silver', state: states[i % states.length]! }));
  const certified = new CertifiedPeople();
  certified.add(
    employees.slice(100, 160).map((e, i) => ({
      aadObjectId: e.aadObjectId,
      tier: i % 3 === 0 ? 'gold' : 'silver',
      fiscalYear: FY - (i % 4),
      certifiedAt: `${FY - (i % 4)}-12-01T00:00:00.000Z`,
      applicationId: `${FY}-silver-${e.aadObjectId}`,
    })),
  );
  const settings: KpiSettings = {
    targets: [
      { fiscalYear: FY, count: 40 },
      { fiscalYear: FY, tier: 'gold', count: 10 },
      { fiscalYear: FY - 1, count: 20 },
    ],
    baseline: 2228,
  };
  const trainings = trainedYear(framework, employees, candidacies.filter((c) => ['selected', 'trainingCompleted', 'certified'].includes(c.state)));
  return { sources: { employees, placements, assessed, certified, applications, trainings }, settings };
}

/** A Kunisaki-like city: thirty sections, a leader appointed in a few. */
function sectionsYear(): Parameters<typeof kpiFigures>[2] {
  const employees = Array.from({ length: 60 }, (_, i) => staff(1000 + i, `第${Math.floor(i / 20) + 1}課`, `第${Math.floor(i / 2) + 1}係`));
  const placements = placementsOf(employees);
  const certified = new CertifiedPeople();
  certified.add(
    employees.filter((_, i) => i % 10 === 0).map((e) => ({ aadObjectId: e.aadObjectId, tier: 'leader', fiscalYear: FY, certifiedAt: `${FY}-05-01T00:00:00.000Z`, applicationId: APPOINTMENT })),
  );
  return { employees, placements, assessed: new AssessedPeople(placements), certified, applications: [], trainings: NO_TRAINING };
}

function nothingYet(): Parameters<typeof kpiFigures>[2] {
  const placements = placementsOf([]);
  return { employees: [], placements, assessed: new AssessedPeople(placements), certified: new CertifiedPeople(), applications: [], trainings: NO_TRAINING };
}

/** A framework's KPI card before any data: its plan alone (targets, programs' planned participants). */
export function firstKpiCard(framework: Framework, t: Translate): AdaptiveCard {
  return kpiCard(framework, kpiFigures(framework, { targets: [] }, nothingYet(), FY), YEARS, t);
}

/**
 * Every KPI card: before any data, a busy year of fifty departments (with "saved" above it), a city whose KPI is a
 * leader per section (with more uncovered sections than the card lists, and with every section covered), and the
 * targets form empty, refused for bad input and after another officer's change.
 */
export function kpiCards(framework: Framework, t: Translate): { name: string; view: 'kpi' | 'kpiTargets'; card: AdaptiveCard }[] {
  const busy = busyYear(framework);
  const national = loadFrameworkFile('national');
  const nationalStaff = Array.from({ length: 40 }, (_, i) => staff(2000 + i, '総務部'));
  const nationalYear = { ...nothingYet(), trainings: trainedYear(national, nationalStaff, []) };
  const kunisaki = kunisakiLikeFramework();
  const covered = sectionsYear();
  const everyone = new CertifiedPeople();
  everyone.add(covered.employees.map((e) => ({ aadObjectId: e.aadObjectId, tier: 'leader', fiscalYear: FY, certifiedAt: `${FY}-05-01T00:00:00.000Z`, applicationId: APPOINTMENT })));
  const fields = targetFields(framework);
  const stored = { settings: busy.settings, version: 'v1-kpi-settings' };
  const typed = { targetAll: '1.5', tierTarget_silver: '', tierTarget_gold: '２０', baseline: '-3' };
  return [
    { name: 'kpi (no data yet)', view: 'kpi', card: firstKpiCard(framework, t) },
    {
      name: 'kpi (busy year, fifty departments, saved)',
      view: 'kpi',
      card: kpiCard(framework, kpiFigures(framework, busy.settings, busy.sources, FY), YEARS, t, { text: t('kpi.targets.saved'), style: 'good' }),
    },
    {
      name: 'kpi (participants against the plan\'s targets, no required trainings)',
      view: 'kpi',
      card: kpiCard(national, kpiFigures(national, { targets: [] }, nationalYear, FY), YEARS, t),
    },
    { name: 'kpi (leader per section, many uncovered)', view: 'kpi', card: kpiCard(kunisaki, kpiFigures(kunisaki, { targets: [] }, covered, FY), YEARS, t) },
    {
      name: 'kpi (leader per section, every section covered)',
      view: 'kpi',
      card: kpiCard(kunisaki, kpiFigures(kunisaki, { targets: [] }, { ...covered, certified: everyone }, FY), YEARS, t),
    },
    { name: 'kpi targets (empty form)', view: 'kpiTargets', card: targetsCard(framework, FY, stored, fields, t) },
    {
      name: 'kpi targets (refused: not whole numbers, typed values kept)',
      view: 'kpiTargets',
      card: targetsCard(framework, FY, stored, fields, t, { typed, banner: { text: t('kpi.targets.invalid', { fields: '「…」' }), style: 'warning' } }),
    },
    {
      name: 'kpi targets (changed meanwhile)',
      view: 'kpiTargets',
      card: targetsCard(framework, FY, stored, fields, t, { typed, banner: { text: t('kpi.targets.changedMeanwhile'), style: 'warning' } }),
    },
  ];
}
