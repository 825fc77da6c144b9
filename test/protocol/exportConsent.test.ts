import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity, Attachment } from 'botbuilder';
import { EMPTY_PROGRESS, type Broadcast } from '../../src/domain/broadcast/broadcast';
import type { Delivery } from '../../src/domain/broadcast/delivery';
import { CSV_BOM, csvLine } from '../../src/exporting/csv';
import { UPLOAD_PART_BYTES } from '../../src/exporting/uploadSession';
import { parseCsv } from '../../src/importing/csv';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { newBroadcastId } from '../../src/storage/broadcastRepository';
import { TABLE_NAMES } from '../../src/storage/tables';
import { createTableStorage } from '../../src/storage/tableStorage';
import { cardOf, executeActions, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import type { ConnectorCall } from '../support/fakeConnector';
import { importRosterRows, talkingTo } from '../support/conversation';
import { waitFor } from '../support/waitFor';
import { exportRowsOf } from '../support/exportRows';

// HR's CSV exports as production hands them over (FILE_DELIVERY=teams): once an export is ready the bot posts Teams'
// file consent card into the HR officer's chat; accepting it, Teams hands the bot an upload session in the officer's
// own OneDrive (here a fake upload server on loopback), the bot uploads the file there in parts, shows it, and keeps
// nothing. No download link exists in this mode. The roster is one data set per storage, so this file brings its own
// Azurite and its own people.

const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

const NOT_FOUND = 'このエクスポートは見つかりませんでした';
const HR_ONLY = 'この操作は人事担当者のみ行えます';
const NOT_ON_ROSTER = '職員名簿にお名前が見つかりません';
const UPLOAD_FAILED = 'OneDriveに保存できませんでした';

/** Recipients of the broadcast whose report is exported. */
const RECIPIENTS = 2_000;
/**
 * A long free-text cell per row: with three UTF-8 bytes a character, two thousand rows make a file larger than one
 * upload part, so the upload goes out in several.
 */
const LONG_NAME_CHARS = 1_000;

let azurite: Azurite;
let harness: BotHarness;
let uploads: UploadServer;
let bigReport: Broadcast;

// ---------------------------------------------------------------------------------------------------------------
// The people.

const rosterRows: string[] = [];
function person(employeeNo: string, name: string, roles = ''): TestUser {
  const aadObjectId = randomUUID();
  rosterRows.push([employeeNo, name, `${aadObjectId}@example.city.jp`, aadObjectId, '政策局', '人事係', '主任', '', roles].join(','));
  return { id: `29:${aadObjectId}`, aadObjectId, name };
}

const hr = person('H001', '到津 由美', 'hr');
const otherHr = person('H002', '枝光 誠', 'hr');
const taro = person('E001', '北九 太郎');
const stranger: TestUser = { id: '29:stranger', aadObjectId: randomUUID(), name: '名簿 にない' };

beforeAll(async () => {
  azurite = await startAzurite();
  await createTableStorage({ connectionString: azurite.connectionString }).ensureTables();
  harness = await startBotHarness({ connectionString: azurite.connectionString, environment: { FILE_DELIVERY: 'teams' } });
  await importRosterRows(harness, rosterRows);
  uploads = await startUploadServer();

  const now = new Date();
  bigReport = await harness.bot.repositories.broadcasts.create({
    id: newBroadcastId(now),
    frameworkId: harness.frameworkId,
    state: 'completed',
    notice: { title: '令和8年度 DX人財 募集のお知らせ', body: '本文', apply: [], fiscalYear: 2026 },
    audience: { kind: 'everyone' },
    createdBy: { aadObjectId: hr.aadObjectId, name: hr.name },
    createdAt: now.toISOString(),
    round: 1,
    preparedRound: 1,
    progress: { ...EMPTY_PROGRESS, total: RECIPIENTS, sent: RECIPIENTS },
  });
  const created = await harness.bot.repositories.deliveries.createMissing(
    Array.from({ length: RECIPIENTS }, (_, i) => recipient(bigReport.id, i)),
  );
  expect(created).toBe(RECIPIENTS);
}, 120_000);
afterAll(async () => {
  await harness?.stop();
  await uploads?.stop();
  await azurite?.stop();
});

// ---------------------------------------------------------------------------------------------------------------
// Helpers, so the tests read like the story they tell.

const { click } = talkingTo(() => harness);
const chatOf = (who: TestUser): string => `a:${who.id}`;

/** An export offered in HR's chat: its id, its progress card's message, and the consent card's message and attachment. */
interface Offered {
  readonly exportId: string;
  readonly progressId: string;
  readonly consentId: string;
  readonly consent: Attachment;
}

/** HR clicks a button that starts an export; resolves once the file is offered (the consent card is in her chat). */
async function exportOffered(bot: BotHarness, verb: string, data: Record<string, unknown>): Promise<Offered> {
  const before = bot.connector.calls.length;
  const { status } = await bot.click(verb, data, { user: hr });
  expect(status).toBe(200);
  const sent = (): ConnectorCall[] =>
    bot.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === chatOf(hr) && c.status < 300);
  const progress = await waitFor('the export card to be posted', () => sent().find((c) => textOf(c.body).includes('CSV：')));
  const consent = await waitFor('the file consent card', () => sent().find((c) => attachmentOf(c.body)?.contentType === FILE_CONSENT), { timeoutMs: 55_000 });
  const progressId = idOf(progress);
  // The progress card says where the file is only after the consent card is there to point at.
  await waitFor('the export card to offer the file', () => updatesOf(bot, progressId).find((card) => textOf(card).includes('「許可」を押すと')));
  const exportId = (attachmentOf(consent.body)!.content as { acceptContext: { exportId: string } }).acceptContext.exportId;
  return { exportId, progressId, consentId: idOf(consent), consent: attachmentOf(consent.body)! };
}

