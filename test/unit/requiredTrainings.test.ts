import { fiscalYearOfDay } from '../../src/domain/applications/fiscalYear';
import { allRequiredTaken, requiredProgramsOf, requiredTrainingProgress } from '../../src/domain/training/requiredTrainings';
import type { TrainingRecord, TrainingStatus } from '../../src/domain/training/trainingRecord';
import { loadFrameworkDocument, loadFrameworkFile, loadKitakyushu } from './realFramework';

const kitakyushu = loadKitakyushu();

function record(programId: string, date: string, status: TrainingStatus = 'completed'): TrainingRecord {
  return { employeeNo: 'E001', programId, date, status };
}

describe('the trainings a tier requires (必須研修)', () => {
  it("names Kitakyushu's tier project for Gold and Silver, and nothing for Bronze", () => {
    expect(requiredProgramsOf(kitakyushu, 'gold').map((p) => p.id)).toEqual(['dx-talent-project']);
    expect(requiredProgramsOf(kitakyushu, 'silver').map((p) => p.id)).toEqual(['dx-talent-project']);
    expect(requiredProgramsOf(kitakyushu, 'bronze')).toEqual([]);
  });

  it('names none for Moka and Kunisaki, whose documents require no training of a tier', () => {
    for (const id of ['moka', 'kunisaki']) {
      const framework = loadFrameworkFile(id);
      expect({ id, required: framework.document.tiers.flatMap((tier) => requiredProgramsOf(framework, tier.id)) }).toEqual({ id, required: [] });
    }
  });

  it('refuses a framework whose program is required of a tier it does not have', () => {
    const doc = structuredClone(kitakyushu.document);
    doc.programs[0]!.requiredFor = ['platinum'];
    expect(() => loadFrameworkDocument(doc, 'edited')).toThrow(/platinum/);
  });
});

describe("a candidate's progress through them", () => {
  it('counts an attendance or a completion from the fiscal year of the application on, the earliest day shown', () => {
    const progress = requiredTrainingProgress(kitakyushu, 'gold', 2026, [
      record('dx-talent-project', '2026-10-02', 'attended'),
      record('dx-talent-project', '2026-07-15', 'completed'),
    ]);
    expect(progress.map((p) => [p.program.id, p.takenOn])).toEqual([['dx-talent-project', '2026-07-15']]);
    expect(allRequiredTaken(progress)).toBe(true);
  });

  it('does not count an absence, another program, or a year before the application', () => {
    const progress = requiredTrainingProgress(kitakyushu, 'silver', 2026, [
      record('dx-talent-project', '2026-07-15', 'absent'),
      record('dx-academy', '2026-07-15'),
      record('dx-talent-project', '2026-03-31'),
    ]);
    expect(progress.map((p) => p.takenOn)).toEqual([undefined]);
    expect(allRequiredTaken(progress)).toBe(false);
  });

  it('counts a session after 31 March for an application still moving into the next year', () => {
    const progress = requiredTrainingProgress(kitakyushu, 'silver', 2026, [record('dx-talent-project', '2027-05-10')]);
    expect(progress.map((p) => p.takenOn)).toEqual(['2027-05-10']);
  });

  it('takes the fiscal year from April to March, the last of March in the year before', () => {
    expect([fiscalYearOfDay('2026-04-01'), fiscalYearOfDay('2027-03-31'), fiscalYearOfDay('2026-03-31')]).toEqual([2026, 2026, 2025]);
  });

  it('never calls a tier without required trainings done: nothing records that step', () => {
    expect(allRequiredTaken(requiredTrainingProgress(kitakyushu, 'bronze', 2026, [record('dx-talent-project', '2026-07-15')]))).toBe(false);
  });
});
