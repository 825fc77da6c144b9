import { applicantOf, submitApplication, type Application, type ApplicationState } from '../../src/domain/applications/application';
import { candidatesMissing, selectRecipients, type MissingTrainingAudience } from '../../src/domain/broadcast/audience';
import type { Employee } from '../../src/domain/roster/employee';
import type { TrainingRecord, TrainingStatus } from '../../src/domain/training/trainingRecord';

// Who a reminder of a training goes to: the selected candidates (this year's, and last year's still moving), of a tier
// requiring it (or any), who have not attended or completed a session of it from 1 April of their application's year
// to the day HR chose.

const employee = (n: number): Employee => ({
  employeeNo: `E${n}`,
  name: `職員 ${n}`,
  email: `person${n}@example.city.jp`,
  aadObjectId: `0000000${n}-AAAA-4000-8000-00000000000${n}`,
  department: '市民局',
  section: '',
  grade: '主任',
  roles: [],
});
const staff = [1, 2, 3, 4, 5, 6, 7].map(employee);

function candidacy(n: number, state: ApplicationState, track = 'silver', fiscalYear = 2026): Application {
  const submitted = submitApplication(
    { frameworkId: 'kk', fiscalYear, track, applicant: applicantOf(staff[n - 1]!), approver: { aadObjectId: 'm', name: '上司' }, motivation: '学びたいです。' },
    new Date(`${fiscalYear}-06-10T00:00:00.000Z`),
  );
  return { ...submitted, state };
}

const record = (n: number, date: string, status: TrainingStatus = 'attended', programId = 'dx-talent-project'): TrainingRecord => ({ employeeNo: `E${n}`, programId, date, status });

const requiredOfSilverAndGold: MissingTrainingAudience = {
  kind: 'missingTraining',
  fiscalYear: 2026,
  programId: 'dx-talent-project',
  programName: 'DX人材育成プロジェクト',
  requiredOf: ['gold', 'silver'],
  by: '2026-10-31',
};

const applications = [
  candidacy(1, 'selected'),
  candidacy(2, 'selected', 'gold'),
  candidacy(3, 'selected'),
  candidacy(4, 'selected', 'professional'),
  // Not candidates to remind: not yet selected, not selected, or further along already.
  candidacy(5, 'approved'),
  candidacy(6, 'trainingCompleted'),
  // Last year's, still moving: reminded too, and its trainings counted from last April.
  candidacy(7, 'selected', 'silver', 2025),
];

/** Each candidate's records, as their partition holds them. */
const byEmployee = (records: readonly TrainingRecord[]) => (employeeNo: string): TrainingRecord[] => records.filter((r) => r.employeeNo === employeeNo);

describe('candidatesMissing', () => {
  it('names the selected candidates of a requiring tier with no session taken by the day', () => {
    const records = [
      record(1, '2026-09-01'),
      // Absent; after the day; last fiscal year; another program: none of these counts as taken.
      record(2, '2026-09-01', 'absent'),
      record(2, '2026-11-01', 'completed'),
      record(3, '2026-03-31', 'completed'),
      record(3, '2026-09-01', 'completed', 'dx-academy'),
    ];
    const ids = candidatesMissing(requiredOfSilverAndGold, applications, byEmployee(records));
    expect(selectRecipients(staff, requiredOfSilverAndGold, { missingTraining: ids }).map((e) => e.employeeNo)).toEqual(['E2', 'E3', 'E7']);
  });

  it('counts a session on the very day, and a completed one as taken', () => {
    const records = [record(2, '2026-10-31'), record(3, '2026-04-01', 'completed'), record(7, '2025-11-01')];
    expect(selectRecipients(staff, requiredOfSilverAndGold, { missingTraining: candidatesMissing(requiredOfSilverAndGold, applications, byEmployee(records)) }).map((e) => e.employeeNo)).toEqual(['E1']);
  });

  it('names every selected candidate of the year for a program no tier requires', () => {
    const anyCandidate: MissingTrainingAudience = { ...requiredOfSilverAndGold, programId: 'dx-academy', requiredOf: [] };
    const ids = candidatesMissing(anyCandidate, applications, byEmployee([record(1, '2026-05-01', 'attended', 'dx-academy')]));
    expect(selectRecipients(staff, anyCandidate, { missingTraining: ids }).map((e) => e.employeeNo)).toEqual(['E2', 'E3', 'E4', 'E7']);
  });
});