/** Someone answers a file consent card as Teams sends it: accepted (with the upload session Teams opened) or declined. */
async function answer(
  bot: BotHarness,
  who: TestUser,
  offered: Pick<Offered, 'exportId' | 'consentId'>,
  action: 'accept' | 'decline',
  uploadInfo?: UploadInfo,
): Promise<Partial<Activity>[]> {
  const before = bot.connector.activities(chatOf(who)).length;
  const value = { type: 'fileUpload', action, context: { exportId: offered.exportId }, ...(uploadInfo ? { uploadInfo } : {}) };
  const { status } = await bot.post(bot.activity({ type: 'invoke', name: 'fileConsent/invoke', value, replyToId: offered.consentId }, { user: who }));
  expect(status).toBe(200);
  return bot.connector.activities(chatOf(who)).slice(before);
}

/** What Teams hands over on acceptance: a new upload session in the user's OneDrive, and the file it will be there. */
function uploadInfoFor(name: string): UploadInfo {
  return {
    uploadUrl: `${uploads.url}/upload/sessions/${randomUUID()}`,
    contentUrl: `https://contoso-my.sharepoint.com/personal/hr/Documents/Applications/DX Navi/${encodeURIComponent(name)}`,
    name,
    uniqueId: randomUUID(),
    fileType: 'csv',
  };
}

interface UploadInfo {
  readonly uploadUrl: string;
  readonly contentUrl: string;
  readonly name: string;
  readonly uniqueId: string;
  readonly fileType: string;
}

function attachmentOf(body: unknown): Attachment | undefined {
  return (body as Partial<Activity> | undefined)?.attachments?.[0];
}

function idOf(call: ConnectorCall): string {
  return (call.response as { id: string }).id;
}

/** The cards a message was updated to, in order. */
function updatesOf(bot: BotHarness, activityId: string): Card[] {
  return bot.connector.calls
    .filter((c) => c.method === 'PUT' && c.activityId === activityId && c.status < 300)
    .map((c) => cardOf(c.body as Partial<Activity>));
}

