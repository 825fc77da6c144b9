import ExcelJS from 'exceljs';
import { EXIT } from '../../src/cli/runImport';
import { inDateOrder } from '../../src/domain/training/trainingSession';
import { importTrainingTables } from '../../src/importing/training/importTrainingFile';
import { TABLE_NAMES } from '../../src/storage/tables';
import { startTrainingImport, type TrainingImportBench } from '../support/trainingImport';
import { tableOf } from '../support/trainingTables';

// `npm run training:import` with a sessions file, as HR runs it, on Azurite: validated whole, all or nothing, the
// same file again changes nothing, and a file is the complete list of the upcoming sessions of the programs it
// names. Sessions are dated in 2099 (always upcoming) or 2001 (always past), so no test depends on today's date.

const FRAMEWORK_ID = 'sessions-cli';
let bench: TrainingImportBench;

beforeAll(async () => {
  bench = await startTrainingImport(FRAMEWORK_ID, ['E001,八幡 花子,hanako@example.city.jp,00000000-0000-4000-8000-000000000001,政策局,DX・AI戦略室,主任,,']);
});
afterAll(async () => {
  await bench?.stop();
});
beforeEach(async () => {
  bench.printed.length = 0;
  // Each test starts from no session at all, whatever the one before left.
  const table = bench.storage.table(TABLE_NAMES.trainingSessions);
  for await (const e of table.listEntities()) await table.deleteEntity(e.partitionKey!, e.rowKey!);
});

const file = (name: string, content: string | Uint8Array): string => bench.file(name, content);
const run = (...args: string[]): Promise<number> => bench.run(...args);
const out = (): string => bench.printed.join('\n');

/** Every stored session with its ETag: what a write would change. */
async function storedRows(): Promise<string[]> {
  const rows: string[] = [];
  for await (const e of bench.storage.table(TABLE_NAMES.trainingSessions).listEntities()) rows.push(`${e.rowKey}|${String(e.capacity)}|${String(e.enrol)}|${e.etag}`);
  return rows.sort();
}

const HEADINGS = '研修,開催日,開始時刻,会場,定員,申込方法';

