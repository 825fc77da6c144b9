import { randomUUID } from 'node:crypto';
import { newBroadcastId } from '../../src/storage/broadcastRepository';
import type { ExportLink } from '../../src/storage/exportLinkRepository';
import { createRepositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const { exportLinks } = createRepositories(storage);

beforeAll(async () => {
  await storage.ensureTables();
});

const EXPIRES = '2026-06-01T00:10:00.000Z';

function aReportLink(): Omit<ExportLink, 'token'> {
  return {
    kind: 'broadcastReport',
    frameworkId: 'kitakyushu-dx',
    subjectId: newBroadcastId(new Date('2026-06-01T00:00:00.000Z')),
    requestedBy: randomUUID(),
    expiresAt: EXPIRES,
  };
}

describe('ExportLinkRepository', () => {
  it('creates a link under a fresh unguessable token and finds it until it expires', async () => {
    const link = aReportLink();
    const created = await exportLinks.create(link);
    expect(created).toEqual({ ...link, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown });
    expect((await exportLinks.create(link)).token).not.toBe(created.token);

    expect(await exportLinks.find(created.token, new Date('2026-06-01T00:00:00.000Z'))).toEqual(created);
    expect(await exportLinks.find(created.token, new Date(Date.parse(EXPIRES) - 1))).toEqual(created);
    expect(await exportLinks.find(created.token, new Date(EXPIRES))).toBeUndefined();
    expect(await exportLinks.find(created.token, new Date('2026-06-02T00:00:00.000Z'))).toBeUndefined();
  });

  it('finds nothing for an unknown or malformed token', async () => {
    const created = await exportLinks.create(aReportLink());
    const now = new Date('2026-06-01T00:00:00.000Z');
    const unknown = `${created.token.slice(0, -1)}${created.token.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [unknown, '', created.token.slice(1), `${created.token}=`, `${created.token.slice(0, 20)}/${created.token.slice(21)}`]) {
      expect(await exportLinks.find(token, now)).toBeUndefined();
    }
  });
});
