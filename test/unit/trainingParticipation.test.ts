import type { ApplicationState } from '../../src/domain/applications/application';
import { participationByProgram, requiredTrainingCount, YearParticipation, type YearTrainings } from '../../src/domain/insight/participation';
import { daysOfFiscalYear } from '../../src/domain/applications/fiscalYear';
import type { TrainingRecord, TrainingStatus } from '../../src/domain/training/trainingRecord';
import { loadFrameworkFile, loadKitakyushu } from './realFramework';

const kitakyushu = loadKitakyushu();
const national = loadFrameworkFile('national');

function record(employeeNo: string, programId: string, date: string, status: TrainingStatus = 'attended'): TrainingRecord {
  return { employeeNo, programId, date, status };
}

function candidacy(employeeNo: string, state: ApplicationState, track = 'silver'): { employeeNo: string; track: string; state: ApplicationState } {
  return { employeeNo, track, state };
}

describe('participants per program in a fiscal year', () => {
  it('counts each employee once per program, attended or completed, from 1 April to 31 March only', () => {
    const year = new YearParticipation(2026);
    year.add([
      record('E1', 'dx-academy', '2026-04-01'),
      record('E1', 'dx-academy', '2026-10-01', 'completed'),
      record('E2', 'dx-academy', '2027-03-31', 'completed'),
      record('E3', 'dx-academy', '2026-05-01', 'absent'),
      record('E4', 'dx-academy', '2026-03-31'),
      record('E5', 'dx-academy', '2027-04-01'),
    ]);
    year.add([record('E3', 'online-video-learning', '2026-06-01')]);
    expect(year.counts()).toEqual(new Map([['dx-academy', 2], ['online-video-learning', 1]]));
  });

  it('lists the programs with participants, in the framework order, none without a target or a participant', () => {
    const year = new YearParticipation(2026);
    year.add([record('E1', 'online-video-learning', '2026-06-01'), record('E2', 'dx-academy', '2026-06-01')]);
    expect(participationByProgram(kitakyushu, { fiscalYear: 2026, participants: year.counts(), candidatesRecords: new Map() }).map((p) => [p.program.id, p.participants, p.yearlyTarget])).toEqual([
      ['dx-academy', 1, undefined],
      ['online-video-learning', 1, undefined],
    ]);
  });

  it("sets each target's share of a year beside its participants, with or without any", () => {
    const year = new YearParticipation(2026);
    year.add([record('E1', 'tokyo-reskilling', '2026-06-01'), record('E2', 'tokyo-reskilling', '2026-07-01')]);
    expect(participationByProgram(national, { fiscalYear: 2026, participants: year.counts(), candidatesRecords: new Map() }).map((p) => [p.program.id, p.participants, p.yearlyTarget])).toEqual([
      ['tokyo-digital-literacy', 0, 40000],
      ['tokyo-reskilling', 2, 1000],
    ]);
  });

  it('reads the fiscal year as sessions write their dates', () => {
    expect(daysOfFiscalYear(2026)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });
});

describe('candidates who finished their required trainings', () => {
  const candidacies = [
    candidacy('C1', 'selected'),
    candidacy('C2', 'trainingCompleted', 'gold'),
    candidacy('C3', 'selected'),
    candidacy('C4', 'certified'),
    // Not candidates: not selected, or not yet approved.
    candidacy('N1', 'notSelected'),
    candidacy('N2', 'approved'),
  ];

  /** The year as the KPI reads it: each candidate's records, as their partition holds them. */
  function yearWith(records: TrainingRecord[]): YearTrainings {
    const byEmployee = new Map<string, TrainingRecord[]>();
    for (const r of records) byEmployee.set(r.employeeNo, [...(byEmployee.get(r.employeeNo) ?? []), r]);
    return { fiscalYear: 2026, participants: new Map(), candidatesRecords: byEmployee };
  }

  it('counts by state and by the records of the year, each candidate once', () => {
    const year = yearWith([
      record('C1', 'dx-talent-project', '2026-09-01'),
      record('C1', 'dx-talent-project', '2026-10-01', 'completed'),
      // Absent, and a year too early: neither counts.
      record('C3', 'dx-talent-project', '2026-09-01', 'absent'),
      record('C2', 'dx-talent-project', '2025-09-01', 'completed'),
      record('N1', 'dx-talent-project', '2026-09-01'),
    ]);
    expect(requiredTrainingCount(kitakyushu, candidacies, year)).toEqual({ kind: 'counted', candidates: 4, byState: 2, byRecords: 1 });
  });

  it('counts someone selected for two tracks once', () => {
    const year = yearWith([record('C1', 'dx-talent-project', '2026-09-01')]);
    const twice = [candidacy('C1', 'selected', 'silver'), candidacy('C1', 'selected', 'gold')];
    expect(requiredTrainingCount(kitakyushu, twice, year)).toEqual({ kind: 'counted', candidates: 1, byState: 0, byRecords: 1 });
  });

  it("says there is nothing to count for Moka's and Kunisaki's tiers, which require no training", () => {
    for (const id of ['moka', 'kunisaki']) {
      expect(requiredTrainingCount(loadFrameworkFile(id), candidacies, yearWith([]))).toEqual({ kind: 'none' });
    }
  });
});
