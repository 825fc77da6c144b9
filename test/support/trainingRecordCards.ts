import type { AdaptiveCard } from '../../src/cards/renderCard';
import type { Framework } from '../../src/domain/framework/framework';
import type { Employee } from '../../src/domain/roster/employee';
import { TRAINING_STATUSES, type TrainingRecord } from '../../src/domain/training/trainingRecord';
import { trainingRecordCard } from '../../src/features/training/views/trainingRecordCard';
import type { Locale, Translate } from '../../src/i18n';

const EMPLOYEE: Employee = {
  employeeNo: 'E1001',
  name: '八幡 花子',
  email: 'hanako@example.city.jp',
  aadObjectId: 'dddddddd-0000-4000-8000-000000000001',
  department: '政策局',
  section: 'DX・AI戦略室',
  grade: '主任',
  roles: [],
};

/** `count` records of the framework's programs, a session a month back from June 2026, each status in turn. */
function recordsOf(framework: Framework, count: number): TrainingRecord[] {
  const programs = framework.document.programs;
  return Array.from({ length: count }, (_, i) => ({
    employeeNo: EMPLOYEE.employeeNo,
    programId: programs[i % programs.length]!.id,
    date: new Date(Date.UTC(2026, 5 - i, 10)).toISOString().slice(0, 10),
    status: TRAINING_STATUSES[i % TRAINING_STATUSES.length]!,
  }));
}

/** An employee's training record: a few sessions, more than a card lists, and none recorded yet (a notice). */
export function trainingRecordCards(
  framework: Framework,
  t: Translate,
  locale: Locale,
): { name: string; view: 'trainingRecord' | 'notice'; card: AdaptiveCard }[] {
  const viewer = { t, locale };
  return [
    { name: 'training record', view: 'trainingRecord', card: trainingRecordCard(EMPLOYEE, recordsOf(framework, 4), framework, viewer) },
    { name: 'training record of sixty sessions', view: 'trainingRecord', card: trainingRecordCard(EMPLOYEE, recordsOf(framework, 60), framework, viewer) },
    { name: 'training record, none yet', view: 'notice', card: trainingRecordCard(EMPLOYEE, [], framework, viewer) },
  ];
}