/** True once the bot asked Teams to delete this message of HR's chat. */
function deleted(bot: BotHarness, activityId: string): boolean {
  return bot.connector.calls.some((c) => c.method === 'DELETE' && c.conversationId === chatOf(hr) && c.activityId === activityId && c.status < 300);
}

/** Rows an export has in this file's storage: its job row and its chunks. */
const storedRowsOf = (exportId: string): Promise<number> => exportRowsOf(azurite.connectionString, exportId);

// ---------------------------------------------------------------------------------------------------------------

describe('an export offered in Teams (one story, in order)', () => {
  let offered: Offered;

  beforeAll(async () => {
    offered = await exportOffered(harness, 'hr.broadcast.export', { broadcastId: bigReport.id });
  });

  it('is a file consent card in the HR officer’s chat, saying what the file is and how big; no link anywhere', async () => {
    const job = await harness.bot.repositories.exportChunks.find(offered.exportId);
    expect(job).toMatchObject({ state: 'ready', kind: 'broadcastReport', rows: RECIPIENTS, requestedBy: hr.aadObjectId });
    expect(job!.bytes).toBeGreaterThan(UPLOAD_PART_BYTES);
    expect(offered.consent).toEqual({
      contentType: FILE_CONSENT,
      name: job!.filename,
      content: {
        description: expect.stringContaining(`配信結果（一人ひとりの送信結果）（${RECIPIENTS}件`) as unknown,
        sizeInBytes: job!.bytes,
        acceptContext: { exportId: offered.exportId },
        declineContext: { exportId: offered.exportId },
      },
    });
    expect(job!.filename).toMatch(/^配信結果_令和8年度 DX人財 募集のお知らせ_\d{4}-\d{2}-\d{2}\.csv$/);

    const card = updatesOf(harness, offered.progressId).at(-1)!;
    expect(textOf(card)).toContain('ファイルができました');
    expect((card.actions ?? []).some((a) => (a as { type?: string }).type === 'Action.OpenUrl')).toBe(false);
    // The download route is not even served, and no link was ever made.
    const route = await fetch(`${harness.bot.publicUrl()}/api/exports/${'A'.repeat(43)}`);
    expect(route.status).toBe(404);
    expect(await route.text()).not.toContain('ダウンロードリンク');
    const links = createTableStorage({ connectionString: azurite.connectionString }).table(TABLE_NAMES.exportLinks).listEntities();
    for await (const link of links) throw new Error(`a download link was stored: ${JSON.stringify(link)}`);
  });

  it('once accepted, is uploaded whole into the session Teams opened, in parts, with nothing but the session URL', async () => {
    const upload = uploadInfoFor(`${offered.consent.name!.replace(/\.csv$/, '')} (1).csv`);
    const replies = await answer(harness, hr, offered, 'accept', upload);

    const parts = uploads.partsOf(upload.uploadUrl);
    const size = (offered.consent.content as { sizeInBytes: number }).sizeInBytes;
    expect(parts.length).toBeGreaterThan(1);
    let start = 0;
    for (const [i, part] of parts.entries()) {
      expect({ i, method: part.method, range: part.contentRange }).toEqual({ i, method: 'PUT', range: `bytes ${start}-${start + part.body.length - 1}/${size}` });
      // Every part but the last is a whole number of OneDrive's 320 KiB units.
      if (i < parts.length - 1) expect(part.body.length % (320 * 1024)).toBe(0);
      expect(part.authorization).toBeUndefined();
      start += part.body.length;
    }
    expect(start).toBe(size);
    expect(parts.map((p) => p.status)).toEqual([...parts.slice(1).map(() => 202), 201]);

    const file = Buffer.concat(parts.map((p) => p.body));
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(file.toString('utf8')).map((r) => r.fields);
    expect(header).toEqual(REPORT_HEADERS);
    expect(rows).toHaveLength(RECIPIENTS);
    // Byte for byte the report: recipients in storage order (their ids ascend with their number).
    const expected = Array.from({ length: RECIPIENTS }, (_, i) => reportRow(recipient(bigReport.id, i)));
    expect(rows).toEqual(expected);
    expect(file.equals(Buffer.from(CSV_BOM + [REPORT_HEADERS, ...expected].map(csvLine).join(''), 'utf8'))).toBe(true);

    // Teams shows the file as saved in her OneDrive, under the name Teams gave it; the question is gone.
    expect(replies).toEqual([
      expect.objectContaining({
        type: 'message',
        attachments: [{ contentType: FILE_INFO, contentUrl: upload.contentUrl, name: upload.name, content: { uniqueId: upload.uniqueId, fileType: 'csv' } }],
      }),
    ]);
    expect(deleted(harness, offered.consentId)).toBe(true);
    const card = updatesOf(harness, offered.progressId).at(-1)!;
    expect(textOf(card)).toContain('OneDriveに保存しました');
    expect(textOf(card)).toContain(`「${upload.name}」`);
    // Nothing of it is kept here.
    expect(await storedRowsOf(offered.exportId)).toBe(0);
  });

  it('cannot be accepted twice: a replayed acceptance uploads nothing more', async () => {
    const upload = uploadInfoFor('again.csv');
    const replies = await answer(harness, hr, offered, 'accept', upload);
    expect(replies.map((r) => textOf(cardOf(r)))).toEqual([expect.stringContaining(NOT_FOUND)]);
    expect(uploads.partsOf(upload.uploadUrl)).toEqual([]);
  });
});

