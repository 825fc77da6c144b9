import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { EXIT, failureMessage, runImport } from '../../src/cli/runImport';
import { azuriteConnectionString } from '../../src/storage/azuriteConnectionString';
import { frameworkImporter } from '../../src/cli/importers';
import { kitakyushuText } from '../support/botHarness';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-'));
const printed: string[] = [];

beforeAll(() => {
  process.env.STORAGE_CONNECTION_STRING = process.env.TEST_STORAGE_CONNECTION_STRING;
  jest.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
  jest.spyOn(console, 'error').mockImplementation((line: string) => printed.push(line));
});
afterAll(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  printed.length = 0;
});

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('npm run framework:import', () => {
  it('imports, then reports "nothing changed" for the same file, exiting 0 both times', async () => {
    const f = file('ok.json', kitakyushuText('cli-framework'));
    expect(await runImport('framework:import', ['--file', f], frameworkImporter)).toBe(EXIT.ok);
    expect(printed.join('\n')).toMatch(/^imported: 北九州市DX・AI人財戦略: 5 levels, 5 categories, 25 roles, 33 required skills/m);
    printed.length = 0;
    expect(await runImport('framework:import', [`--file=${f}`], frameworkImporter)).toBe(EXIT.ok);
    expect(printed.join('\n')).toContain('already up to date, nothing changed');
  });

  it('exits 1 on an invalid file and lists each problem with item and field', async () => {
    const broken = JSON.parse(kitakyushuText('cli-broken')) as { requiredSkills: { name?: string }[] };
    delete broken.requiredSkills[0]!.name;
    const f = file('broken.json', JSON.stringify(broken));
    expect(await runImport('framework:import', ['--file', f], frameworkImporter)).toBe(EXIT.failed);
    expect(printed.join('\n')).toContain('requiredSkills[0].name (rs01)');
    expect(printed.join('\n')).toContain('nothing was changed');
  });

  it('exits 1 on a file that is not JSON, saying where', async () => {
    const f = file('syntax.json', '{\n  "id": "x",\n  oops\n}');
    expect(await runImport('framework:import', ['--file', f], frameworkImporter)).toBe(EXIT.failed);
    expect(printed.join('\n')).toMatch(/line 3, column \d+: not valid JSON/);
  });

  it('validates only with --dry-run', async () => {
    const f = file('dry.json', kitakyushuText('cli-dry'));
    expect(await runImport('framework:import', ['--file', f, '--dry-run'], frameworkImporter)).toBe(EXIT.ok);
    expect(printed.join('\n')).toContain('(dry run, nothing written)');
  });

  it('exits 2 with usage on wrong arguments, and 1 on a missing file', async () => {
    expect(await runImport('framework:import', ['--flie', 'x'], frameworkImporter)).toBe(EXIT.usage);
    expect(printed.join('\n')).toContain('usage: npm run framework:import -- --file <path> [--dry-run]');
    expect(await runImport('framework:import', ['--file', path.join(dir, 'missing.json')], frameworkImporter)).toBe(EXIT.failed);
  });

  it('says to start `npm start` (or set the storage) when storage does not answer, and changes nothing', async () => {
    // A port nothing listens on: one the OS gave out, then closed.
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    process.env.STORAGE_CONNECTION_STRING = azuriteConnectionString(port, port);
    try {
      const failure = await runImport('framework:import', ['--file', file('k.json', kitakyushuText())], frameworkImporter).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(failureMessage('framework:import', failure)).toMatch(/^framework:import failed; nothing was changed: .+\n {2}storage did not answer: .*`npm start`/s);
    } finally {
      process.env.STORAGE_CONNECTION_STRING = process.env.TEST_STORAGE_CONNECTION_STRING;
    }
  });

  it('says a failure other than storage in one line, and what a training import may have left', () => {
    expect(failureMessage('roster:import', new Error('disk full'))).toBe('roster:import failed; nothing was changed: disk full');
    expect(failureMessage('training:import', new Error('disk full'), 'part')).toBe(
      'training:import failed; part of the file may be written; importing the same file again completes it: disk full',
    );
  });
});
