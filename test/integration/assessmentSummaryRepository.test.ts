import { randomUUID } from 'node:crypto';
import { forEachLimited } from '../../src/concurrency';
import type { AssessmentSummary } from '../../src/storage/assessmentSummaryRepository';
import { createRepositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const { assessmentSummaries } = createRepositories(storage);

beforeAll(async () => {
  await storage.ensureTables();
});

/** A framework of its own per test, so the partitions they list are theirs alone. */
function aFramework(): string {
  return `summaries-${randomUUID().slice(0, 8)}`;
}

function aSummary(frameworkId: string, aadObjectId: string, completedAt: string, overrides: Partial<AssessmentSummary> = {}): AssessmentSummary {
  return {
    frameworkId,
    aadObjectId,
    assessmentId: `a-${completedAt}`,
    completedAt,
    overallRoleLevel: 2,
    skillLevel: 1,
    target: 3,
    rolePositions: { mission: 2, thinking: 3 },
    gapSkillIds: ['rs07', 'rs08'],
    ...overrides,
  };
}

describe('AssessmentSummaryRepository', () => {
  it('stores a summary and finds it by framework and Entra id, in either case', async () => {
    const frameworkId = aFramework();
    const id = randomUUID();
    const summary = aSummary(frameworkId, id, '2026-06-01T00:00:00.000Z');
    await assessmentSummaries.record(summary);

    expect(await assessmentSummaries.find(frameworkId, id)).toEqual(summary);
    expect(await assessmentSummaries.find(frameworkId, id.toUpperCase())).toEqual(summary);
    expect(await assessmentSummaries.find(aFramework(), id)).toBeUndefined();
  });

  it('keeps the newer of two summaries: a newer one replaces, an older one (a late retry) changes nothing', async () => {
    const frameworkId = aFramework();
    const id = randomUUID();
    const june = aSummary(frameworkId, id, '2026-06-01T00:00:00.000Z', { overallRoleLevel: 2 });
    const july = aSummary(frameworkId, id, '2026-07-01T00:00:00.000Z', { overallRoleLevel: 3, gapSkillIds: [] });

    await assessmentSummaries.record(june);
    await assessmentSummaries.record(july);
    expect(await assessmentSummaries.find(frameworkId, id)).toEqual(july);

    await assessmentSummaries.record(june);
    expect(await assessmentSummaries.find(frameworkId, id)).toEqual(july);
    // The same summary again is no change either.
    await assessmentSummaries.record(july);
    expect(await assessmentSummaries.find(frameworkId, id)).toEqual(july);
  });

  it('keeps the newest of several written at once for one person, whatever order they land in', async () => {
    const frameworkId = aFramework();
    const id = randomUUID();
    const days = ['2026-06-03', '2026-06-01', '2026-06-05', '2026-06-02', '2026-06-04'];
    const summaries = days.map((day, i) => aSummary(frameworkId, id, `${day}T00:00:00.000Z`, { overallRoleLevel: i + 1 }));

    await Promise.all(summaries.map((s) => assessmentSummaries.record(s)));

    expect(await assessmentSummaries.find(frameworkId, id)).toEqual(summaries[2]);
  });

  it('lists a framework page by page, each employee once, over 1,000 of them, and counts them', async () => {
    const frameworkId = aFramework();
    const ids = Array.from({ length: 1_050 }, () => randomUUID());
    await forEachLimited(ids, 16, (id) => assessmentSummaries.record(aSummary(frameworkId, id, '2026-06-01T00:00:00.000Z')));
    // Another framework's summaries are not listed.
    await assessmentSummaries.record(aSummary(aFramework(), ids[0]!, '2026-06-01T00:00:00.000Z'));

    const pageSizes: number[] = [];
    const listed: string[] = [];
    for await (const page of assessmentSummaries.pages(frameworkId)) {
      pageSizes.push(page.length);
      listed.push(...page.map((s) => s.aadObjectId));
      expect(page.every((s) => s.frameworkId === frameworkId && s.gapSkillIds.length === 2)).toBe(true);
    }
    expect(pageSizes.length).toBeGreaterThan(1);
    expect(Math.max(...pageSizes)).toBeLessThanOrEqual(1_000);
    expect(listed.sort()).toEqual([...ids].sort());
    expect(await assessmentSummaries.count(frameworkId)).toBe(1_050);

    let smallPages = 0;
    for await (const page of assessmentSummaries.pages(frameworkId, 300)) {
      expect(page.length).toBeLessThanOrEqual(300);
      smallPages += 1;
    }
    expect(smallPages).toBe(4);
  });
});
