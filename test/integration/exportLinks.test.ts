import { randomUUID } from 'node:crypto';
import type { ExportLink } from '../../src/storage/exportLinkRepository';
import { createRepositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const { exportLinks } = createRepositories(storage);

beforeAll(async () => {
  await storage.ensureTables();
});

const NOW = new Date('2026-06-01T00:00:00.000Z');
const EXPIRES = '2026-06-01T00:05:00.000Z';

function aLink(expiresAt = EXPIRES): Omit<ExportLink, 'token'> {
  return { exportId: randomUUID(), requestedBy: randomUUID(), expiresAt };
}

describe('ExportLinkRepository', () => {
  it('creates a link under a fresh unguessable token, good for one download', async () => {
    const link = aLink();
    const created = await exportLinks.create(link);
    expect(created).toEqual({ ...link, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown });
    expect((await exportLinks.create(link)).token).not.toBe(created.token);

    expect(await exportLinks.take(created.token, new Date(Date.parse(EXPIRES) - 1))).toEqual(created);
    // Used up: a forwarded link, or a scanner fetching it after the user, gets nothing.
    expect(await exportLinks.take(created.token, NOW)).toBeUndefined();
  });

  it('gives nothing for an expired link, and the expired link is gone', async () => {
    const created = await exportLinks.create(aLink());
    expect(await exportLinks.take(created.token, new Date(EXPIRES))).toBeUndefined();
    expect(await exportLinks.take(created.token, NOW)).toBeUndefined();
  });

  it('hands a link to exactly one of many requests at once', async () => {
    const created = await exportLinks.create(aLink());
    const taken = await Promise.all(Array.from({ length: 8 }, () => exportLinks.take(created.token, NOW)));
    expect(taken.filter((link) => link !== undefined)).toEqual([created]);
  });

  it('finds nothing for an unknown or malformed token', async () => {
    const created = await exportLinks.create(aLink());
    const unknown = `${created.token.slice(0, -1)}${created.token.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [unknown, '', created.token.slice(1), `${created.token}=`, `${created.token.slice(0, 20)}/${created.token.slice(21)}`]) {
      expect(await exportLinks.take(token, NOW)).toBeUndefined();
    }
    expect(await exportLinks.take(created.token, NOW)).toEqual(created);
  });

  it('deletes the links that expired unused, and only those', async () => {
    const expired = await exportLinks.create(aLink('2000-01-01T00:00:00.000Z'));
    const live = await exportLinks.create(aLink('2999-01-01T00:00:00.000Z'));
    expect(await exportLinks.deleteExpired(NOW)).toBeGreaterThanOrEqual(1);
    // Taken with a clock before its expiry: had the row survived, it would be handed out.
    expect(await exportLinks.take(expired.token, new Date('1999-12-31T00:00:00.000Z'))).toBeUndefined();
    expect(await exportLinks.take(live.token, NOW)).toEqual(live);
  });
});
