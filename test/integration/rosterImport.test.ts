import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { importRoster } from '../../src/importing/importRoster';
import { createRepositories, type Repositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';
import { isStorageUnavailable } from '../../src/storage/storageErrors';

// The roster is one data set per city, so this file runs against an Azurite of its own.
let azurite: Azurite;
let dataDir: string;
let repositories: Repositories;

async function connect(): Promise<void> {
  const storage = createTableStorage({ connectionString: azurite.connectionString });
  await storage.ensureTables();
  repositories = createRepositories(storage);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'roster-'));
  azurite = await startAzurite({ location: dataDir });
  await connect();
});
afterAll(async () => {
  await azurite.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const HEADER = 'employeeNo,name,email,aadObjectId,department,section,grade,managerEmail,roles';
const guid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A roster of `size` people: number 1 is the head of the department, everyone else reports to them. */
function roster(size: number, change: (n: number) => string = () => '主事'): string {
  const lines = [HEADER];
  for (let n = 1; n <= size; n++) {
    const manager = n === 1 ? '' : 'e1@example.city.jp';
    const roles = n === 2 ? 'hr' : '';
    lines.push(`E${n},職員 ${n},e${n}@example.city.jp,${guid(n)},政策局,DX・AI戦略室,${n === 1 ? '部長' : change(n)},${manager},${roles}`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

describe('importing the staff roster', () => {
  it('imports every employee, found by Entra object id and by e-mail', async () => {
    const outcome = await importRoster(roster(250), repositories.roster);
    expect(outcome.status).toBe('imported');
    expect(await repositories.roster.count()).toBe(250);
    expect(await repositories.roster.findByAadObjectId(guid(42).toUpperCase())).toMatchObject({ employeeNo: 'E42', name: '職員 42' });
    expect(await repositories.roster.findByEmail('E2@Example.City.JP')).toMatchObject({ roles: ['hr'], managerEmail: 'e1@example.city.jp' });
    expect(await repositories.roster.findByAadObjectId(guid(999))).toBeUndefined();
  });

  it('changes nothing when the same file is imported again', async () => {
    const outcome = await importRoster(roster(250), repositories.roster);
    expect(outcome.status).toBe('unchanged');
  });

  it('rejects a bad file whole, naming line and field, and keeps the old roster', async () => {
    const bad = roster(250).replace('e7@example.city.jp,', 'not-an-email,');
    const outcome = await importRoster(bad, repositories.roster);
    expect(outcome.status).toBe('invalid');
    expect(outcome.status === 'invalid' && outcome.issues.map((i) => i.where)).toContain('line 8.email');
    expect(await repositories.roster.count()).toBe(250);
    expect(await repositories.roster.findByAadObjectId(guid(7))).toMatchObject({ email: 'e7@example.city.jp' });
  });

  it('writes nothing in a dry run', async () => {
    const outcome = await importRoster(roster(10), repositories.roster, { dryRun: true });
    expect(outcome.status).toBe('valid');
    expect(await repositories.roster.count()).toBe(250);
  });

  it('leaves the old roster in place when storage fails in the middle of an import', async () => {
    const promoted = roster(300, (n) => (n % 2 === 0 ? '主任' : '主事'));
    let stopped = false;
    const attempt = importRoster(promoted, repositories.roster, {
      onProgress: (done) => {
        // Storage goes away after the first transaction of 100 rows has been written.
        if (done >= 100 && !stopped) {
          stopped = true;
          void azurite.stop();
        }
      },
    });
    const error = await attempt.then(() => undefined, (e: unknown) => e);
    expect(stopped).toBe(true);
    expect(isStorageUnavailable(error)).toBe(true);

    azurite = await startAzurite({ location: dataDir, tablePort: azurite.tablePort, queuePort: azurite.queuePort });
    await connect();
    expect(await repositories.roster.count()).toBe(250);
    expect(await repositories.roster.findByAadObjectId(guid(4))).toMatchObject({ grade: '主事' });
    expect(await repositories.roster.findByAadObjectId(guid(280))).toBeUndefined();

    // Once storage is back, the same file goes through.
    expect((await importRoster(promoted, repositories.roster)).status).toBe('imported');
    expect(await repositories.roster.findByAadObjectId(guid(4))).toMatchObject({ grade: '主任' });
    expect(await repositories.roster.count()).toBe(300);
  });
});