describe('an export declined', () => {
  it('uploads nothing, deletes what was prepared, and its card says so', async () => {
    const offered = await exportOffered(harness, 'hr.export.start', { kind: 'broadcasts' });
    expect(await storedRowsOf(offered.exportId)).toBeGreaterThan(1);
    const partsBefore = uploads.parts.length;

    const replies = await answer(harness, hr, offered, 'decline');

    expect(uploads.parts.length).toBe(partsBefore);
    expect(replies).toEqual([]);
    expect(deleted(harness, offered.consentId)).toBe(true);
    const card = updatesOf(harness, offered.progressId).at(-1)!;
    expect(textOf(card)).toContain('受け取りを取り消しました');
    expect(executeActions(card).find((a) => a.verb === 'hr.export.start')?.data).toEqual({ kind: 'broadcasts' });
    expect(await storedRowsOf(offered.exportId)).toBe(0);
  });
});

describe('an acceptance by anyone but the HR officer who asked', () => {
  it.each([
    ['another HR officer', otherHr, NOT_FOUND],
    ['an employee', taro, HR_ONLY],
    ['someone not on the roster', stranger, NOT_ON_ROSTER],
  ])('from %s uploads nothing, and the file stays offered to its requester', async (_who, who, refusal) => {
    const offered = await exportOffered(harness, 'hr.export.start', { kind: 'broadcasts' });
    const stored = await storedRowsOf(offered.exportId);
    const theirs = uploadInfoFor('横取り.csv');

    const replies = await answer(harness, who, offered, 'accept', theirs);

    expect(replies.map((r) => textOf(cardOf(r)))).toEqual([expect.stringContaining(refusal)]);
    expect(uploads.partsOf(theirs.uploadUrl)).toEqual([]);
    expect(await storedRowsOf(offered.exportId)).toBe(stored);
    expect(deleted(harness, offered.consentId)).toBe(false);
    expect(textOf(updatesOf(harness, offered.progressId).at(-1))).not.toContain('OneDriveに保存しました');

    // Hers is still good.
    const mine = uploadInfoFor('配信一覧.csv');
    await answer(harness, hr, offered, 'accept', mine);
    expect(uploads.partsOf(mine.uploadUrl).map((p) => p.status)).toEqual([201]);
    expect(await storedRowsOf(offered.exportId)).toBe(0);
  });
});