describe('npm run training:import with sessions', () => {
  it('checks a sessions file in a dry run, imports it, and changes nothing when it is imported again', async () => {
    const [academy, school] = bench.programs;
    const csv = file(
      'sessions.csv',
      `\uFEFF${HEADINGS}\n${academy!.name},2099/7/1,9:30,本庁舎 5階会議室,30名,https://forms.example.city.jp/dx\n${school!.id},2099-07-08,,オンライン,,人事課（内線1234）へ電話\n`,
    );
    expect(await run('--file', csv, '--dry-run')).toBe(EXIT.ok);
    expect(out()).toContain('is valid (dry run, nothing written): 2 sessions of 2 programs (the complete list of their sessions from');
    expect(await storedRows()).toEqual([]);

    bench.printed.length = 0;
    expect(await run('--file', csv)).toBe(EXIT.ok);
    expect(out()).toContain('(2 new, 0 changed, 0 no longer in the file removed, 0 unchanged)');
    expect(inDateOrder(await bench.repositories.trainingSessions.listFrom(FRAMEWORK_ID, '2099-01-01'))).toEqual([
      { programId: academy!.id, date: '2099-07-01', startTime: '09:30', place: '本庁舎 5階会議室', capacity: 30, enrol: 'https://forms.example.city.jp/dx' },
      { programId: school!.id, date: '2099-07-08', enrol: '人事課（内線1234）へ電話' },
    ]);
    const written = await storedRows();

    bench.printed.length = 0;
    expect(await run('--file', csv)).toBe(EXIT.ok);
    expect(out()).toContain('already up to date, nothing changed: 2 sessions of 2 programs');
    expect(out()).toContain('(0 new, 0 changed, 0 no longer in the file removed, 2 unchanged)');
    expect(await storedRows()).toEqual(written);
  });

  it("replaces the upcoming sessions of the programs a file names, keeping their past ones and other programs' sessions", async () => {
    const [academy, school] = bench.programs;
    const first = file(
      'first.csv',
      `${HEADINGS}\n${academy!.id},2001-05-01,,本庁舎,,人事課\n${academy!.id},2099-05-01,,本庁舎,,人事課\n${academy!.id},2099-06-01,,本庁舎,20,人事課\n${school!.id},2099-06-02,,オンライン,,人事課\n`,
    );
    expect(await run('--file', first)).toBe(EXIT.ok);
    const second = file('second.csv', `${HEADINGS}\n${academy!.id},2099-06-01,,本庁舎,25,人事課\n${academy!.id},2099-07-01,,本庁舎,,人事課\n`);
    bench.printed.length = 0;
    expect(await run('--file', second)).toBe(EXIT.ok);
    expect(out()).toContain('(1 new, 1 changed, 1 no longer in the file removed, 0 unchanged)');
    const all = await bench.repositories.trainingSessions.listFrom(FRAMEWORK_ID, '2000-01-01');
    expect(inDateOrder(all).map((s) => `${s.programId} ${s.date} ${s.capacity ?? '-'}`)).toEqual([
      `${academy!.id} 2001-05-01 -`,
      `${academy!.id} 2099-06-01 25`,
      `${school!.id} 2099-06-02 -`,
      `${academy!.id} 2099-07-01 -`,
    ]);
  });

  it('refuses a file with any bad row, naming row and column in Japanese, and writes nothing of it', async () => {
    const good = file('good.csv', `${HEADINGS}\n${bench.programs[0]!.id},2099-05-01,,本庁舎,,人事課\n`);
    expect(await run('--file', good)).toBe(EXIT.ok);
    const before = await storedRows();
    const bad = file('bad.csv', `${HEADINGS}\n${bench.programs[0]!.id},2099-05-02,,本庁舎,,人事課\n${bench.programs[0]!.id},2099-05-03,25時,本庁舎,,http://forms.example.city.jp\n`);
    bench.printed.length = 0;
    expect(await run('--file', bad)).toBe(EXIT.failed);
    expect(out()).toContain('is not valid; nothing was changed. 2 problem(s):');
    expect(out()).toContain('3行目 C列（開始時刻）: 「25時」は時刻ではありません。');
    expect(out()).toContain('3行目 F列（申込方法）: 「http://forms.example.city.jp」は申込に使えるリンクではありません。');
    expect(await storedRows()).toEqual(before);
  });

  it('says the problems in English with --lang en', async () => {
    const csv = file('bad-en.csv', `program,sessionDate,place,howToEnrol\n${bench.programs[0]!.id},2099-05-01,HQ,\n`);
    expect(await run('--file', csv, '--lang', 'en')).toBe(EXIT.failed);
    expect(out()).toContain('row 2, column D (howToEnrol): the cell is empty');
  });

  it('imports a workbook carrying attendance and sessions, and writes neither when one sheet is wrong', async () => {
    const workbook = (sessionPlace: string): ExcelJS.Workbook => {
      const book = new ExcelJS.Workbook();
      const sessions = book.addWorksheet('開催予定');
      sessions.addRow(HEADINGS.split(','));
      // A start time typed as a time: Excel keeps it as a moment of 1899-12-30.
      sessions.addRow([bench.programs[1]!.name, new Date(Date.UTC(2099, 8, 15)), new Date(Date.UTC(1899, 11, 30, 13, 30)), sessionPlace, 40, 'https://forms.example.city.jp/kitaq']);
      const records = book.addWorksheet('受講記録');
      records.addRow(['職員番号', '研修', '受講日', '状況']);
      records.addRow(['E001', bench.programs[1]!.id, '2026-09-15', '修了']);
      book.addWorksheet('メモ').addRow(['この表は人事課が毎月更新します']);
      return book;
    };
    const bad = file('bad.xlsx', new Uint8Array(await workbook('').xlsx.writeBuffer()));
    expect(await run('--file', bad)).toBe(EXIT.failed);
    expect(out()).toContain('「開催予定」シート 2行目 D列（会場）: 空欄です。');
    expect(await storedRows()).toEqual([]);
    expect(await bench.repositories.trainingRecords.listForEmployee(FRAMEWORK_ID, 'E001')).toEqual([]);

    const good = file('both.xlsx', new Uint8Array(await workbook('本庁舎').xlsx.writeBuffer()));
    bench.printed.length = 0;
    expect(await run('--file', good)).toBe(EXIT.ok);
    expect(out()).toContain('1 records of 1 employees in 1 programs (1 new, 0 changed, 0 already recorded); 1 sessions of 1 programs');
    expect(await bench.repositories.trainingSessions.listFrom(FRAMEWORK_ID, '2099-01-01')).toEqual([
      { programId: bench.programs[1]!.id, date: '2099-09-15', startTime: '13:30', place: '本庁舎', capacity: 40, enrol: 'https://forms.example.city.jp/kitaq' },
    ]);
    expect(await bench.repositories.trainingRecords.listForEmployee(FRAMEWORK_ID, 'E001')).toHaveLength(1);
  });

  it('counts "upcoming" from the day in Japan it is imported on', async () => {
    const table = (rows: string[][]) => tableOf(HEADINGS.split(','), ...rows);
    const id = bench.programs[0]!.id;
    const options = { frameworkId: FRAMEWORK_ID, locale: 'ja' as const, now: new Date('2099-06-30T15:30:00Z') };
    await importTrainingTables({ sessions: { table: table([[id, '2099-06-30', '', '本庁舎', '', '人事課'], [id, '2099-07-01', '', '本庁舎', '', '人事課']]) } }, bench.repositories, options);
    // 00:30 on 1 July in Japan: the session of 30 June is past and stays; that of 1 July is upcoming and goes.
    const outcome = await importTrainingTables({ sessions: { table: table([[id, '2099-07-02', '', '本庁舎', '', '人事課']]) } }, bench.repositories, options);
    expect(outcome).toMatchObject({ status: 'imported', summary: expect.stringContaining('1 no longer in the file removed') as string });
    expect(inDateOrder(await bench.repositories.trainingSessions.listFrom(FRAMEWORK_ID, '2099-01-01')).map((s) => s.date)).toEqual(['2099-06-30', '2099-07-02']);
  });
});
