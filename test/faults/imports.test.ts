import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXIT, MAX_FILE_BYTES, runImport } from '../../src/cli/runImport';
import { frameworkImporter, rosterImporter } from '../../src/cli/importers';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { MAX_ROSTER_ROWS } from '../../src/domain/roster/validateRoster';
import { ROSTER_HEADER } from '../support/conversation';
import { shiftJis, utf16beWithoutBom, utf16leWithBom } from './encodings';
import { snapshotTables } from './storageSnapshot';

// Malformed and oversized files given to the import commands (`npm run framework:import` / `roster:import`, run the
// way their main does), against an Azurite of its own that already holds a framework and a roster.
// Expectation for every bad file: exit code 1, a message in the CLI's language (English) that says what is wrong and
// where, and every table exactly as it was. A file over the CLI's size limit is refused unread; the large files
// under it (20 MB, 100,000 rows) are generated in memory and checked to be refused without a crash.

const FRAMEWORK_ID = 'faults-imports';
const frameworkPretty = JSON.stringify({ ...(JSON.parse(readFileSync(path.join(__dirname, '../../data/frameworks/kitakyushu.json'), 'utf8')) as object), id: FRAMEWORK_ID }, null, 2);
const demoRoster = readFileSync(path.join(__dirname, '../../data/demo/roster.csv'), 'utf8');

const COMMANDS = { framework: ['framework:import', frameworkImporter], roster: ['roster:import', rosterImporter] } as const;

let azurite: Azurite;
let dir: string;
let before: Record<string, string[]>;
const printed: string[] = [];

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function runCommand(kind: keyof typeof COMMANDS, name: string, content: string | Buffer, ...flags: string[]): Promise<number> {
  printed.length = 0;
  const [command, importer] = COMMANDS[kind];
  return runImport(command, ['--file', file(name, content), ...flags], importer);
}

/** The import is refused with exit 1, a message matching `message`, and storage is untouched. */
async function expectRefused(kind: keyof typeof COMMANDS, name: string, content: string | Buffer, message: RegExp): Promise<void> {
  expect(await runCommand(kind, name, content)).toBe(EXIT.failed);
  const output = printed.join('\n');
  expect(output).toContain('is not valid; nothing was changed');
  expect(output).toMatch(message);
  expect(await snapshotTables(azurite.connectionString)).toEqual(before);
}

/** The first line (1-based) of a text that holds a character outside ASCII. */
function firstNonAsciiLine(text: string): number {
  return text.split('\n').findIndex((line) => [...line].some((c) => c.charCodeAt(0) > 0x7f)) + 1;
}

const guid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** A long but valid department name. */
const LONG_DEPARTMENT = '政策局DX・AI戦略室デジタル市役所推進課'.repeat(3);

/**
 * A roster of `size` people (number 1 heads the department), row `n` replaced by `override(n)` when it returns one.
 * With `department` set to LONG_DEPARTMENT, 100,000 rows make about 20 MB.
 */
