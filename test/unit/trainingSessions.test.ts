import { lastTakenOn, nextSessionOf, programsToTake, recommendedPrograms, upcomingSessionsFor } from '../../src/domain/training/nextTrainings';
import type { TrainingRecord, TrainingStatus } from '../../src/domain/training/trainingRecord';
import { enrolLinkOf, todayInJapan, type TrainingSession } from '../../src/domain/training/trainingSession';
import { isSessionsTable, validateTrainingSessions } from '../../src/domain/training/validateTrainingSessions';
import { tableOf } from '../support/trainingTables';
import { loadKitakyushu } from './realFramework';

const kitakyushu = loadKitakyushu();
const programs = [
  { id: 'dx-academy', name: 'DXアカデミー' },
  { id: 'kitaq-school', name: 'KITAQ改善提案DXスクール' },
];


const JA = ['研修', '開催日', '開始時刻', '会場', '定員', '申込方法'];

describe('telling a sessions file from an attendance file', () => {
  it('reads a file with a heading only sessions have as sessions, and attendance headings as attendance', () => {
    expect(isSessionsTable(tableOf(JA))).toBe(true);
    expect(isSessionsTable(tableOf(['program', 'sessionDate', 'place', 'howToEnrol']))).toBe(true);
    expect(isSessionsTable(tableOf(['職員番号', '研修', '受講日', '状況']))).toBe(false);
    expect(isSessionsTable(tableOf(['employeeNo', 'program', 'date', 'status']))).toBe(false);
  });
});

describe('validating a sessions file', () => {
  it('reads programs by id or name, days and times as a city writes them, online, capacity and both ways to enrol', () => {
    const validated = validateTrainingSessions(
      tableOf(
        JA,
        ['DXアカデミー', '2026/7/1', '９：３０', '本庁舎 5階会議室', '30名', 'https://forms.example.city.jp/dx'],
        ['kitaq-school', '2026年7月8日', '14時', 'オンライン', '', '人事課（内線1234）へ電話'],
        ['dx-academy', '2026-07-15', '', 'Online', '１００', '人事課へメール'],
      ),
      programs,
    );
    expect(validated).toEqual({
      ok: true,
      sessions: [
        { programId: 'dx-academy', date: '2026-07-01', startTime: '09:30', place: '本庁舎 5階会議室', capacity: 30, enrol: 'https://forms.example.city.jp/dx' },
        { programId: 'kitaq-school', date: '2026-07-08', startTime: '14:00', enrol: '人事課（内線1234）へ電話' },
        { programId: 'dx-academy', date: '2026-07-15', capacity: 100, enrol: '人事課へメール' },
      ],
    });
  });

  it('names every bad cell by row and column, and returns no session', () => {
    const validated = validateTrainingSessions(
      tableOf(
        JA,
        ['DXアカデミー', '2026-07-01', '25:00', '', '0', 'http://forms.example.city.jp/dx'],
        ['存在しない研修', '2026-02-30', '朝', '本庁舎', '三十', 'x'.repeat(201)],
        ['DXアカデミー', '2026-07-01', '', '本庁舎', '', '人事課'],
      ),
      programs,
    );
    expect(validated.ok).toBe(false);
    if (validated.ok) return;
    expect(validated.problems.map((p) => `${p.row}${p.column ?? ''} ${p.code}`)).toEqual([
      '2C notATime',
      '2E notACapacity',
      '2D required',
      '2F notHttps',
      '3A unknownProgram',
      '3B notADate',
      '3C notATime',
      '3E notACapacity',
      '3F tooLong',
    ]);
  });

  it('refuses the same program, day, start and place twice, naming the first row', () => {
    const row = ['dx-academy', '2026-07-01', '10:00', '本庁舎', '', '人事課'];
    const validated = validateTrainingSessions(tableOf(JA, row, ['DXアカデミー', '2026/7/1', '10時', '本庁舎', '20', 'https://example.city.jp']), programs);
    expect(validated).toEqual({ ok: false, problems: [{ code: 'twice', row: 3, params: { row: 2 } }] });
  });

  it('checks the headings first: a required column missing, an attendance heading among them', () => {
    const validated = validateTrainingSessions(tableOf(['研修', '開催日', '職員番号'], ['dx-academy', '2026-07-01', 'E001']), programs);
    expect(validated.ok).toBe(false);
    if (validated.ok) return;
    expect(validated.problems.map((p) => [p.code, p.header ?? p.params?.header])).toEqual([
      ['unknownHeader', '職員番号'],
      ['missingColumn', '会場 / place'],
      ['missingColumn', '申込方法 / howToEnrol'],
    ]);
  });

  it('refuses a file with headings and no session', () => {
    expect(validateTrainingSessions(tableOf(JA), programs)).toEqual({ ok: false, problems: [{ code: 'empty', row: 2 }] });
  });
});

