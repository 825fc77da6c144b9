import { randomUUID } from 'node:crypto';
import type { ConversationRecord } from '../../src/storage/conversationRepository';
import { createRepositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const { conversations } = createRepositories(storage);

beforeAll(async () => {
  await storage.ensureTables();
});

function aUser(name?: string): ConversationRecord {
  const id = randomUUID();
  return {
    scope: 'user',
    key: id,
    name,
    tenantId: 'tenant-1',
    locale: 'ja-JP',
    reference: { conversation: { id: `a:${id}` }, serviceUrl: 'https://smba.example/jp/', user: { aadObjectId: id } },
  };
}

describe('ConversationRepository.listUsers', () => {
  it('gives every personal chat, keyed by lower-case Entra id, and no teams', async () => {
    const named = { ...aUser('北九 太郎'), key: randomUUID().toUpperCase() };
    const users = [named, ...Array.from({ length: 200 }, () => aUser())];
    for (let start = 0; start < users.length; start += 50) await Promise.all(users.slice(start, start + 50).map((u) => conversations.save(u)));
    const team: ConversationRecord = { scope: 'team', key: `19:${randomUUID()}@thread.tacv2`, reference: { conversation: { id: 'team' } } };
    await conversations.save(team);

    // Other tests save users too: only this test's are checked one by one.
    const listed = await conversations.listUsers();
    expect(listed.size).toBeGreaterThanOrEqual(users.length);
    for (const user of users) {
      const key = user.key.toLowerCase();
      expect(listed.get(key)).toEqual({ ...user, key });
    }
    expect(listed.has(team.key)).toBe(false);
    expect([...listed.keys()].every((key) => key === key.toLowerCase())).toBe(true);
  });
});
