import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importRoster } from '../../src/importing/importRoster';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { DEMO_ROSTER_FILE, demoCast, parseDemoRoster } from '../../src/local/demoRoster';
import { PLAYGROUND_CONFIG_FILE, playgroundConfig, writePlaygroundConfig } from '../../src/local/playgroundConfig';
import { seedFiles, seedWhenEmpty } from '../../src/local/seedWhenEmpty';
import { parseStartArgs } from '../../src/local/startArgs';
import { createRepositories, type Repositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';

// The pieces of `npm start`; running it whole is left to a person (it binds fixed ports).

const root = path.join(__dirname, '..', '..');
const rosterText = readFileSync(path.join(root, DEMO_ROSTER_FILE), 'utf8');
const cast = demoCast(parseDemoRoster(rosterText));

describe('the demo roster', () => {
  test('passes the roster import', async () => {
    const repositories = createRepositories(createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! }));
    const outcome = await importRoster(rosterText, repositories.roster, { dryRun: true });
    expect(outcome).toMatchObject({ status: 'valid' });
  });

  test('casts an employee, their manager, an HR officer of DX・AI戦略室 and an admin', () => {
    expect(cast.employee).toMatchObject({ grade: '主事', roles: [] });
    expect(cast.manager).toMatchObject({ grade: '課長', email: cast.employee.managerEmail });
    expect(cast.hr).toMatchObject({ department: '政策局', section: 'DX・AI戦略室 企画係', roles: ['hr'] });
    expect(cast.admin?.roles).toContain('admin');
  });

  test('holds in each column what the roster format says: a 局 as the department, the unit within it as the section', () => {
    for (const { name, grade, department, section } of cast.everyone) {
      // A 部長 belongs to the department itself, a 課長 to their 課 (or 室), everyone else to a 係 of it.
      const unit = grade === '部長' ? /^$/ : grade === '課長' ? /^\S+[課室]$/ : /^\S+[課室] \S+係$/;
      expect({ name, department, section }).toEqual({ name, department: expect.stringMatching(/局$/) as unknown, section: expect.stringMatching(unit) as unknown });
    }
  });
});

describe('the Playground config', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'playground-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The file as the Playground reads it: YAML, written as JSON after a comment line. */
  const written = (config: ReturnType<typeof playgroundConfig>): ReturnType<typeof playgroundConfig> => {
    const file = writePlaygroundConfig(dir, config);
    expect(path.basename(file)).toBe(PLAYGROUND_CONFIG_FILE);
    return JSON.parse(readFileSync(file, 'utf8').replace(/^#.*\n/, '')) as ReturnType<typeof playgroundConfig>;
  };

  test('makes the demo employee the current user, with the manager, HR and the admin among the five others', () => {
    const config = written(playgroundConfig(cast));
    expect(config.currentUser).toMatchObject({ name: cast.employee.name, aadObjectId: cast.employee.aadObjectId });
    expect(config.users).toHaveLength(5);
    expect(config.users.map((u) => u.aadObjectId)).toEqual(
      expect.arrayContaining([cast.manager.aadObjectId, cast.hr!.aadObjectId, cast.admin!.aadObjectId]),
    );
    expect(new Set([config.currentUser, ...config.users].map((u) => u.id)).size).toBe(6);
  });

  test('can make the manager the current user instead, with the employee among the others', () => {
    const config = written(playgroundConfig(cast, 'manager'));
    expect(config.currentUser.aadObjectId).toBe(cast.manager.aadObjectId);
    expect(config.users.map((u) => u.aadObjectId)).toContain(cast.employee.aadObjectId);
  });

  test('gives each person a personal chat of their own', () => {
    // All run on one port, one at a time: news for the employee sent while the manager's Playground holds the port
    // must not land in her chat (the Playground refuses a chat it does not have, and the bot keeps the news for him).
    const chats = (['employee', 'manager', 'hr', 'admin'] as const).map((role) => playgroundConfig(cast, role).personalChat.id);
    expect(new Set(chats).size).toBe(chats.length);
  });

  test('splits Japanese names into surname and given name', () => {
    expect(playgroundConfig(cast).currentUser).toMatchObject({ surname: '北九', givenName: '太郎' });
  });
});

describe('seeding empty storage', () => {
  // The roster is one data set per storage account, so this runs against an Azurite nobody else writes to.
  let azurite: Azurite;
  let repositories: Repositories;
  beforeAll(async () => {
    azurite = await startAzurite();
    const storage = createTableStorage({ connectionString: azurite.connectionString });
    await storage.ensureTables();
    repositories = createRepositories(storage);
  });
  afterAll(async () => {
    await azurite?.stop();
  });

  test('imports the framework and the demo roster once, then keeps what is there', async () => {
    const files = seedFiles(root, 'kitakyushu');
    expect(await seedWhenEmpty(repositories, 'kitakyushu', files)).toEqual({ framework: 'imported', roster: 'imported' });
    const version = (await repositories.frameworks.findActiveVersion('kitakyushu'))?.version;
    expect(version).toBeDefined();
    expect(await repositories.roster.count()).toBe(parseDemoRoster(rosterText).length);

    expect(await seedWhenEmpty(repositories, 'kitakyushu', files)).toEqual({ framework: 'kept', roster: 'kept' });
    expect((await repositories.frameworks.findActiveVersion('kitakyushu'))?.version).toBe(version);
  });

  test('refuses a FRAMEWORK_ID that is neither in storage nor a file, naming the files there are', async () => {
    const refused = seedWhenEmpty(repositories, 'no-such-city', seedFiles(root, 'no-such-city'));
    await expect(refused).rejects.toThrow('FRAMEWORK_ID is "no-such-city", but storage has no such framework');
    await expect(refused).rejects.toThrow(/Framework files: .*kitakyushu/);
    expect(await repositories.frameworks.findActiveVersion('no-such-city')).toBeUndefined();
  });

  test.each(['moka', 'kunisaki'])('imports the %s framework file when FRAMEWORK_ID names it', async (frameworkId) => {
    const seeded = await seedWhenEmpty(repositories, frameworkId, seedFiles(root, frameworkId));
    expect(seeded.framework).toBe('imported');
    expect(await repositories.frameworks.findActiveVersion(frameworkId)).toBeDefined();
  });
});

describe('npm start arguments', () => {
  test.each([
    [[], 'employee'],
    [['--as', 'manager'], 'manager'],
    [['--as=hr'], 'hr'],
  ])('%j acts as %s', (argv, role) => {
    expect(parseStartArgs(argv)).toEqual({ as: role });
  });

  test.each([[['--as']], [['--as', 'mayor']], [['--port', '1']], [['--as', 'hr', 'extra']]])('%j is refused', (argv) => {
    expect(parseStartArgs(argv)).toBeUndefined();
  });
});
