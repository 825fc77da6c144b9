import { randomUUID } from 'node:crypto';
import { TABLE_NAMES } from '../../src/storage/tables';
import { createTableStorage } from '../../src/storage/tableStorage';
import { createRepositories } from '../../src/storage/repositories';
import { importFramework } from '../../src/importing/importFramework';
import { FrameworkCatalog } from '../../src/storage/frameworkCatalog';
import { kitakyushuText } from '../support/botHarness';
import { frameworkDocumentSchema, type FrameworkDocument } from '../../src/domain/framework/schema';
import { odata } from '@azure/data-tables';

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const repositories = createRepositories(storage);

beforeAll(async () => {
  await storage.ensureTables();
});

function newId(): string {
  return `fw-${randomUUID().slice(0, 8)}`;
}

async function rowsInTable(frameworkId: string): Promise<number> {
  // Every version of the framework: partitions "{id}@{version}" sort between "{id}@" and "{id}A".
  const pages = storage.table(TABLE_NAMES.frameworkItems).listEntities({
    queryOptions: { filter: odata`PartitionKey ge ${`${frameworkId}@`} and PartitionKey lt ${`${frameworkId}A`}`, select: ['RowKey'] },
  });
  const rows: unknown[] = [];
  for await (const row of pages) rows.push(row);
  return rows.length;
}

describe('importing a framework into Table storage', () => {
  it('stores every item and reads back the same document (with the format\'s defaults filled in)', async () => {
    const id = newId();
    const text = kitakyushuText(id);
    const outcome = await importFramework(text, repositories.frameworks);
    expect(outcome.status).toBe('imported');
    const stored = await repositories.frameworks.loadActive(id);
    expect(stored?.document).toEqual(frameworkDocumentSchema.parse(JSON.parse(text)));
    // 1 header + 3 tiers + 5 levels + 5 categories + 25 roles + 33 skills + 4 groups + 51 items + the programs
    const programs = (JSON.parse(text) as { programs: unknown[] }).programs.length;
    expect(await rowsInTable(id)).toBe(1 + 3 + 5 + 5 + 25 + 33 + 4 + 51 + programs);
  });

  it('reads a version stored before the format had keywords and rule questions with their defaults', async () => {
    const id = newId();
    const older = JSON.parse(kitakyushuText(id)) as { requiredSkills: { keywords?: string[] }[]; rules: { questions?: unknown } };
    for (const skill of older.requiredSkills) delete skill.keywords;
    delete older.rules.questions;
    await repositories.frameworks.replace(older as unknown as FrameworkDocument, 'v-older');
    const stored = await repositories.frameworks.loadActive(id);
    expect(stored?.document.requiredSkills.every((s) => Array.isArray(s.keywords) && s.keywords.length === 0)).toBe(true);
    expect(stored?.document.rules.questions).toEqual([]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const id = newId();
    const first = await importFramework(kitakyushuText(id), repositories.frameworks);
    const headBefore = await repositories.frameworks.findActiveVersion(id);
    const second = await importFramework(kitakyushuText(id), repositories.frameworks);
    const headAfter = await repositories.frameworks.findActiveVersion(id);
    expect(second).toMatchObject({ status: 'unchanged', version: first.status === 'imported' ? first.version : '' });
    expect(headAfter?.etag).toBe(headBefore?.etag);
  });

  it('changes nothing when the file is invalid, and names item and field', async () => {
    const id = newId();
    await importFramework(kitakyushuText(id), repositories.frameworks);
    const headBefore = await repositories.frameworks.findActiveVersion(id);
    const broken = JSON.parse(kitakyushuText(id)) as { requiredSkills: { category: string }[] };
    broken.requiredSkills[4]!.category = 'nowhere';
    const outcome = await importFramework(JSON.stringify(broken), repositories.frameworks);
    expect(outcome.status).toBe('invalid');
    expect(outcome.status === 'invalid' && outcome.issues[0]).toMatchObject({ item: 'rs05', field: 'category' });
    expect(await repositories.frameworks.findActiveVersion(id)).toEqual(headBefore);
  });

  it('validates without writing in a dry run', async () => {
    const id = newId();
    const outcome = await importFramework(kitakyushuText(id), repositories.frameworks, { dryRun: true });
    expect(outcome.status).toBe('valid');
    expect(await repositories.frameworks.findActiveVersion(id)).toBeUndefined();
    expect(await rowsInTable(id)).toBe(0);
  });

  it('replaces a version whole, removes the old rows, and reports progress up to the total', async () => {
    const id = newId();
    await importFramework(kitakyushuText(id), repositories.frameworks);
    const changed = JSON.parse(kitakyushuText(id)) as { levels: { title: string }[] };
    changed.levels[0]!.title = '改訂版のレベル1';
    const progress: [number, number][] = [];
    const outcome = await importFramework(JSON.stringify(changed), repositories.frameworks, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(outcome.status).toBe('imported');
    const total = progress[0]![1];
    expect(progress[progress.length - 1]).toEqual([total, total]);
    expect(progress.length).toBeGreaterThan(2);
    expect((await repositories.frameworks.loadActive(id))?.document.levels[0]?.title).toBe('改訂版のレベル1');
    expect(await rowsInTable(id)).toBe(total);
  });

  it('lets a running catalog pick up a new version without a restart', async () => {
    const id = newId();
    await importFramework(kitakyushuText(id), repositories.frameworks);
    const catalog = new FrameworkCatalog(repositories.frameworks, id, 0);
    expect((await catalog.current())?.framework.level(1)?.title).toBe('導入されたDXツールを活用できる職員');
    const changed = JSON.parse(kitakyushuText(id)) as { levels: { title: string }[] };
    changed.levels[0]!.title = '新しいレベル1';
    await importFramework(JSON.stringify(changed), repositories.frameworks);
    expect((await catalog.current())?.framework.level(1)?.title).toBe('新しいレベル1');
  });

  it('keeps the cached framework between checks and reads only the head when nothing changed', async () => {
    const id = newId();
    await importFramework(kitakyushuText(id), repositories.frameworks);
    let now = 0;
    const catalog = new FrameworkCatalog(repositories.frameworks, id, 1000, () => now);
    const first = await catalog.current();
    now = 500;
    expect(await catalog.current()).toBe(first);
    now = 2000;
    expect((await catalog.current())?.framework).toBe(first?.framework);
  });
});
