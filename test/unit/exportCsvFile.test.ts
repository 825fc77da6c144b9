import { act, submitApplication, type Actor, type Application } from '../../src/domain/applications/application';
import { EMPTY_PROGRESS, type Broadcast } from '../../src/domain/broadcast/broadcast';
import type { Employee } from '../../src/domain/roster/employee';
import { CSV_BOM, csvLine, type CsvField } from '../../src/exporting/csv';
import { textChunks } from '../../src/exporting/textChunks';
import { APPLICATION_HEADERS, applicationRow } from '../../src/features/exports/applicationsCsv';
import { SUMMARY_HEADERS, summaryRow } from '../../src/features/exports/assessmentSummariesCsv';
import { BROADCAST_HEADERS, broadcastRow } from '../../src/features/exports/broadcastsCsv';
import { parseCsv } from '../../src/importing/csv';
import type { AssessmentSummary } from '../../src/storage/assessmentSummaryRepository';
import { loadFrameworkFile, loadKitakyushu } from './realFramework';

// HR's exports as a file on disk, opened as Excel opens it: the bytes are the stored chunks, each encoded on its own
// as the download sends them; Excel reads UTF-8 only because of the byte order mark (Shift_JIS otherwise), then
// RFC 4180 fields.

const framework = loadKitakyushu();

/** The file the preparer stores: BOM and header, the rows, cut into chunks of `chunkChars`, sent chunk by chunk. */
function fileOf(headers: readonly string[], rows: readonly (readonly CsvField[])[], chunkChars = 64): Buffer {
  const text = CSV_BOM + csvLine(headers) + rows.map(csvLine).join('');
  return Buffer.concat(textChunks(text, chunkChars).map((chunk) => Buffer.from(chunk, 'utf8')));
}

/** The cells Excel shows. */
function openAsExcel(bytes: Buffer): string[][] {
  const hasBom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = new TextDecoder(hasBom ? 'utf-8' : 'shift_jis').decode(bytes);
  return parseCsv(text).map((record) => record.fields);
}