const session = (programId: string, date: string, extra: Partial<TrainingSession> = {}): TrainingSession => ({ programId, date, enrol: '人事課', ...extra });
const record = (programId: string, date: string, status: TrainingStatus = 'completed'): TrainingRecord => ({ employeeNo: 'E001', programId, date, status });

describe('what is next for someone', () => {
  it('offers a silver candidate the required project first, then what their target recommends, leaving out what they took', () => {
    const offered = programsToTake(kitakyushu, { candidacy: { tierId: 'silver', fiscalYear: 2026 }, target: 3 }, [record('dx-academy', '2025-11-01', 'attended')]);
    const ids = offered.map((o) => `${o.reason}:${o.program.id}`);
    expect(ids[0]).toBe('required:dx-talent-project');
    expect(ids).not.toContain('recommended:dx-talent-project');
    expect(ids).not.toContain('recommended:dx-academy');
    expect(ids).toContain('recommended:kitaq-kaizen-dx-school');
    expect(ids).not.toContain('recommended:hierarchical-training');
  });

  it('counts the required project taken only in the candidacy year, and an absence as not taken', () => {
    const lastYear = programsToTake(kitakyushu, { candidacy: { tierId: 'gold', fiscalYear: 2026 } }, [record('dx-talent-project', '2026-03-20')]);
    expect(lastYear.map((o) => o.program.id)).toEqual(['dx-talent-project']);
    const absent = programsToTake(kitakyushu, { candidacy: { tierId: 'gold', fiscalYear: 2026 } }, [record('dx-talent-project', '2026-06-20', 'absent')]);
    expect(absent.map((o) => o.program.id)).toEqual(['dx-talent-project']);
    expect(programsToTake(kitakyushu, { candidacy: { tierId: 'gold', fiscalYear: 2026 } }, [record('dx-talent-project', '2026-06-20')])).toEqual([]);
  });

  it('offers nothing to someone neither a candidate nor assessed', () => {
    expect(programsToTake(kitakyushu, {}, [])).toEqual([]);
  });

  it('lists upcoming sessions from today, by the programs’ order and then by date, a few of each', () => {
    const offered = programsToTake(kitakyushu, { candidacy: { tierId: 'silver', fiscalYear: 2026 }, target: 2 }, []);
    const sessions = [
      session('dx-academy', '2026-07-01'),
      session('dx-talent-project', '2026-06-30'),
      session('dx-talent-project', '2026-06-01'),
      session('dx-talent-project', '2026-05-31'),
      session('dx-talent-project', '2026-09-01'),
      session('hierarchical-training', '2026-06-15'),
    ];
    const listed = upcomingSessionsFor(offered, sessions, '2026-06-01').map((o) => `${o.reason}:${o.session.programId}:${o.session.date}`);
    expect(listed).toEqual(['required:dx-talent-project:2026-06-01', 'required:dx-talent-project:2026-06-30', 'recommended:dx-academy:2026-07-01']);
  });

  it('finds the next session of one program and the last day a program was taken', () => {
    const sessions = [session('dx-academy', '2026-07-01', { startTime: '13:00' }), session('dx-academy', '2026-07-01', { startTime: '09:00' }), session('dx-academy', '2026-05-01')];
    expect(nextSessionOf(sessions, 'dx-academy', '2026-06-01')?.startTime).toBe('09:00');
    expect(nextSessionOf(sessions, 'kitaq-kaizen-dx-school', '2026-06-01')).toBeUndefined();
    expect(lastTakenOn([record('dx-academy', '2026-04-01'), record('dx-academy', '2026-05-01', 'absent'), record('dx-academy', '2025-10-01', 'attended')], 'dx-academy')).toBe('2026-04-01');
  });

  it('recommends no career-stage training, and tells a link from an office and today in Japan from UTC', () => {
    expect(recommendedPrograms(kitakyushu, ['hierarchical-training', 'dx-academy', 'gone']).map((p) => p.id)).toEqual(['dx-academy']);
    expect(enrolLinkOf({ enrol: 'https://forms.example.city.jp/dx' })).toBe('https://forms.example.city.jp/dx');
    expect(enrolLinkOf({ enrol: '人事課（内線1234）' })).toBeUndefined();
    expect(todayInJapan(new Date('2026-06-30T15:00:00Z'))).toBe('2026-07-01');
  });
});