function bigRoster(size: number, override: (n: number) => string | undefined = () => undefined, department = '政策局'): string {
  const lines = [ROSTER_HEADER];
  for (let n = 1; n <= size; n++) {
    const manager = n === 1 ? '' : 'e1@example.city.jp';
    lines.push(override(n) ?? `E${n},職員 ${n},e${n}@example.city.jp,${guid(n)},${department},第一係,${n === 1 ? '部長' : '主事'},${manager},`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'faults-imports-'));
  azurite = await startAzurite();
  process.env.STORAGE_CONNECTION_STRING = azurite.connectionString;
  jest.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
  jest.spyOn(console, 'error').mockImplementation((line: string) => printed.push(line));
  expect(await runCommand('framework', 'good.json', frameworkPretty)).toBe(EXIT.ok);
  expect(await runCommand('roster', 'good.csv', demoRoster)).toBe(EXIT.ok);
  before = await snapshotTables(azurite.connectionString);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await azurite.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a file in another encoding than UTF-8 is refused, saying so, and changes nothing', () => {
  it('a roster saved as Shift_JIS (Excel\'s default on Japanese Windows) names the line of the first Japanese text', async () => {
    const bytes = shiftJis(demoRoster);
    // Shift_JIS lead bytes are UTF-8 continuation bytes: the first Japanese character is the first byte refused.
    const byte = bytes.findIndex((b) => b > 0x7f) + 1;
    await expectRefused('roster', 'sjis.csv', bytes, new RegExp(`line ${firstNonAsciiLine(demoRoster)}: byte ${byte} is not UTF-8 \\(Shift_JIS.*save it as UTF-8`));
  });

  it('a framework saved as Shift_JIS is refused the same way', async () => {
    const line = firstNonAsciiLine(frameworkPretty);
    await expectRefused('framework', 'sjis.json', shiftJis(frameworkPretty), new RegExp(`line ${line}: byte \\d+ is not UTF-8 \\(Shift_JIS`));
  });

  it('a roster saved as UTF-16 with a byte order mark (Excel\'s "Unicode text") says UTF-16', async () => {
    await expectRefused('roster', 'utf16.csv', utf16leWithBom(demoRoster), /\(file\): the file is UTF-16 text; save it as UTF-8/);
  });

  it('a framework in UTF-16 without a byte order mark is recognised by its NUL bytes', async () => {
    await expectRefused('framework', 'utf16be.json', utf16beWithoutBom(frameworkPretty), /line 1: the file holds NUL bytes \(UTF-16/);
  });

  it('a UTF-8 byte order mark, as Excel\'s "CSV UTF-8" and Notepad write, is accepted in both files (dry run)', async () => {
    expect(await runCommand('framework', 'bom.json', `\uFEFF${frameworkPretty.replace(/\n/g, '\r\n')}`, '--dry-run')).toBe(EXIT.ok);
    expect(printed.join('\n')).toContain('is valid (dry run, nothing written): 北九州市DX・AI人財戦略');
    expect(await runCommand('roster', 'bom.csv', `\uFEFF${demoRoster}`, '--dry-run')).toBe(EXIT.ok);
    expect(printed.join('\n')).toContain('is valid (dry run, nothing written)');
  });
});

describe('a file of the wrong kind is refused and changes nothing', () => {
  it('an Excel workbook given as the roster is not a text file', async () => {
    const workbook = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00', 'latin1'), Buffer.from([0xb5, 0x55, 0x30, 0x23, 0xf4])]);
    await expectRefused('roster', 'roster.xlsx', workbook, /line 1: .*not a text file\?\)/);
  });

  it('the roster CSV given as the framework is not JSON, from line 1 column 1', async () => {
    await expectRefused('framework', 'roster.json', demoRoster, /line 1, column 1: not valid JSON/);
  });

  it('the framework JSON given as the roster lacks every roster column', async () => {
    await expectRefused('roster', 'framework.csv', frameworkPretty, /line 1: the header has no "employeeNo" column/);
  });
});

describe('a truncated file is refused, naming where it breaks off, and changes nothing', () => {
  it('a framework cut in the middle', async () => {
    const cut = frameworkPretty.slice(0, Math.floor(frameworkPretty.length / 2));
    await expectRefused('framework', 'cut.json', cut, new RegExp(`line ${cut.split('\n').length}, column \\d+: not valid JSON`));
  });

  it('a roster cut in the middle of its last row', async () => {
    const rows = demoRoster.trimEnd().split('\n');
    const lastRow = rows[rows.length - 1]!;
    const cut = [...rows.slice(0, -1), lastRow.split(',').slice(0, 4).join(',')].join('\n');
    await expectRefused('roster', 'cut.csv', cut, new RegExp(`line ${rows.length}: 4 fields; the header has 9`));
  });

  it('a roster cut in the middle of a Japanese character (a broken download) points at its last line', async () => {
    const bytes = Buffer.from(demoRoster.trimEnd());
    // The last lead byte of a multi-byte character (0b11xxxxxx); the cut keeps it and drops the rest.
    const lead = Math.max(...[...bytes].flatMap((b, i) => (b >= 0xc0 ? [i] : [])));
    const lastLine = demoRoster.trimEnd().split('\n').length;
    await expectRefused('roster', 'cut-char.csv', bytes.subarray(0, lead + 1), new RegExp(`line ${lastLine}: byte ${lead + 1} is not UTF-8`));
  });

  it('a roster cut inside a quoted field', async () => {
    const cut = `${demoRoster.trimEnd()}\nD9999,"北九`;
    await expectRefused('roster', 'quote.csv', cut, new RegExp(`line ${demoRoster.trimEnd().split('\n').length + 1}: a quoted field is never closed`));
  });
});

