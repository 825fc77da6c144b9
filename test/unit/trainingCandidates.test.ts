import { act, submitApplication, type Actor, type Application, type ApplicationState } from '../../src/domain/applications/application';
import {
  hasRequiredTrainings,
  notTaken,
  readyForTrainingCompleted,
  sortByTrainings,
} from '../../src/domain/training/trainingCandidates';
import type { TrainingRecord, TrainingStatus } from '../../src/domain/training/trainingRecord';
import { loadFrameworkFile, loadKitakyushu } from './realFramework';

// Who the training records move to 必須研修修了: a selected candidate of the year HR moves, whose tier's required
// trainings are all taken (attended or completed) in the application's fiscal year.

const kitakyushu = loadKitakyushu();
const HR: Actor = { aadObjectId: 'hr-1', name: '到津 由美', isHr: true };
const MANAGER: Actor = { aadObjectId: 'mgr-1', name: '門司 花子', isHr: false };
let serial = 0;

/** An application of `track` in fiscal 2026, moved by its manager and HR to `state`. */
function applicationIn(state: ApplicationState, track = 'silver', fiscalYear = 2026): Application {
  serial++;
  const employeeNo = `E${serial}`;
  let application = submitApplication(
    {
      frameworkId: 'kitakyushu',
      fiscalYear,
      track,
      applicant: { aadObjectId: `emp-${serial}`, name: `職員 ${serial}`, employeeNo, department: '市民局', grade: '主事' },
      approver: { aadObjectId: MANAGER.aadObjectId, name: MANAGER.name },
      motivation: '窓口のオンライン化を進めたいです。',
    },
    new Date('2026-06-10T00:00:00Z'),
  );
  const steps: [Actor, 'approve' | 'select' | 'completeTraining'][] = [
    [MANAGER, 'approve'],
    [HR, 'select'],
    [HR, 'completeTraining'],
  ];
  for (const [actor, action] of steps) {
    if (application.state === state) break;
    const outcome = act(application, actor, action, new Date('2026-06-20T00:00:00Z'));
    if (!outcome.ok) throw new Error(outcome.refusal);
    application = outcome.application;
  }
  expect(application.state).toBe(state);
  return application;
}

function taken(application: Application, date: string, status: TrainingStatus = 'attended'): TrainingRecord {
  return { employeeNo: application.applicant.employeeNo, programId: 'dx-talent-project', date, status };
}

describe('who the records move to 必須研修修了', () => {
  it('a selected Silver or Gold candidate who attended or completed the tier project in the fiscal year', () => {
    for (const [track, status] of [['silver', 'attended'], ['gold', 'completed']] as const) {
      const candidate = applicationIn('selected', track);
      expect(readyForTrainingCompleted(kitakyushu, candidate, 2026, [taken(candidate, '2026-09-01', status)])).toBe(true);
    }
  });

  it('not one whose only record is an absence, or a session of the year before', () => {
    const candidate = applicationIn('selected');
    expect(readyForTrainingCompleted(kitakyushu, candidate, 2026, [taken(candidate, '2026-09-01', 'absent')])).toBe(false);
    expect(readyForTrainingCompleted(kitakyushu, candidate, 2026, [taken(candidate, '2026-03-31')])).toBe(false);
    expect(readyForTrainingCompleted(kitakyushu, candidate, 2026, [])).toBe(false);
  });

  it('not one already moved, still waiting for selection, or of a year no longer moving', () => {
    const moved = applicationIn('trainingCompleted');
    const approved = applicationIn('approved');
    const twoYearsAgo = applicationIn('selected', 'silver', 2024);
    expect(readyForTrainingCompleted(kitakyushu, moved, 2026, [taken(moved, '2026-09-01')])).toBe(false);
    expect(readyForTrainingCompleted(kitakyushu, approved, 2026, [taken(approved, '2026-09-01')])).toBe(false);
    expect(readyForTrainingCompleted(kitakyushu, twoYearsAgo, 2026, [taken(twoYearsAgo, '2026-09-01')])).toBe(false);
  });

  it("last year's candidate still moving, with the training taken after 31 March", () => {
    const lastYear = applicationIn('selected', 'silver', 2025);
    expect(readyForTrainingCompleted(kitakyushu, lastYear, 2026, [taken(lastYear, '2026-05-10')])).toBe(true);
    expect(readyForTrainingCompleted(kitakyushu, lastYear, 2026, [taken(lastYear, '2025-03-31')])).toBe(false);
  });

  it('not a professional-track candidate: the track requires no training, so only HR’s own judgement moves it', () => {
    const professional = applicationIn('selected', 'professional');
    expect(readyForTrainingCompleted(kitakyushu, professional, 2026, [taken(professional, '2026-09-01')])).toBe(false);
  });
});

describe('sorting the selected candidates for the confirmation', () => {
  it('ready, missing a training (which one), and on a track without required trainings', () => {
    const ready = applicationIn('selected', 'gold');
    const missing = applicationIn('selected', 'silver');
    const professional = applicationIn('selected', 'professional');
    const records = new Map([[ready.applicant.employeeNo, [taken(ready, '2026-08-01')]]]);
    const sorted = sortByTrainings(kitakyushu, [ready, missing, professional], (no) => records.get(no) ?? []);
    expect(sorted.ready.map((c) => [c.application.id, c.progress.map((p) => p.takenOn)])).toEqual([[ready.id, ['2026-08-01']]]);
    expect(sorted.missing.map((c) => [c.application.id, notTaken(c.progress).map((p) => p.id)])).toEqual([[missing.id, ['dx-talent-project']]]);
    expect(sorted.noneRequired.map((a) => a.id)).toEqual([professional.id]);
  });

  it('knows which frameworks require trainings of a tier at all: Kitakyushu does, Moka and Kunisaki do not', () => {
    expect(hasRequiredTrainings(kitakyushu)).toBe(true);
    expect(hasRequiredTrainings(loadFrameworkFile('moka'))).toBe(false);
    expect(hasRequiredTrainings(loadFrameworkFile('kunisaki'))).toBe(false);
  });
});