describe('an acceptance that comes too late', () => {
  it('uploads nothing once the file has expired, and says it is gone', async () => {
    const offered = await exportOffered(harness, 'hr.export.start', { kind: 'broadcasts' });
    // As if its fifteen minutes had passed.
    const job = await harness.bot.repositories.exportChunks.find(offered.exportId);
    await harness.bot.repositories.exportChunks.save({ ...job!, expiresAt: new Date(Date.parse(job!.updatedAt) - 1).toISOString() });
    const upload = uploadInfoFor('遅すぎ.csv');

    const replies = await answer(harness, hr, offered, 'accept', upload);

    expect(replies.map((r) => textOf(cardOf(r)))).toEqual([expect.stringContaining(NOT_FOUND)]);
    expect(uploads.partsOf(upload.uploadUrl)).toEqual([]);
    expect(deleted(harness, offered.consentId)).toBe(true);
    expect(textOf(updatesOf(harness, offered.progressId).at(-1))).not.toContain('OneDriveに保存しました');
  });
});

describe('an upload that OneDrive refuses', () => {
  it('tells the HR officer, keeps the file, and offers it again from "refresh"', async () => {
    const offered = await exportOffered(harness, 'hr.export.start', { kind: 'broadcasts' });
    const stored = await storedRowsOf(offered.exportId);
    const refused = uploadInfoFor('配信一覧.csv');
    uploads.fail(refused.uploadUrl);

    const replies = await answer(harness, hr, offered, 'accept', refused);

    expect(uploads.partsOf(refused.uploadUrl).map((p) => p.status)).toEqual([500]);
    expect(replies).toHaveLength(1);
    const notice = cardOf(replies[0]!);
    expect(textOf(notice)).toContain(UPLOAD_FAILED);
    expect(replies[0]!.attachments!.some((a) => a.contentType === FILE_INFO)).toBe(false);
    const refresh = executeActions(notice).find((a) => a.verb === 'hr.export.status');
    expect(refresh?.data).toEqual({ exportId: offered.exportId });
    expect(await storedRowsOf(offered.exportId)).toBe(stored);
    expect(await harness.bot.repositories.exportChunks.find(offered.exportId)).toMatchObject({ state: 'ready' });
    expect(textOf(updatesOf(harness, offered.progressId).at(-1))).not.toContain('OneDriveに保存しました');

    // "Refresh" offers the same file again: a new consent card, which she accepts.
    const before = harness.connector.calls.length;
    const status = await click(hr, 'hr.export.status', refresh!.data as Record<string, unknown>);
    expect(textOf(status)).toContain('「許可」を押すと');
    const again = harness.connector.calls
      .slice(before)
      .find((c) => c.method === 'POST' && c.conversationId === chatOf(hr) && attachmentOf(c.body)?.contentType === FILE_CONSENT);
    expect(attachmentOf(again?.body)?.content).toMatchObject({ acceptContext: { exportId: offered.exportId } });
    const upload = uploadInfoFor('配信一覧.csv');
    await answer(harness, hr, { exportId: offered.exportId, consentId: idOf(again!) }, 'accept', upload);
    expect(uploads.partsOf(upload.uploadUrl).map((p) => p.status)).toEqual([201]);
    expect(textOf(updatesOf(harness, offered.progressId).at(-1))).toContain('OneDriveに保存しました');
    expect(await storedRowsOf(offered.exportId)).toBe(0);
  });
});