describe('an oversized file is refused without a crash and changes nothing', () => {
  it('a file over the size limit (a sparse 1 GB file here) is refused by its size, before it is read', async () => {
    for (const kind of ['framework', 'roster'] as const) {
      const huge = file(`huge-${kind}`, '');
      truncateSync(huge, 1024 ** 3);
      printed.length = 0;
      const [command, importer] = COMMANDS[kind];
      expect(await runImport(command, ['--file', huge], importer)).toBe(EXIT.failed);
      expect(printed.join('\n')).toContain(`(file): the file is 1024 MB; an import file is at most ${MAX_FILE_BYTES / 1024 ** 2} MB: is this the right file?`);
    }
    expect(await snapshotTables(azurite.connectionString)).toEqual(before);
  });

  it('a million levels of JSON nesting cut short (deeper than the stack) is "not valid JSON", not a stack overflow', async () => {
    await expectRefused('framework', 'deep.json', '['.repeat(1_000_000), /\(file\): not valid JSON/);
  });

  it('a 20 MB framework whose one text is over Table storage\'s limit is rejected before anything is written', async () => {
    const doc = JSON.parse(frameworkPretty) as { requiredSkills: { definition: string }[] };
    doc.requiredSkills[0]!.definition = 'あ'.repeat(7_000_000);
    printed.length = 0;
    await expect(runImport('framework:import', ['--file', file('huge.json', JSON.stringify(doc))], frameworkImporter)).rejects.toThrow(
      /row requiredSkills:0000 is \d+ characters; Table storage allows 32767/,
    );
    expect(await snapshotTables(azurite.connectionString)).toEqual(before);
  });

  it(`a roster of ${MAX_ROSTER_ROWS} rows (about 20 MB) with one bad row at the end is refused whole`, async () => {
    const text = bigRoster(MAX_ROSTER_ROWS, (n) => (n === MAX_ROSTER_ROWS ? `E${n},職員,not-an-email,${guid(n)},局,,主事,e1@example.city.jp,` : undefined), LONG_DEPARTMENT);
    expect(Buffer.byteLength(text)).toBeGreaterThan(18_000_000);
    await expectRefused('roster', 'big-bad.csv', text, new RegExp(`line ${MAX_ROSTER_ROWS + 1}\\.email \\(E${MAX_ROSTER_ROWS}\\): "not-an-email" is not an e-mail address`));
  });

  it(`a roster of ${MAX_ROSTER_ROWS + 1} rows is refused as probably the wrong file`, async () => {
    await expectRefused('roster', 'too-big.csv', bigRoster(MAX_ROSTER_ROWS + 1), new RegExp(`line 1: more than ${MAX_ROSTER_ROWS} rows: is this the right file\\?`));
  });

  it(`a roster where all ${MAX_ROSTER_ROWS} rows are bad lists the first 50 problems and counts the rest`, async () => {
    const text = bigRoster(MAX_ROSTER_ROWS, (n) => `E${n},職員,e${n}@example.city.jp,${guid(n)},局,,主事,,admin;boss`);
    await expectRefused('roster', 'all-bad.csv', text, new RegExp(`line 2\\.roles \\(E1\\): unknown role "boss"[^]*… and ${MAX_ROSTER_ROWS - 50} more`));
    expect(printed.filter((line) => line.includes('unknown role'))).toHaveLength(50);
  });

  it(`a valid roster of exactly ${MAX_ROSTER_ROWS} rows passes a dry run: the limit is not off by one`, async () => {
    expect(await runCommand('roster', 'big-ok.csv', bigRoster(MAX_ROSTER_ROWS), '--dry-run')).toBe(EXIT.ok);
    expect(printed.join('\n')).toContain(`is valid (dry run, nothing written): ${MAX_ROSTER_ROWS} employees in 1 departments and 1 sections, 1 managers`);
    expect(await snapshotTables(azurite.connectionString)).toEqual(before);
  });
});
