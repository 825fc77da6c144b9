import { randomUUID } from 'node:crypto';
import { jsonLogger } from '../../src/logger';
import { startBotHarness, type BotHarness, type TestUser } from '../support/botHarness';

// Production mode with app-registration credentials: every activity must carry a Bot Framework JWT.
let harness: BotHarness;
const logged: { level: string; line: Record<string, unknown> }[] = [];

beforeAll(async () => {
  harness = await startBotHarness({
    logger: jsonLogger((level, text) => logged.push({ level, line: JSON.parse(text) as Record<string, unknown> })),
    environment: { NODE_ENV: 'production', BOT_ID: randomUUID(), BOT_PASSWORD: 'not-a-real-secret', BOT_TYPE: 'MultiTenant', BOT_TENANT_ID: 'tenant-1' },
  });
});
afterAll(async () => {
  await harness?.stop();
});

/** Someone no other test knows, so "nothing stored" is about this file's requests only. */
function stranger(): TestUser {
  const aadObjectId = randomUUID();
  return { id: `29:${aadObjectId}`, aadObjectId, name: 'Stranger' };
}

async function postWith(authorization: string | undefined, user: TestUser): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  const body = JSON.stringify(harness.activity({ type: 'message', text: 'メニュー' }, { user }));
  return (await fetch(harness.url, { method: 'POST', headers, body })).status;
}

describe('in production mode', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a token that is not a JWT', 'Bearer not-a-jwt'],
  ])('answers 401 to an activity with %s, and neither replies nor stores anything', async (_case, authorization) => {
    const user = stranger();
    expect(await postWith(authorization, user)).toBe(401);
    expect(harness.connector.activities(`a:${user.id}`)).toEqual([]);
    expect(await harness.bot.repositories.conversations.find('user', user.aadObjectId)).toBeUndefined();
  });

  it('logs a request without a token as one structured warning, with its request id and nothing read from its body', async () => {
    const before = logged.length;
    expect(await postWith(undefined, stranger())).toBe(401);
    const lines = logged.slice(before);
    expect(lines.map(({ level, line }) => [level, line.message, line.status, line.reason, line.type])).toEqual([['warn', 'activity refused', 401, 'no token', undefined]]);
    expect(lines[0]!.line.requestId).toEqual(expect.any(String));
  });
});