describe('an export nobody accepts', () => {
  let swept: BotHarness;

  beforeAll(async () => {
    // The same storage and people, a bot that looks for expired exports often: a test cannot wait a minute.
    swept = await startBotHarness({ connectionString: azurite.connectionString, environment: { FILE_DELIVERY: 'teams' }, exportSweepMs: 200 });
  });
  afterAll(async () => {
    await swept?.stop();
  });

  it('is deleted by the bot on its own once it expires, and can no longer be accepted', async () => {
    const offered = await exportOffered(swept, 'hr.export.start', { kind: 'broadcasts' });
    expect(await storedRowsOf(offered.exportId)).toBeGreaterThan(1);
    const job = await swept.bot.repositories.exportChunks.find(offered.exportId);
    await swept.bot.repositories.exportChunks.save({ ...job!, expiresAt: new Date(Date.parse(job!.updatedAt) - 1).toISOString() });

    await waitFor('the expired export to be deleted', async () => (await storedRowsOf(offered.exportId)) === 0);

    const upload = uploadInfoFor('配信一覧.csv');
    const replies = await answer(swept, hr, offered, 'accept', upload);
    expect(replies.map((r) => textOf(cardOf(r)))).toEqual([expect.stringContaining(NOT_FOUND)]);
    expect(uploads.partsOf(upload.uploadUrl)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The data, and a fake of OneDrive's upload sessions.

const REPORT_HEADERS = ['職員番号', '氏名', '所属', '結果', '理由', '試行回数', '送信日時', '重複の可能性'];

/** The report's row for a delivery reached on the first attempt, as Excel shows it. */
function reportRow(d: Delivery): string[] {
  return [d.employeeNo, d.name, d.department, '送信済み', '', '1', '2026-06-01 09:00:00', ''];
}

/** Recipient `i` of a broadcast, reached on the first attempt. */
function recipient(broadcastId: string, i: number): Delivery {
  const n = String(i).padStart(5, '0');
  return {
    broadcastId,
    aadObjectId: `00000000-0000-4000-8000-${n.padStart(12, '0')}`,
    employeeNo: `R${n}`,
    name: `職員 ${n} ${'あ'.repeat(LONG_NAME_CHARS)}`,
    department: '市民局',
    state: 'sent',
    attempts: 1,
    round: 1,
    sentAt: '2026-06-01T00:00:00.000Z',
    possibleDuplicate: false,
  };
}

/** One request an upload session received, and what it answered. */
interface ReceivedPart {
  readonly session: string;
  readonly method: string;
  readonly contentRange?: string;
  readonly authorization?: string;
  readonly body: Buffer;
  readonly status: number;
}

interface UploadServer {
  /** Base URL, on loopback: plain HTTP is allowed there only. */
  readonly url: string;
  /** Every request, in order. */
  readonly parts: ReceivedPart[];
  /** The requests to one session (its upload URL). */
  partsOf(uploadUrl: string): ReceivedPart[];
  /** Makes a session answer every part with 500. */
  fail(uploadUrl: string): void;
  stop(): Promise<void>;
}

/**
 * OneDrive's upload sessions as far as the bot uses them: PUTs of byte ranges, answered 202 while more is expected and
 * 201 once the last byte is in; a session told to fail answers 500.
 */
async function startUploadServer(): Promise<UploadServer> {
  const parts: ReceivedPart[] = [];
  const failing = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const session = new URL(req.url ?? '/', 'http://upload').pathname;
      const contentRange = req.headers['content-range'];
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(contentRange ?? '');
      const status = failing.has(session) ? 500 : !range ? 400 : Number(range[2]) + 1 === Number(range[3]) ? 201 : 202;
      parts.push({ session, method: req.method ?? '', contentRange, authorization: req.headers.authorization, body: Buffer.concat(chunks), status });
      const body =
        status === 202
          ? { nextExpectedRanges: [`${Number(range![2]) + 1}-`] }
          : status === 201
            ? { id: randomUUID(), name: 'file.csv' }
            : { error: { code: 'generalException' } };
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const sessionOf = (uploadUrl: string): string => new URL(uploadUrl).pathname;
  return {
    url: `http://127.0.0.1:${port}`,
    parts,
    partsOf: (uploadUrl) => parts.filter((p) => p.session === sessionOf(uploadUrl)),
    fail(uploadUrl) {
      failing.add(sessionOf(uploadUrl));
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
