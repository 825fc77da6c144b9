import { parseCsv } from '../../src/importing/csv';
import { validateRoster } from '../../src/domain/roster/validateRoster';
import type { ValidationIssue } from '../../src/domain/validation';

const HEADER = 'employeeNo,name,email,aadObjectId,department,section,grade,managerEmail,roles';
const guid = (n: number): string => `0000000${n}-aaaa-bbbb-cccc-dddddddddddd`;

interface Row {
  employeeNo?: string;
  name?: string;
  email?: string;
  aadObjectId?: string;
  grade?: string;
  managerEmail?: string;
  roles?: string;
}

/** A roster line for employee n, with any field overridden. */
function row(n: number, over: Row = {}): string {
  return [
    over.employeeNo ?? `E${n}`,
    over.name ?? `職員${n}`,
    over.email ?? `user${n}@city.example.jp`,
    over.aadObjectId ?? guid(n),
    'DX推進課',
    '企画係',
    over.grade ?? '主事',
    over.managerEmail ?? '',
    over.roles ?? '',
  ].join(',');
}

const validate = (...lines: string[]) => validateRoster(parseCsv(lines.join('\n')));

function issues(...lines: string[]): ValidationIssue[] {
  const result = validate(...lines);
  if (result.ok) throw new Error('expected the roster to be rejected');
  return result.issues;
}

describe('validateRoster', () => {
  it('accepts a valid roster, normalising e-mails, ids and roles', () => {
    const result = validate(
      HEADER,
      row(1, { email: 'Boss@City.Example.JP', roles: 'HR; admin;hr' }),
      row(2, { managerEmail: 'boss@city.example.jp', aadObjectId: guid(2).toUpperCase() }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toHaveLength(2);
    expect(result.value[0]).toMatchObject({ employeeNo: 'E1', email: 'boss@city.example.jp', roles: ['hr', 'admin'] });
    expect(result.value[0]?.managerEmail).toBeUndefined();
    expect(result.value[1]).toMatchObject({ aadObjectId: guid(2), managerEmail: 'boss@city.example.jp', roles: [] });
  });

  it('names a missing column on the header line', () => {
    expect(issues(HEADER.replace(',grade', ''), row(1))).toEqual([
      { where: 'line 1', field: 'grade', message: 'the header has no "grade" column: the person\'s title (職名), e.g. 主事, 主任, 係長, 課長, 部長' },
    ]);
  });

  it('names an unknown column on the header line', () => {
    const [issue, ...rest] = issues(`${HEADER},phone`, `${row(1)},090`);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ where: 'line 1', field: 'phone' });
    expect(issue?.message).toContain('unknown column "phone"');
  });

  it.each([
    ['name', { name: '' }],
    ['email', { email: '' }],
    ['aadObjectId', { aadObjectId: ' ' }],
    ['grade', { grade: '' }],
  ] as const)('rejects an empty %s, naming the line and the field', (field, over) => {
    expect(issues(HEADER, row(1), row(2, over))).toEqual([
      expect.objectContaining({ where: `line 3.${field}`, field, message: 'is empty' }),
    ]);
  });

  it('rejects a bad e-mail, naming the line, the field and the employee', () => {
    expect(issues(HEADER, row(1, { email: 'not-an-address' }))).toEqual([
      { where: 'line 2.email', item: 'E1', field: 'email', message: '"not-an-address" is not an e-mail address' },
    ]);
  });

  it('rejects an object id that is not a GUID', () => {
    expect(issues(HEADER, row(1, { aadObjectId: '1234-abcd' }))).toEqual([
      expect.objectContaining({ where: 'line 2.aadObjectId', field: 'aadObjectId', message: '"1234-abcd" is not a GUID' }),
    ]);
  });

  it('rejects an unknown role', () => {
    const [issue, ...rest] = issues(HEADER, row(1, { roles: 'hr;boss' }));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ where: 'line 2.roles', field: 'roles' });
    expect(issue?.message).toContain('unknown role "boss"');
  });

  it.each([
    ['employeeNo', { employeeNo: 'E1' }, '"E1"'],
    ['email', { email: 'USER1@city.example.jp' }, '"user1@city.example.jp"'],
    ['aadObjectId', { aadObjectId: guid(1) }, `"${guid(1)}"`],
  ] as const)('rejects a duplicate %s, naming the line it was first used on', (field, over, value) => {
    expect(issues(HEADER, row(1), row(2), row(3, over))).toEqual([
      expect.objectContaining({ where: `line 4.${field}`, field, message: `${value} is already used on line 2` }),
    ]);
  });

  it('rejects a manager who is not on the roster', () => {
    expect(issues(HEADER, row(1, { managerEmail: 'nobody@city.example.jp' }))).toEqual([
      expect.objectContaining({ where: 'line 2.managerEmail', message: '"nobody@city.example.jp" is not on the roster' }),
    ]);
  });

  it('rejects a manager loop, on both lines', () => {
    const found = issues(
      HEADER,
      row(1, { managerEmail: 'user2@city.example.jp' }),
      row(2, { managerEmail: 'user1@city.example.jp' }),
      row(3, { managerEmail: 'user1@city.example.jp' }),
    );
    expect(found.map((i) => [i.where, i.message])).toEqual([
      ['line 2.managerEmail', 'the chain of managers loops back to this employee'],
      ['line 3.managerEmail', 'the chain of managers loops back to this employee'],
    ]);
  });

  it('rejects an employee who is their own manager', () => {
    expect(issues(HEADER, row(1, { managerEmail: 'user1@city.example.jp' }))).toEqual([
      expect.objectContaining({ where: 'line 2.managerEmail', item: 'E1' }),
    ]);
  });

  it('rejects a line with the wrong number of fields, by its real line', () => {
    expect(issues(HEADER, '', row(1), 'E2,only,three')).toEqual([{ where: 'line 4', message: '3 fields; the header has 9' }]);
  });

  it('rejects an empty file and a header without employees', () => {
    expect(issues()).toEqual([{ where: 'line 1', message: 'the file is empty; expected a header line' }]);
    expect(issues(HEADER)).toEqual([{ where: 'line 2', message: 'the roster has no employees' }]);
  });

  it('returns no employees at all when one line is wrong', () => {
    const result = validate(HEADER, row(1), row(2, { email: 'bad' }), row(3));
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ where: 'line 3.email' })] });
    expect('value' in result).toBe(false);
  });
});
