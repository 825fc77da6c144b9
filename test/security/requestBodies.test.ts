import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { LOOKS_LIKE_A_TOKEN, rawPost, rawRequest, type RawAnswer } from './rawHttp';
import { waitFor } from '../support/waitFor';

// Attacks on POST /api/messages from anyone on the internet, against the production entry as a real process (as Azure
// runs it: NODE_ENV=production, an app id, so every activity needs a token). What must hold: nothing is read before
// the token is checked as far as it can be without the body; a body is only ever identity-encoded JSON of at most
// 256 KB counted as it arrives; nothing is written to disk; and the process's memory does not grow with the attacks.

const KB = 1024;
const MB = 1024 * KB;
/** Each attack is repeated, in each of two series: a cost that grew with it would show in memory many times over. */
const REPEATS = 20;
/** Half of one decompressed bomb (64 MB): a bot that kept one inflated per series, or half a MB per refusal, would pass it. */
const MEMORY_GROWTH_LIMIT_MB = 32;

let bot: BotProcess;
let tmpDir: string;

beforeAll(async () => {
  tmpDir = mkdtempSync(path.join(os.tmpdir(), 'dx-navi-security-'));
  bot = await startBotProcess({
    NODE_ENV: 'production',
    PORT: '0',
    LISTEN_HOST: '127.0.0.1',
    STORAGE_CONNECTION_STRING: process.env.TEST_STORAGE_CONNECTION_STRING,
    FRAMEWORK_ID: `sec-${randomUUID().slice(0, 8)}`,
    BOT_ID: randomUUID(),
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_TYPE: 'MultiTenant',
    BOT_TENANT_ID: randomUUID(),
    // Where a body parser would spill uploads: it must stay empty.
    TMPDIR: tmpDir,
  }, { measuresMemory: true });
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
});

const messages = (): string => `${bot.url}/api/messages`;
const activityJson = (): Buffer => Buffer.from(JSON.stringify({ type: 'message', text: 'メニュー', channelId: 'msteams' }));
/** How big an attack is: full size, or the same request made small, to load the same code before measuring. */
type Size = 'full' | 'small';
const zeros = (size: Size): Buffer => Buffer.alloc(size === 'full' ? 64 * MB : KB);
const multipartBody = (boundary: string, size: Size): Buffer =>
  Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.alloc(size === 'full' ? 2 * MB : KB, 0x61),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
/** The bombs, made once: 64 MB of zeros compressed is about 64 KB on the wire. */
const bombs = { gzip: { full: gzipSync(zeros('full')), small: gzipSync(zeros('small')) }, deflate: { full: deflateSync(zeros('full')), small: deflateSync(zeros('small')) } };

/** An attack: the request, and the status it must get. */
interface Attack {
  readonly name: string;
  readonly status: number;
  send(size?: Size): Promise<RawAnswer>;
}

