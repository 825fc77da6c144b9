import { startAzurite, type Azurite } from '../../src/local/azurite';
import type { Employee } from '../../src/domain/roster/employee';
import { createRepositories, type Repositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';

// The roster is one data set per city, so this file runs against an Azurite of its own.
let azurite: Azurite;
let repositories: Repositories;

beforeAll(async () => {
  azurite = await startAzurite();
  const storage = createTableStorage({ connectionString: azurite.connectionString });
  await storage.ensureTables();
  repositories = createRepositories(storage);
});
afterAll(async () => {
  await azurite.stop();
});

const guid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function anEmployee(n: number): Employee {
  return {
    employeeNo: `E${String(n).padStart(5, '0')}`,
    name: `職員 ${n}`,
    email: `e${n}@example.city.jp`,
    aadObjectId: guid(n),
    department: n % 2 === 0 ? '政策局' : '市民局',
    section: 'DX・AI戦略室',
    grade: '主事',
    roles: [],
  };
}

const staff = (count: number, from = 1): Employee[] => Array.from({ length: count }, (_, n) => anEmployee(from + n));

describe('RosterRepository.listEmployees', () => {
  it('lists nobody before the first import', async () => {
    expect(await repositories.roster.listEmployees()).toEqual([]);
  });

  it('lists every employee of the active roster once, though each is stored under three keys', async () => {
    const employees = staff(250);
    await repositories.roster.replace(employees, 'v1');
    expect(await repositories.roster.listEmployees()).toEqual(employees);

    // A new roster replaces the old one whole: those who left are no longer listed.
    const next = staff(120, 200);
    await repositories.roster.replace(next, 'v2');
    expect(await repositories.roster.listEmployees()).toEqual(next);

    // The listing is kept between calls while the roster is unchanged: what a caller does to its copy stays there.
    const listed = await repositories.roster.listEmployees();
    listed.splice(0, 60);
    expect(await repositories.roster.listEmployees()).toEqual(next);
  });
});
