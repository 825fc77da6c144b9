import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { frameworkImporter } from '../../src/cli/importers';
import { EXIT, runImport } from '../../src/cli/runImport';
import { runExport, runTemplate } from '../../src/cli/writeWorkbooks';
import { loadConfig } from '../../src/config';
import { SHEETS } from '../../src/importing/workbook/sheets';
import { createRepositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';
import { frameworkFileText } from '../support/botHarness';

// The three workbook commands as an HR officer runs them, against Azurite: template → fill in → dry run → import →
// export → import. Each test works on a framework id of its own.

const dir = mkdtempSync(path.join(os.tmpdir(), 'workbook-cli-'));
const printed: string[] = [];
const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const frameworks = createRepositories(storage).frameworks;

beforeAll(async () => {
  process.env.STORAGE_CONNECTION_STRING = process.env.TEST_STORAGE_CONNECTION_STRING;
  jest.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
  jest.spyOn(console, 'error').mockImplementation((line: string) => printed.push(line));
  await storage.ensureTables();
});
afterAll(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  printed.length = 0;
});

const newId = (): string => `wb-${randomUUID().slice(0, 8)}`;
const output = (): string => printed.join('\n');
const file = (name: string): string => path.join(dir, `${randomUUID().slice(0, 8)}-${name}`);
/** The configuration `framework:export` reads from the environment, for one framework id. */
const configFor = (frameworkId: string) =>
  loadConfig({ STORAGE_CONNECTION_STRING: process.env.TEST_STORAGE_CONNECTION_STRING, FRAMEWORK_ID: frameworkId });
const importFile = (workbookOrJson: string, ...flags: string[]): Promise<number> =>
  runImport('framework:import', ['--file', workbookOrJson, ...flags], frameworkImporter);

async function importShipped(city: string, id: string): Promise<void> {
  const json = file(`${city}.json`);
  writeFileSync(json, frameworkFileText(city, id));
  expect(await importFile(json)).toBe(EXIT.ok);
}

/** Opens a workbook file, changes it as an officer would in Excel, and saves it. */
async function edit(workbookPath: string, change: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookPath);
  change(workbook);
  await workbook.xlsx.writeFile(workbookPath);
}
const setId = (id: string) => (workbook: ExcelJS.Workbook) => (workbook.getWorksheet('基本情報')!.getCell('B2').value = id);

describe('npm run framework:export, then framework:import of the workbook', () => {
  it.each(['kitakyushu', 'moka', 'kunisaki', 'national'])('%s: the workbook imports as exactly the stored framework', async (city) => {
    const id = newId();
    await importShipped(city, id);
    const stored = (await frameworks.loadActive(id))!.document;
    // A pointer for JSON editors, which a workbook has no place for.
    delete stored.$schema;
    const exported = file(`${city}.xlsx`);
    expect(await runExport(['--out', exported], configFor(id))).toBe(EXIT.ok);
    expect(output()).toContain(`wrote ${exported}: `);

    expect(await importFile(exported)).toBe(EXIT.ok);
    expect(output()).toMatch(/^imported: /m);
    const imported = (await frameworks.loadActive(id))!;
    expect(imported.document).toStrictEqual(stored);

    // Exported again and imported again, nothing changes: the workbook holds the whole framework.
    const again = file(`${city}-again.xlsx`);
    expect(await runExport(['--out', again], configFor(id))).toBe(EXIT.ok);
    printed.length = 0;
    expect(await importFile(again)).toBe(EXIT.ok);
    expect(output()).toContain(`already up to date, nothing changed: `);
    expect((await frameworks.findActiveVersion(id))?.version).toBe(imported.version);
  });

  it('says which variables to set when the framework is not in that storage, and writes nothing', async () => {
    const out = file('none.xlsx');
    expect(await runExport(['--out', out], configFor(newId()))).toBe(EXIT.failed);
    expect(output()).toMatch(/has been imported into this storage\. Set FRAMEWORK_ID .* STORAGE_CONNECTION_STRING/);
    expect(existsSync(out)).toBe(false);
  });

  it('never overwrites a file, which may be a city\'s filled-in workbook', async () => {
    const out = file('filled.xlsx');
    expect(await runTemplate(['--out', out])).toBe(EXIT.ok);
    const before = readFileSync(out);
    expect(await runTemplate(['--out', out, '--from', 'moka'])).toBe(EXIT.failed);
    expect(output()).toContain('exists already; nothing was written');
    expect(readFileSync(out)).toEqual(before);
  });
});

describe('npm run framework:template', () => {
  it('writes the empty workbook, which opens with every sheet', async () => {
    const out = file('empty.xlsx');
    expect(await runTemplate(['--out', out])).toBe(EXIT.ok);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['記入のしかた', ...SHEETS.map((s) => s.name)]);
  });

  it('with --from, writes a shipped framework filled in; a name that is not shipped gets the list of those that are', async () => {
    const out = file('from.xlsx');
    expect(await runTemplate(['--out', out, '--from', 'kunisaki'])).toBe(EXIT.ok);
    expect(statSync(out).size).toBeGreaterThan(0);
    expect(await runTemplate(['--out', file('x.xlsx'), '--from', '../package'])).toBe(EXIT.failed);
    expect(output()).toMatch(/no framework file "\.\.\/package" in data\/frameworks; choose one of: .*kitakyushu, kunisaki, moka, national/);
  });

  it('exits 2 with the usage on wrong arguments', async () => {
    expect(await runTemplate(['--file', 'x.xlsx'])).toBe(EXIT.usage);
    expect(output()).toContain('usage: npm run framework:template -- --out <city.xlsx> [--from <');
  });
});

describe('npm run framework:import of a workbook', () => {
  it('with --dry-run checks a filled-in workbook and writes nothing', async () => {
    const id = newId();
    const workbook = file('dry.xlsx');
    expect(await runTemplate(['--out', workbook, '--from', 'moka'])).toBe(EXIT.ok);
    await edit(workbook, setId(id));
    expect(await importFile(workbook, '--dry-run')).toBe(EXIT.ok);
    expect(output()).toContain('is valid (dry run, nothing written): 真岡市職員DX人材育成方針');
    expect(await frameworks.findActiveVersion(id)).toBeUndefined();
  });

  it.each([
    ['ja', [], 'シート「必須スキル」2行目 C列（レベル）: 「Lv.3」は数値ではありません。半角の整数を入力してください。'],
    ['en', ['--lang', 'en'], 'sheet "必須スキル", row 2, column C (レベル): "Lv.3" is not a number; write a whole number'],
  ])('refuses a workbook with a mistake, naming its cell (%s), and changes nothing', async (_locale, flags, line) => {
    const id = newId();
    await importShipped('kitakyushu', id);
    const version = (await frameworks.findActiveVersion(id))!.version;
    const workbook = file('mistake.xlsx');
    expect(await runExport(['--out', workbook], configFor(id))).toBe(EXIT.ok);
    await edit(workbook, (wb) => (wb.getWorksheet('必須スキル')!.getCell('C2').value = 'Lv.3'));
    printed.length = 0;
    expect(await importFile(workbook, ...flags)).toBe(EXIT.failed);
    expect(printed).toEqual([`${workbook} is not valid; nothing was changed. 1 problem(s):`, `  ${line}`]);
    expect((await frameworks.findActiveVersion(id))?.version).toBe(version);
  });
});
