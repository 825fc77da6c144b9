import ExcelJS from 'exceljs';
import { EXIT } from '../../src/cli/runImport';
import type { Program } from '../../src/domain/framework/schema';
import { newestFirst } from '../../src/domain/training/trainingRecord';
import type { Repositories } from '../../src/storage/repositories';
import { TABLE_NAMES } from '../../src/storage/tables';
import type { TableStorage } from '../../src/storage/tableStorage';
import { startTrainingImport, type TrainingImportBench } from '../support/trainingImport';

// `npm run training:import` as HR runs it, against storage with a roster and the active framework. The roster is
// one data set per storage, so this file brings its own Azurite.

const FRAMEWORK_ID = 'records-cli';
let bench: TrainingImportBench;
let storage: TableStorage;
let repositories: Repositories;
let programs: Program[];
let printed: string[];

beforeAll(async () => {
  bench = await startTrainingImport(FRAMEWORK_ID, [
    'E001,八幡 花子,hanako@example.city.jp,00000000-0000-4000-8000-000000000001,政策局,DX・AI戦略室,主任,,',
    'E002,小倉 太郎,taro@example.city.jp,00000000-0000-4000-8000-000000000002,市民局,窓口係,主事,hanako@example.city.jp,',
  ]);
  ({ storage, repositories, programs, printed } = bench);
});
afterAll(async () => {
  await bench?.stop();
});
beforeEach(() => {
  printed.length = 0;
});

const file = (name: string, content: string | Uint8Array): string => bench.file(name, content);
const run = (...args: string[]): Promise<number> => bench.run(...args);

/** Every stored record with its ETag: what a write would change. */
async function storedRows(): Promise<string[]> {
  const rows: string[] = [];
  for await (const e of storage.table(TABLE_NAMES.trainingRecords).listEntities()) rows.push(`${e.partitionKey}|${e.rowKey}|${String(e.status)}|${e.etag}`);
  return rows.sort();
}

describe('npm run training:import', () => {
  it('checks a file without writing in a dry run, imports it, and changes nothing when it is imported again', async () => {
    const [first, second] = programs;
    const csv = file(
      'june.csv',
      `\uFEFF職員番号,メールアドレス,研修,受講日,状況\nE001,,${first!.name},2026/6/1,修了\n,taro@example.city.jp,${second!.id},2026-06-03,受講済み\nE002,,${first!.id},2026年6月1日,欠席\n`,
    );
    expect(await run('--file', csv, '--dry-run')).toBe(EXIT.ok);
    expect(printed.join('\n')).toContain('is valid (dry run, nothing written): 3 records of 2 employees in 2 programs');
    expect(await storedRows()).toEqual([]);

    printed.length = 0;
    expect(await run('--file', csv)).toBe(EXIT.ok);
    expect(printed.join('\n')).toContain('imported: 3 records of 2 employees in 2 programs (3 new, 0 changed, 0 already recorded)');
    expect(newestFirst(await repositories.trainingRecords.listForEmployee(FRAMEWORK_ID, 'E002'))).toEqual([
      { employeeNo: 'E002', programId: second!.id, date: '2026-06-03', status: 'attended' },
      { employeeNo: 'E002', programId: first!.id, date: '2026-06-01', status: 'absent' },
    ]);
    const written = await storedRows();
    expect(written).toHaveLength(3);

    printed.length = 0;
    expect(await run('--file', csv)).toBe(EXIT.ok);
    expect(printed.join('\n')).toContain('already up to date, nothing changed: 3 records of 2 employees in 2 programs (0 new, 0 changed, 3 already recorded)');
    // Not one row rewritten: every ETag is the one the first import left.
    expect(await storedRows()).toEqual(written);
  });

  it('writes only the corrected status when a file is imported again with one', async () => {
    const program = programs[2]!;
    const before = file('before.csv', `employeeNo,program,date,status\nE001,${program.id},2026-07-01,attended\nE002,${program.id},2026-07-01,attended\n`);
    expect(await run('--file', before)).toBe(EXIT.ok);
    const stored = await storedRows();
    const after = file('after.csv', `employeeNo,program,date,status\nE001,${program.id},2026-07-01,completed\nE002,${program.id},2026-07-01,attended\n`);
    printed.length = 0;
    expect(await run('--file', after)).toBe(EXIT.ok);
    expect(printed.join('\n')).toContain('(0 new, 1 changed, 1 already recorded)');
    const changed = (await storedRows()).filter((row) => !stored.includes(row));
    expect(changed).toEqual([expect.stringMatching(new RegExp(`^${FRAMEWORK_ID}:E001\\|${program.id}:2026-07-01\\|completed\\|`))]);
  });

  it('refuses a file with any bad row, naming row and column in Japanese, and writes nothing of it', async () => {
    const before = await storedRows();
    const csv = file(
      'bad.csv',
      `職員番号,研修,受講日,状況\nE001,${programs[0]!.id},2026-08-01,修了\nE404,${programs[0]!.id},2026-08-01,修了\nE002,存在しない研修,2026-02-30,途中\n`,
    );
    expect(await run('--file', csv)).toBe(EXIT.failed);
    const out = printed.join('\n');
    expect(out).toContain('is not valid; nothing was changed. 4 problem(s):');
    expect(out).toContain('3行目 A列（職員番号）: 職員番号「E404」の職員は名簿にいません。');
    expect(out).toContain('4行目 B列（研修）: 研修「存在しない研修」は枠組みの研修・施策にありません。');
    expect(out).toContain('4行目 C列（受講日）: 「2026-02-30」は日付ではありません。');
    expect(out).toContain('4行目 D列（状況）: 状況「途中」は使えません。受講済み / 欠席 / 修了 のいずれかを書いてください。');
    expect(await storedRows()).toEqual(before);
  });

  it('says the problems in English with --lang en', async () => {
    const csv = file('bad-en.csv', `employeeNo,program,date,status\nE001,${programs[0]!.id},tomorrow,attended\n`);
    expect(await run('--file', csv, '--lang', 'en')).toBe(EXIT.failed);
    expect(printed.join('\n')).toContain('row 2, column C (date): "tomorrow" is not a date; write it like 2026-06-01 or 2026/6/1');
  });

  it('imports the first sheet of a workbook, a date typed as a date reading as that day', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('受講記録');
    sheet.addRow(['メールアドレス', '研修', '受講日', '状況']);
    sheet.addRow(['hanako@example.city.jp', programs[1]!.name, new Date(Date.UTC(2026, 8, 15)), '受講済み']);
    const xlsx = file('september.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(await run('--file', xlsx)).toBe(EXIT.ok);
    expect(printed.join('\n')).toContain('imported: 1 records of 1 employees in 1 programs (1 new');
    expect(await repositories.trainingRecords.listForEmployee(FRAMEWORK_ID, 'E001')).toContainEqual({
      employeeNo: 'E001',
      programId: programs[1]!.id,
      date: '2026-09-15',
      status: 'attended',
    });
  });

  it('names the cell of a workbook the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('受講記録');
    sheet.addRow(['職員番号', '研修', '受講日', '状況']);
    sheet.addRow(['E001', programs[1]!.id, '2026-09-16', '合格']);
    const xlsx = file('bad.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(await run('--file', xlsx)).toBe(EXIT.failed);
    expect(printed.join('\n')).toContain('2行目 D列（状況）: 状況「合格」は使えません。');
  });
});