const TOKEN_SHAPED = { authorization: LOOKS_LIKE_A_TOKEN };
const ATTACKS: readonly Attack[] = [
  {
    name: 'a gzip bomb without a token',
    status: 401,
    send: (size = 'full') => rawPost(messages(), { 'content-type': 'application/json', 'content-encoding': 'gzip' }, { chunks: [bombs.gzip[size]] }),
  },
  {
    name: 'a gzip bomb with a token-shaped header',
    status: 415,
    send: (size = 'full') => rawPost(messages(), { ...TOKEN_SHAPED, 'content-type': 'application/json', 'content-encoding': 'gzip' }, { chunks: [bombs.gzip[size]] }),
  },
  {
    name: 'a deflate bomb with a token-shaped header',
    status: 415,
    send: (size = 'full') => rawPost(messages(), { ...TOKEN_SHAPED, 'content-type': 'application/json', 'content-encoding': 'deflate' }, { chunks: [bombs.deflate[size]] }),
  },
  {
    name: 'a multipart upload with a token-shaped header',
    status: 415,
    send: (size = 'full') => rawPost(messages(), { ...TOKEN_SHAPED, 'content-type': 'multipart/form-data; boundary=x1' }, { chunks: [multipartBody('x1', size)] }),
  },
  {
    name: 'a multipart upload without a token',
    status: 401,
    send: (size = 'full') => rawPost(messages(), { 'content-type': 'multipart/form-data; boundary=x2' }, { chunks: [multipartBody('x2', size)] }),
  },
  {
    name: 'a urlencoded body',
    status: 415,
    send: () => rawPost(messages(), { ...TOKEN_SHAPED, 'content-type': 'application/x-www-form-urlencoded' }, { chunks: [Buffer.from('type=message&text=a')] }),
  },
  {
    name: 'a body that says it is 10 MB',
    status: 413,
    send: () => rawPost(messages(), { ...TOKEN_SHAPED, 'content-type': 'application/json', 'content-length': String(10 * MB) }, { chunks: [Buffer.alloc(64 * KB, 0x20)], unfinished: true }),
  },
  {
    name: 'an endless chunked body',
    status: 413,
    send: () => rawPost(messages(), { ...TOKEN_SHAPED, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, { endless: Buffer.alloc(64 * KB, 0x20) }),
  },
  {
    name: 'an endless body without a token',
    status: 401,
    send: () => rawPost(messages(), { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, { endless: Buffer.alloc(64 * KB, 0x20) }),
  },
];

describe('POST /api/messages, before authentication', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a token that is not a JWT', 'Bearer not-a-jwt'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['a 10 KB bearer', `Bearer ${'a'.repeat(5 * KB)}.${'b'.repeat(5 * KB)}.c`],
  ])('answers 401 to a request with %s, before reading its body', async (_case, authorization) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization) headers.authorization = authorization;
    expect(await rawPost(messages(), headers, { chunks: [activityJson()] })).toEqual({ status: 401 });
  });

  it('answers 431 to headers over 16 KB (Node refuses them before the bot sees the request)', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${'a'.repeat(20 * KB)}.b.c` };
    expect(await rawPost(messages(), headers, { chunks: [activityJson()] })).toEqual({ status: 431 });
  });

  it.each(ATTACKS.map((attack) => [attack.name, attack] as const))('refuses %s', async (_name, attack) => {
    expect(await attack.send()).toEqual({ status: attack.status });
  });

  it('cuts a body that never finishes arriving (408), rather than hold the connection and its buffer', async () => {
    const headers = { authorization: LOOKS_LIKE_A_TOKEN, 'content-type': 'application/json', 'content-length': '1000' };
    expect(await rawPost(messages(), headers, { chunks: [Buffer.from('{"type":')], unfinished: true })).toEqual({ status: 408 });
  }, 60_000);

  it('keeps memory and the temp folder flat however often the attacks come, and still answers', async () => {
    const attackRounds = async (): Promise<void> => {
      for (let round = 0; round < REPEATS; round++) {
        for (const attack of ATTACKS) expect((await attack.send()).status).toBe(attack.status);
      }
    };
    // A first series, after the same requests made small, so that what the code paths load is loaded. What the bot
    // still holds after a second series, all garbage collected, is kept for good: a bot that kept a bomb inflated, or an
    // upload buffered, would hold that much more for each attack of it.
    for (let round = 0; round < 3; round++) for (const attack of ATTACKS) await attack.send('small');
    await attackRounds();
    const before = await bot.heldBytes();
    await attackRounds();
    const grownMb = Math.round((await bot.heldBytes() - before) / MB);

    expect({ grownMb, withinLimit: grownMb < MEMORY_GROWTH_LIMIT_MB }).toEqual({ grownMb, withinLimit: true });
    expect(readdirSync(tmpDir)).toEqual([]);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  }, 60_000);

  it('logs each refusal as one line, without a stack trace', async () => {
    // The lines of the requests before may still be on their way: the log keeps the order requests were handled in, so
    // once a request of its own kind is logged, every line before it is in.
    const notJson = await rawPost(messages(), { ...TOKEN_SHAPED, 'content-type': 'application/json' }, { chunks: [Buffer.from('{"type":')] });
    expect(notJson).toEqual({ status: 400 });
    await waitFor('the lines before to be logged', () => bot.logged.some((line) => line.reason === 'not JSON'));
    const before = bot.logged.length;
    await rawPost(messages(), { 'content-type': 'text/plain' }, { chunks: [Buffer.from('hello')] });
    await waitFor('the refusal to be logged', () => bot.logged.length > before);
    const lines = bot.logged.slice(before);
    expect(lines.map((line) => [line.level, line.message, line.status, line.reason])).toEqual([['warn', 'activity refused', 401, 'no token']]);
    expect(JSON.stringify(lines)).not.toContain('    at ');
  });
});

describe('the other routes', () => {
  it.each(['/healthz', '/api/exports/anything'])('refuse a body sent with GET %s, unread', async (route) => {
    const sized = await rawRequest('GET', `${bot.url}${route}`, { 'content-length': String(10 * MB) }, { chunks: [Buffer.alloc(64 * KB)], unfinished: true });
    expect(sized).toEqual({ status: 413 });
    // Chunked, Node itself refuses it as a bad request and drops the connection, sometimes before the client reads
    // the answer: either way, no handler runs.
    const endless = await rawRequest('GET', `${bot.url}${route}`, {}, { endless: Buffer.alloc(64 * KB, 0x20) });
    expect(endless.status === undefined || [400, 413].includes(endless.status)).toBe(true);
  });

  it('serve no download links in production, whatever the token', async () => {
    expect((await fetch(`${bot.url}/api/exports/${'A'.repeat(43)}`)).status).toBe(404);
  });
});