const applicant: Employee = {
  employeeNo: 'K0002',
  name: '=HYPERLINK("http://example.invalid","門司 花子")',
  email: 'hanako@example.city.jp',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002',
  department: '建設局, 道路課',
  section: '"計画"係',
  grade: '主任',
  roles: [],
};
const manager: Actor = { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001', name: '+81 小倉 一郎', isHr: false };

function anApplication(): Application {
  return submitApplication(
    {
      frameworkId: framework.id,
      fiscalYear: 2026,
      track: 'gold',
      applicant: {
        aadObjectId: applicant.aadObjectId,
        name: applicant.name,
        employeeNo: applicant.employeeNo,
        department: applicant.department,
        grade: applicant.grade,
      },
      approver: { aadObjectId: manager.aadObjectId, name: manager.name },
      motivation: '市民サービスをデジタルで良くしたいからです。',
    },
    new Date('2026-06-01T00:00:00.000Z'),
  );
}

function rejected(application: Application, comment: string): Application {
  const outcome = act(application, manager, 'reject', new Date('2026-06-03T06:30:00.000Z'), comment);
  if (!outcome.ok) throw new Error(outcome.refusal);
  return outcome.application;
}

describe('the applications export, opened in Excel', () => {
  const comment = '動機をもう少し具体的に。\r\n例：「窓口の待ち時間」など, 数字で';
  const cells = openAsExcel(fileOf(APPLICATION_HEADERS, [applicationRow(anApplication(), framework), applicationRow(rejected(anApplication(), comment), framework)]));

  it('starts with the UTF-8 byte order mark and has Japanese headers', () => {
    const bytes = fileOf(APPLICATION_HEADERS, []);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(cells[0]).toEqual([...APPLICATION_HEADERS]);
    // In Japanese, each header over its own column.
    const submitted = Object.fromEntries(cells[0]!.map((header, i) => [header, cells[1]![i]]));
    expect(submitted).toMatchObject({ 職員番号: 'K0002', 区分: 'ゴールド', 状態: '上司の承認待ち', 応募日時: '2026-06-01 09:00:00', コメント: '' });
  });

  it('writes one row per application, states and tracks in Japanese, times in Japan time', () => {
    expect(cells).toHaveLength(3);
    const [submitted, decided] = [cells[1]!, cells[2]!];
    expect(submitted).toEqual([
      `2026-gold-${applicant.aadObjectId}`,
      'K0002',
      `'=HYPERLINK("http://example.invalid","門司 花子")`,
      '建設局, 道路課',
      '主任',
      'ゴールド',
      '上司の承認待ち',
      '2026-06-01 09:00:00',
      `'+81 小倉 一郎`,
      '',
      '',
      '',
      '',
      '2026-06-01 09:00:00',
    ]);
    expect(decided.slice(6)).toEqual([
      '上司が差し戻し',
      '2026-06-01 09:00:00',
      `'+81 小倉 一郎`,
      '差し戻し',
      `'+81 小倉 一郎`,
      '2026-06-03 15:30:00',
      comment,
      '2026-06-03 15:30:00',
    ]);
  });

  it('keeps a comment with a comma, quotes and a line break in one cell', () => {
    expect(cells[2]![12]).toBe(comment);
    expect(cells.every((row) => row.length === APPLICATION_HEADERS.length)).toBe(true);
  });
});

describe('the assessment summaries export, opened in Excel', () => {
  const summary: AssessmentSummary = {
    frameworkId: framework.id,
    aadObjectId: applicant.aadObjectId,
    assessmentId: '8219676000000-0000000a',
    completedAt: '2026-05-31T16:00:00.000Z',
    overallRoleLevel: 2,
    skillLevel: 0,
    target: 3,
    rolePositions: { mission: 4, thinking: 2 },
    gapSkillIds: ['rs01', 'rs06'],
  };
  const cells = openAsExcel(fileOf(SUMMARY_HEADERS, [summaryRow(summary, applicant, framework), summaryRow({ ...summary, gapSkillIds: [] }, applicant, framework)]));

  it('has Japanese headers', () => {
    expect(cells[0]).toEqual(['職員番号', '氏名', '所属', '係', '職位', '診断日', '役割レベル', 'スキルレベル', '目標レベル', '不足スキル数', '不足スキル']);
  });

  it('writes who it is from the roster, the day in Japan time, the levels as numbers and the missing skills by name', () => {
    expect(cells[1]).toEqual([
      'K0002',
      `'=HYPERLINK("http://example.invalid","門司 花子")`,
      '建設局, 道路課',
      '"計画"係',
      '主任',
      '2026-06-01',
      '2',
      '0',
      '3',
      '2',
      'データ理解・活用、情報リテラシー',
    ]);
  });

  it('writes an empty list for someone who lacks no skill, and never writes the answers themselves', () => {
    expect(cells[2]!.slice(6)).toEqual(['2', '0', '3', '0', '']);
    // The role levels per category are answers: they are not in the file.
    expect(cells.flat().join('\n')).not.toMatch(/mission|thinking|使命感/);
  });

  it('leaves the skill level empty for a framework that names no required skills (Moka): there is none to write', () => {
    const moka = loadFrameworkFile('moka');
    // Scoring a framework without skills reaches the top skill level: a level nobody earned, never to be written.
    const unearned = { ...summary, frameworkId: moka.id, skillLevel: moka.highestLevel, gapSkillIds: [] };
    const [, row] = openAsExcel(fileOf(SUMMARY_HEADERS, [summaryRow(unearned, applicant, moka)]));
    expect(row!.slice(6, 10)).toEqual(['2', '', '3', '0']);
  });
});

describe('the broadcasts export, opened in Excel', () => {
  const broadcast: Broadcast = {
    id: '8219676000000-0000000b',
    frameworkId: framework.id,
    state: 'completed',
    notice: { title: '@募集, "DX人材"\n第2回', body: '本文', apply: [], fiscalYear: 2026 },
    audience: { kind: 'departments', departments: ['市民局', '建設局'] },
    createdBy: { aadObjectId: 'hr', name: '到津 由美' },
    createdAt: '2026-06-01T00:00:00.000Z',
    startedAt: '2026-06-01T00:05:00.000Z',
    finishedAt: '2026-06-01T01:00:00.000Z',
    round: 2,
    preparedRound: 2,
    progress: { ...EMPTY_PROGRESS, total: 2_500, sent: 2_400, failed: 30, unreachable: 60, cancelled: 10 },
  };
  const cells = openAsExcel(fileOf(BROADCAST_HEADERS, [broadcastRow(broadcast)]));

  it('writes one row per broadcast with its audience, state, times and counts', () => {
    expect(cells[0]).toEqual(['タイトル', '対象', '状態', '作成者', '作成日時', '送信開始日時', '完了日時', '送信の回', '対象人数', '送信済み', '失敗', '届かない (アプリ未インストール)', '取り消し', '未送信']);
    expect(cells[1]).toEqual([
      `'@募集, "DX人材"\n第2回`,
      '所属：市民局、建設局',
      '送信完了',
      '到津 由美',
      '2026-06-01 09:00:00',
      '2026-06-01 09:05:00',
      '2026-06-01 10:00:00',
      '2',
      '2500',
      '2400',
      '30',
      '60',
      '10',
      '0',
    ]);
  });
});

describe('a file stored in chunks', () => {
  it.each([['-', '-5'], ['=', '=1+1'], ['+', '+1'], ['@', '@SUM(A1)']])('neutralises a cell starting with %s', (_start, text) => {
    expect(openAsExcel(fileOf(['値'], [[text]]))[1]).toEqual([`'${text}`]);
  });

  it('cuts between characters, never inside a surrogate pair, so every chunk is valid UTF-16', () => {
    const text = '𠮷野家'.repeat(50) + 'ａ'.repeat(7);
    for (const max of [2, 3, 5, 64]) {
      const chunks = textChunks(text, max);
      expect(chunks.join('')).toBe(text);
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(max);
        expect(chunk.length).toBeGreaterThan(0);
        // Half a pair does not survive UTF-8: it comes back as U+FFFD.
        expect(Buffer.from(chunk, 'utf8').toString('utf8')).toBe(chunk);
      }
    }
  });

  it('gives the same file whatever the chunk size, each chunk encoded on its own', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`E${i}`, '𠮷田 "花子", 市民局\r\n二行目', i]);
    const whole = openAsExcel(Buffer.from(CSV_BOM + csvLine(['職員番号', '氏名', '件数']) + rows.map(csvLine).join(''), 'utf8'));
    for (const size of [2, 7, 33, 1000]) expect(openAsExcel(fileOf(['職員番号', '氏名', '件数'], rows, size))).toEqual(whole);
    expect(whole).toHaveLength(41);
  });

  it('refuses a chunk size that cannot hold a surrogate pair', () => {
    expect(() => textChunks('𠮷', 1)).toThrow(RangeError);
  });
});
