import { randomUUID } from 'node:crypto';
import type { Certification } from '../../src/storage/certificationRepository';
import { createRepositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const { certifications } = createRepositories(storage);

beforeAll(async () => {
  await storage.ensureTables();
});

const newFrameworkId = (): string => `cert-${randomUUID().slice(0, 8)}`;

function certification(frameworkId: string, n: number, tier = 'silver'): Certification {
  return {
    frameworkId,
    aadObjectId: randomUUID(),
    tier,
    fiscalYear: 2023 + (n % 4),
    certifiedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    applicationId: `2026-${tier}-${n}`,
  };
}

async function listAll(frameworkId: string, pageSize?: number): Promise<{ pages: number[]; all: Certification[] }> {
  const pages: number[] = [];
  const all: Certification[] = [];
  for await (const page of certifications.pages(frameworkId, pageSize)) {
    pages.push(page.length);
    all.push(...page);
  }
  return { pages, all };
}

describe('CertificationRepository.pages', () => {
  it('gives nothing for a framework without certifications', async () => {
    expect(await listAll(newFrameworkId())).toEqual({ pages: [], all: [] });
  });

  it('gives every certification of one framework once, page by page, and none of another framework\'s', async () => {
    const frameworkId = newFrameworkId();
    const other = newFrameworkId();
    const made = Array.from({ length: 230 }, (_, i) => certification(frameworkId, i, i % 3 === 0 ? 'gold' : 'silver'));
    for (let start = 0; start < made.length; start += 50) await Promise.all(made.slice(start, start + 50).map((c) => certifications.record(c)));
    await certifications.record(certification(other, 1));

    const { pages, all } = await listAll(frameworkId, 100);
    expect(pages).toEqual([100, 100, 30]);
    const lowerCased = made.map((c) => ({ ...c, aadObjectId: c.aadObjectId.toLowerCase() }));
    const byId = (a: Certification, b: Certification): number => a.aadObjectId.localeCompare(b.aadObjectId);
    expect([...all].sort(byId)).toEqual([...lowerCased].sort(byId));
  });

  it('gives one row per person: a later certification replaces the earlier one', async () => {
    const frameworkId = newFrameworkId();
    const silver = certification(frameworkId, 1);
    await certifications.record(silver);
    await certifications.record({ ...silver, tier: 'gold', fiscalYear: 2026, applicationId: '2026-gold-1' });
    const { all } = await listAll(frameworkId);
    expect(all).toEqual([{ ...silver, aadObjectId: silver.aadObjectId.toLowerCase(), tier: 'gold', fiscalYear: 2026, applicationId: '2026-gold-1' }]);
  });
});

describe('CertificationRepository.removeIfUnchanged', () => {
  it('removes a certification as it was read, and then it is gone from the listing', async () => {
    const frameworkId = newFrameworkId();
    const kept = certification(frameworkId, 1);
    const removed = certification(frameworkId, 2, 'leader');
    await Promise.all([certifications.record(kept), certifications.record(removed)]);
    const read = await certifications.findWithEtag(frameworkId, removed.aadObjectId);
    expect(await certifications.removeIfUnchanged(frameworkId, removed.aadObjectId, read!.etag)).toBe(true);
    expect(await certifications.find(frameworkId, removed.aadObjectId)).toBeUndefined();
    expect((await listAll(frameworkId)).all.map((c) => c.aadObjectId)).toEqual([kept.aadObjectId.toLowerCase()]);
  });

  it('keeps a certification that changed since it was read, and says false for one already gone', async () => {
    const frameworkId = newFrameworkId();
    const held = certification(frameworkId, 1, 'leader');
    await certifications.record(held);
    const stale = await certifications.findWithEtag(frameworkId, held.aadObjectId);
    await certifications.record({ ...held, tier: 'advanced' });
    expect(await certifications.removeIfUnchanged(frameworkId, held.aadObjectId, stale!.etag)).toBe(false);
    expect((await certifications.find(frameworkId, held.aadObjectId))?.tier).toBe('advanced');

    const fresh = await certifications.findWithEtag(frameworkId, held.aadObjectId);
    expect(await certifications.removeIfUnchanged(frameworkId, held.aadObjectId, fresh!.etag)).toBe(true);
    expect(await certifications.removeIfUnchanged(frameworkId, held.aadObjectId, fresh!.etag)).toBe(false);
  });
});
