import { newestFirst, sessionDateOf, statusOf, type TrainingRecord } from '../../src/domain/training/trainingRecord';
import { validateTrainingRecords, type TrainingLookups } from '../../src/domain/training/validateTrainingRecords';
import { tableOf } from '../support/trainingTables';

const lookups: TrainingLookups = {
  employees: [
    { employeeNo: 'E001', email: 'hanako@example.city.jp' },
    { employeeNo: 'E002', email: 'taro@example.city.jp' },
  ],
  programs: [
    { id: 'dx-academy', name: 'DXアカデミー' },
    { id: 'kitaq-school', name: 'KITAQ改善提案DXスクール' },
  ],
  today: '2026-12-07',
};


const JA = ['職員番号', '研修', '受講日', '状況'];

describe('what a cell of an attendance file may say', () => {
  it('reads a date written the ways a city writes it, and refuses what is not a day of the calendar', () => {
    for (const text of ['2026-06-01', '2026/6/1', '2026.06.01', '2026年6月1日', '２０２６／６／１', ' 2026-6-1 ']) {
      expect({ text, date: sessionDateOf(text) }).toEqual({ text, date: '2026-06-01' });
    }
    for (const text of ['2026-02-30', '2026-13-01', '6/1', '令和8年6月1日', 'きのう', '']) expect({ text, date: sessionDateOf(text) }).toEqual({ text, date: undefined });
  });

  it('reads each status in Japanese and English, and no other word', () => {
    expect(['受講済み', '受講済', 'attended', '欠席', 'Absent', '修了', 'COMPLETED'].map(statusOf)).toEqual([
      'attended',
      'attended',
      'attended',
      'absent',
      'absent',
      'completed',
      'completed',
    ]);
    expect(statusOf('受講中')).toBeUndefined();
  });

  it('orders an employee\'s records newest first, by program within a day', () => {
    const r = (programId: string, date: string): TrainingRecord => ({ employeeNo: 'E001', programId, date, status: 'attended' });
    expect(newestFirst([r('b', '2026-04-01'), r('a', '2026-06-01'), r('a', '2026-04-01')])).toEqual([r('a', '2026-06-01'), r('a', '2026-04-01'), r('b', '2026-04-01')]);
  });
});

describe('validating an attendance file', () => {
  it('reads a valid file with Japanese headings: programs by id or exact name, employees by number or e-mail', () => {
    const validated = validateTrainingRecords(
      tableOf(['職員番号', 'メールアドレス', '研修', '受講日', '状況'], ['E001', '', 'DXアカデミー', '2026/6/1', '修了'], ['', 'TARO@example.city.jp', 'kitaq-school', '2026-05-20', '欠席']),
      lookups,
    );
    expect(validated).toEqual({
      ok: true,
      records: [
        { employeeNo: 'E001', programId: 'dx-academy', date: '2026-06-01', status: 'completed' },
        { employeeNo: 'E002', programId: 'kitaq-school', date: '2026-05-20', status: 'absent' },
      ],
    });
  });

  it('accepts English headings in any case and order', () => {
    const validated = validateTrainingRecords(tableOf(['Status', 'date', 'EMAIL', 'program'], ['attended', '2026-06-01', 'hanako@example.city.jp', 'dx-academy']), lookups);
    expect(validated).toEqual({ ok: true, records: [{ employeeNo: 'E001', programId: 'dx-academy', date: '2026-06-01', status: 'attended' }] });
  });

  it('names each bad cell by row, column and heading: unknown employee, program, date and status', () => {
    const validated = validateTrainingRecords(
      tableOf(JA, ['E999', 'DXアカデミー', '2026-06-01', '受講済み'], ['E001', '生成AI研修', '2026-06-31', '途中'], ['E002', 'DX アカデミー', '', '修了']),
      lookups,
    );
    expect(validated).toEqual({
      ok: false,
      problems: [
        { code: 'unknownEmployee', row: 2, column: 'A', header: '職員番号', params: { value: 'E999' } },
        { code: 'unknownProgram', row: 3, column: 'B', header: '研修', params: { value: '生成AI研修' } },
        { code: 'notADate', row: 3, column: 'C', header: '受講日', params: { value: '2026-06-31' } },
        { code: 'unknownStatus', row: 3, column: 'D', header: '状況', params: { value: '途中', words: '受講済み / 欠席 / 修了' } },
        // Not the exact name (a space more): a program is named exactly, or by its id.
        { code: 'unknownProgram', row: 4, column: 'B', header: '研修', params: { value: 'DX アカデミー' } },
        { code: 'required', row: 4, column: 'C', header: '受講日' },
      ],
    });
  });

  it('refuses an e-mail not on the roster, and a number and an e-mail of two different people', () => {
    const validated = validateTrainingRecords(
      tableOf(['職員番号', 'メールアドレス', '研修', '受講日', '状況'], ['', 'nobody@example.city.jp', 'dx-academy', '2026-06-01', '修了'], ['E001', 'taro@example.city.jp', 'dx-academy', '2026-06-01', '修了'], ['', '', 'dx-academy', '2026-06-01', '修了']),
      lookups,
    );
    expect(validated.ok || validated.problems).toEqual([
      { code: 'unknownEmail', row: 2, column: 'B', header: 'メールアドレス', params: { value: 'nobody@example.city.jp' } },
      { code: 'notTheSamePerson', row: 3, params: { employeeNo: 'E001', email: 'taro@example.city.jp' } },
      { code: 'required', row: 4, column: 'A', header: '職員番号' },
    ]);
  });

  it('refuses the same employee, program and date twice, naming the first row', () => {
    const validated = validateTrainingRecords(tableOf(JA, ['E001', 'dx-academy', '2026-06-01', '受講済み'], ['E001', 'DXアカデミー', '2026/6/1', '修了']), lookups);
    expect(validated.ok || validated.problems).toEqual([{ code: 'twice', row: 3, params: { row: 2 } }]);
  });

  it('checks the headings first: unknown, twice, missing, and no column naming the employee', () => {
    const validated = validateTrainingRecords(tableOf(['研修', '研修', '日付', 'status'], ['dx-academy', 'dx-academy', '2026-06-01', '修了']), lookups);
    expect(validated.ok || validated.problems.map((p) => [p.code, p.column ?? p.params?.header])).toEqual([
      ['headerTwice', 'B'],
      ['unknownHeader', 'C'],
      ['missingColumn', '受講日 / date'],
      ['noEmployeeColumn', undefined],
    ]);
  });

  it('refuses a session after today attended or completed (a registration list, not attendance), and takes today and an absence to come', () => {
    const validated = validateTrainingRecords(
      tableOf(
        JA,
        ['E001', 'dx-academy', '2026-12-08', '受講済み'],
        ['E002', 'dx-academy', '2027/1/15', '修了'],
        ['E001', 'kitaq-school', '2026-12-07', '修了'],
        ['E002', 'kitaq-school', '2026-12-20', '欠席'],
      ),
      lookups,
    );
    expect(validated.ok || validated.problems.map((p) => [p.code, p.row, p.column, p.params])).toEqual([
      ['takenAfterToday', 2, 'C', { value: '2026-12-08', today: '2026-12-07' }],
      ['takenAfterToday', 3, 'C', { value: '2027/1/15', today: '2026-12-07' }],
    ]);
  });

  it('refuses a file with headings and no record', () => {
    expect(validateTrainingRecords(tableOf(JA), lookups)).toEqual({ ok: false, problems: [{ code: 'empty', row: 2 }] });
  });
});
