import { choiceValue, readAudience, readStartAt, type AudienceForm } from '../../src/features/broadcast/audienceInput';
import { loadKitakyushu } from './realFramework';

const known = { departments: ['市民局', '建設局', '総務局, 人事部'], grades: ['主事', '主任'], programs: [], currentFiscalYear: 2026 };

function form(fields: Partial<AudienceForm>): AudienceForm {
  return { audienceKind: 'everyone', departments: '', grades: '', trainingProgram: '', trainingBy: '', startDate: '', startTime: '', ...fields };
}

describe('reading the recipients HR chose', () => {
  it('takes everyone, and "not applied" for the notice’s fiscal year', () => {
    expect(readAudience(form({}), known, 2026)).toEqual({ ok: true, audience: { kind: 'everyone' } });
    expect(readAudience(form({ audienceKind: 'notApplied' }), known, 2026)).toEqual({ ok: true, audience: { kind: 'notApplied', fiscalYear: 2026 } });
  });

  it('takes departments as the choice set sends them, even one whose name holds a comma, once each', () => {
    const departments = [choiceValue('総務局, 人事部'), choiceValue('市民局'), choiceValue('市民局')].join(',');
    expect(readAudience(form({ audienceKind: 'departments', departments }), known, 2026)).toEqual({
      ok: true,
      audience: { kind: 'departments', departments: ['総務局, 人事部', '市民局'] },
    });
  });

  it('takes grades, ignoring the other choice set', () => {
    const chosen = form({ audienceKind: 'grades', grades: choiceValue('主任'), departments: choiceValue('市民局') });
    expect(readAudience(chosen, known, 2026)).toEqual({ ok: true, audience: { kind: 'grades', grades: ['主任'] } });
  });

  it('needs at least one department or grade', () => {
    expect(readAudience(form({ audienceKind: 'departments' }), known, 2026)).toEqual({ ok: false, problem: 'departments' });
    expect(readAudience(form({ audienceKind: 'grades', grades: ',' }), known, 2026)).toEqual({ ok: false, problem: 'grades' });
  });

  it('refuses a name not on the roster, and a value no card makes', () => {
    expect(readAudience(form({ audienceKind: 'grades', grades: choiceValue('理事') }), known, 2026)).toEqual({ ok: false, problem: 'unknownChoice' });
    // Not encoded: the comma splits it into two names the roster does not have.
    expect(readAudience(form({ audienceKind: 'departments', departments: '総務局, 人事部' }), known, 2026)).toEqual({ ok: false, problem: 'unknownChoice' });
    expect(readAudience(form({ audienceKind: 'departments', departments: '%E5%B8' }), known, 2026)).toEqual({ ok: false, problem: 'unknownChoice' });
  });
});

describe('reading a reminder of a training', () => {
  const programs = loadKitakyushu().document.programs;
  const choices = { ...known, programs, currentFiscalYear: 2026 };
  const reminder = (trainingProgram: string, trainingBy: string): AudienceForm => form({ audienceKind: 'missingTraining', trainingProgram, trainingBy });

  it("takes a program of the framework and a day of this fiscal year (not the notice's), with the tiers requiring it", () => {
    expect(readAudience(reminder('dx-talent-project', '2026-10-31'), choices, 2027)).toEqual({
      ok: true,
      audience: { kind: 'missingTraining', fiscalYear: 2026, programId: 'dx-talent-project', programName: 'DX人材育成プロジェクト（R5.10～）', requiredOf: ['gold', 'silver'], by: '2026-10-31' },
    });
    // A program required of no tier is allowed (every candidate is reminded), and the year's first and last days are in it.
    expect(readAudience(reminder('dx-academy', '2026-04-01'), choices, 2026)).toMatchObject({ ok: true, audience: { programId: 'dx-academy', requiredOf: [] } });
    expect(readAudience(reminder('dx-academy', '2027-03-31'), choices, 2026)).toMatchObject({ ok: true, audience: { by: '2027-03-31' } });
  });

  it('refuses a program the framework does not have, or none', () => {
    for (const program of ['', 'no-such-program', 'DXアカデミー']) {
      expect({ program, read: readAudience(reminder(program, '2026-10-31'), choices, 2026) }).toEqual({ program, read: { ok: false, problem: 'trainingProgram' } });
    }
  });

  it('refuses a day that is not one, or outside this fiscal year', () => {
    for (const by of ['', '2026-02-30', '来月', '2026-03-31', '2027-04-01']) {
      expect({ by, read: readAudience(reminder('dx-talent-project', by), choices, 2026) }).toEqual({ by, read: { ok: false, problem: 'trainingBy' } });
    }
  });
});

describe('reading when to send', () => {
  // 2026-05-20 10:00 in Japan.
  const now = new Date('2026-05-20T01:00:00.000Z');

  it('sends as soon as HR confirms when no date is given, whatever the time says', () => {
    expect(readStartAt({ startDate: '', startTime: '09:00' }, now)).toEqual({ ok: true });
    expect(readStartAt({ startDate: '  ', startTime: '' }, now)).toEqual({ ok: true });
  });

  it('reads a date and time in Japan time: June 1, 09:00 is 00:00 UTC', () => {
    expect(readStartAt({ startDate: '2026-06-01', startTime: '09:00' }, now)).toEqual({ ok: true, startAt: new Date('2026-06-01T00:00:00.000Z') });
    expect(readStartAt({ startDate: '2026-06-01', startTime: '' }, now)).toEqual({ ok: true, startAt: new Date('2026-05-31T15:00:00.000Z') });
  });

  it('needs a moment after now and within about a year', () => {
    expect(readStartAt({ startDate: '2026-05-20', startTime: '10:00' }, now)).toEqual({ ok: false, problem: 'schedule' });
    expect(readStartAt({ startDate: '2026-05-20', startTime: '10:01' }, now).ok).toBe(true);
    expect(readStartAt({ startDate: '2027-05-20', startTime: '10:00' }, now).ok).toBe(true);
    expect(readStartAt({ startDate: '2027-05-22', startTime: '10:00' }, now)).toEqual({ ok: false, problem: 'schedule' });
  });

  it('refuses a day or an hour that does not exist, and text that is not a date', () => {
    for (const [startDate, startTime] of [['2026-06-31', '09:00'], ['2026-06-01', '24:00'], ['来週', '09:00'], ['2026/06/01', '09:00']]) {
      expect({ startDate, startTime, read: readStartAt({ startDate: startDate!, startTime: startTime! }, now) }).toEqual({
        startDate,
        startTime,
        read: { ok: false, problem: 'schedule' },
      });
    }
  });
});
