import { randomBytes, randomUUID } from 'node:crypto';
import { EMPTY_PROGRESS, type Broadcast } from '../../src/domain/broadcast/broadcast';
import type { Delivery } from '../../src/domain/broadcast/delivery';
import { ExportPreparer } from '../../src/exporting/exportPreparer';
import type { PreparedExport } from '../../src/exporting/preparedExport';
import { broadcastReportCsv } from '../../src/features/exports/broadcastReportCsv';
import { LinkHandover } from '../../src/features/exports/handover';
import { parseCsv } from '../../src/importing/csv';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { silentLogger, type Logger } from '../../src/logger';
import { newBroadcastId } from '../../src/storage/broadcastRepository';
import { TABLE_NAMES } from '../../src/storage/tables';
import { createTableStorage } from '../../src/storage/tableStorage';
import { startBotHarness, type BotHarness } from '../support/botHarness';
import { waitFor } from '../support/waitFor';
import { exportRowsOf } from '../support/exportRows';

// The one-time download links of local runs (FILE_DELIVERY=link; production hands files over through Teams and serves
// no link at all) against what a forwarded or leaked link meets: a second fetch, a link made out to someone else, an
// expired link, a guessed or malformed token, an export not ready yet. What must hold: the file goes out once, whole,
// to the link of its requester only, and is deleted as soon as it has; everything else gets a short 404.
// HR's report of a broadcast, prepared as an export and downloaded over HTTP from a one-time link, as a browser would. The export is prepared and the link made by the bot's own classes, straight on its
// storage: the HR click that leads here is exports.test.ts's story.

const MINUTE = 60 * 1000;
const RECIPIENTS = 2_500;
const HEADERS = ['職員番号', '氏名', '所属', '結果', '理由', '試行回数', '送信日時', '重複の可能性'];
const TITLE = '2026年度 DX人財 募集のお知らせ/再送';
const HR_OFFICER = randomUUID();
const OTHER_HR_OFFICER = randomUUID();
const BROADCAST_ID = newBroadcastId(new Date());
const LINK_NOT_VALID = 'このダウンロードリンクは使えません';

/** Everything the bot logs, as text, to check what it says about downloads and that tokens stay out of it. */
const logged: string[] = [];
const capture = (message: string, fields?: Record<string, unknown>): void => {
  logged.push(JSON.stringify({ message, ...fields }));
};
const capturingLogger: Logger = { info: capture, warn: capture, error: capture };

let harness: BotHarness;
let broadcast: Broadcast;
/** Not the bot's own preparer: its log lines must not be mistaken for the download's. */
let preparer: ExportPreparer;

beforeAll(async () => {
  harness = await startBotHarness({ importFramework: false, logger: capturingLogger });
  // The bot creates its tables in the background as it starts; do not race it.
  const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
  for (const name of [TABLE_NAMES.broadcasts, TABLE_NAMES.broadcastDeliveries, TABLE_NAMES.exportLinks, TABLE_NAMES.exportChunks]) {
    await storage.table(name).createTable();
  }
  preparer = new ExportPreparer({ exports: harness.bot.repositories.exportChunks, logger: silentLogger, now: () => new Date() });
  broadcast = await harness.bot.repositories.broadcasts.create(aBroadcast(harness.frameworkId));
  const created = await harness.bot.repositories.deliveries.createMissing([
    ...KNOWN_ROWS.map((row) => row.delivery),
    ...Array.from({ length: RECIPIENTS - KNOWN_ROWS.length }, (_, i) =>
      aDelivery({ employeeNo: `E${String(i).padStart(5, '0')}`, sentAt: '2026-06-01T00:01:00.000Z' }),
    ),
  ]);
  expect(created).toBe(RECIPIENTS);
});
afterAll(async () => {
  await preparer?.stop();
  await harness?.stop();
});

describe('GET /api/exports/:token', () => {
  it('streams the report as a UTF-8 CSV attachment with a Japanese file name that Excel opens', async () => {
    const days = [jstDay(new Date())];
    const job = await aReadyReport();
    days.push(jstDay(new Date()));
    const response = await fetch(await linkTo(job));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Sent as it is read, chunk by chunk from storage, rather than built in memory first.
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="broadcast-report\.csv"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+^`|-]+$/);
    const savedAs = decodeURIComponent(disposition.split("UTF-8''")[1]!);
    expect(days.map((day) => `配信結果_2026年度 DX人財 募集のお知らせ_再送_${day}.csv`)).toContain(savedAs);

    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(job.bytes);
    expect(job.chunks).toBeGreaterThan(1);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8')).map((r) => r.fields);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(1 + RECIPIENTS);
    const byEmployeeNo = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(byEmployeeNo.size).toBe(RECIPIENTS);
    for (const { delivery, row } of KNOWN_ROWS) expect(byEmployeeNo.get(delivery.employeeNo)).toEqual(row);
  });

  it('works once: the link is used up as it is opened, and the file is deleted once it went out whole', async () => {
    const job = await aReadyReport();
    const url = await linkTo(job);
    expect(await storedRowsOf(job.id)).toBe(1 + job.chunks);

    const first = await fetch(url);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    await expectRefused(await fetch(url));

    // The file is deleted after the response has ended, not before.
    await waitFor('the downloaded export to be deleted', async () => (await storedRowsOf(job.id)) === 0);
    expect(await harness.bot.repositories.exportChunks.find(job.id)).toBeUndefined();
  });

  it('says who downloaded which report, and never logs the token', async () => {
    const job = await aReadyReport();
    const url = await linkTo(job);
    const token = url.split('/').at(-1)!;
    const response = await fetch(url);
    await response.arrayBuffer();

    const downloaded = logged.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.message === 'export downloaded');
    expect(downloaded).toContainEqual(expect.objectContaining({ exportId: job.id, kind: 'broadcastReport', rows: RECIPIENTS, requestedBy: HR_OFFICER }));
    expect(logged.filter((line) => line.includes(token))).toEqual([]);
  });

  it.each<[string, () => Promise<{ token: string; kept?: PreparedExport }>]>([
    ['an expired link', async () => {
      const job = await aReadyReport();
      return { token: await aLink(job.id, { expiresAt: new Date(Date.now() - MINUTE) }), kept: job };
    }],
    ["a link whose requester is not the export's", async () => {
      const job = await aReadyReport();
      return { token: await aLink(job.id, { requestedBy: OTHER_HR_OFFICER }), kept: job };
    }],
    ['a link to an export still being prepared', async () => {
      const source = broadcastReportCsv(harness.bot.repositories.deliveries, broadcast, new Date());
      const job = await preparer.create({ frameworkId: harness.frameworkId, requestedBy: HR_OFFICER }, source);
      return { token: await aLink(job.id), kept: job };
    }],
    ['a link to an export that does not exist', async () => ({ token: await aLink(randomUUID()) })],
    ['an unknown token', () => Promise.resolve({ token: randomBytes(32).toString('base64url') })],
    ['a malformed token', () => Promise.resolve({ token: 'not-a-token' })],
  ])('answers %s with 404 and a short message in Japanese and English, deleting no export', async (_case, linkOf) => {
    const { token, kept } = await linkOf();
    await expectRefused(await fetch(`${harness.bot.publicUrl()}/api/exports/${token}`));
    if (kept) expect(await harness.bot.repositories.exportChunks.find(kept.id)).toMatchObject({ id: kept.id, state: kept.state });
  });
});

describe('a download while storage is down', () => {
  let azurite: Azurite;
  let isolated: BotHarness;
  const errors: string[] = [];

  beforeAll(async () => {
    azurite = await startAzurite();
    isolated = await startBotHarness({
      connectionString: azurite.connectionString,
      importFramework: false,
      logger: { info: () => undefined, warn: () => undefined, error: (message) => errors.push(message) },
    });
  });
  afterAll(async () => {
    await isolated?.stop();
    await azurite?.stop();
  });

  it('gets a short apology without internals, and the bot keeps serving', async () => {
    await azurite.stop();
    const response = await fetch(`${isolated.bot.publicUrl()}/api/exports/${randomBytes(32).toString('base64url')}`);

    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBeNull();
    const text = await response.text();
    expect(text).toContain('ファイルを用意できませんでした');
    expect(text).not.toMatch(/ECONNREFUSED|Error|127\.0\.0\.1/);
    expect(errors).toContain('download could not be prepared');
    expect((await fetch(`${isolated.bot.publicUrl()}/healthz`)).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

/** The broadcast's report, prepared whole into storage for `requestedBy`, as HR's click would have it. */
async function aReadyReport(requestedBy = HR_OFFICER): Promise<PreparedExport> {
  const source = broadcastReportCsv(harness.bot.repositories.deliveries, broadcast, new Date());
  const created = await preparer.create({ frameworkId: harness.frameworkId, requestedBy }, source);
  return new Promise((resolve, reject) => {
    preparer.prepare(created, source, (job) => {
      if (job.state === 'ready') resolve(job);
      else if (job.state === 'failed') reject(new Error(`export ${job.id} failed`));
      return Promise.resolve();
    });
  });
}

/** The link the bot's card would carry for a ready export. */
async function linkTo(job: PreparedExport): Promise<string> {
  const handover = new LinkHandover({ links: harness.bot.repositories.exportLinks, publicUrl: harness.bot.publicUrl, now: () => new Date() });
  const offer = await handover.offer(job);
  if (offer.kind !== 'link') throw new Error(`a link was expected, not ${offer.kind}`);
  expect(offer.url.startsWith(`${harness.bot.publicUrl()}/api/exports/`)).toBe(true);
  return offer.url;
}

/** A link stored as given, for the cases no card would carry (expired, someone else's, to nothing). */
async function aLink(exportId: string, options: { expiresAt?: Date; requestedBy?: string } = {}): Promise<string> {
  const link = await harness.bot.repositories.exportLinks.create({
    exportId,
    requestedBy: options.requestedBy ?? HR_OFFICER,
    expiresAt: (options.expiresAt ?? new Date(Date.now() + 5 * MINUTE)).toISOString(),
  });
  return link.token;
}

/** The bot's plain-text 404 for a link that gives nothing, whatever the reason: nothing to tell a link-guesser apart. */
async function expectRefused(response: Response): Promise<void> {
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(response.headers.get('content-disposition')).toBeNull();
  const text = await response.text();
  expect(text).toContain(LINK_NOT_VALID);
  expect(text).toContain('a link works once, for a short time');
}

/** Rows an export has in this file's storage: its job row and its chunks. */
const storedRowsOf = (exportId: string): Promise<number> => exportRowsOf(process.env.TEST_STORAGE_CONNECTION_STRING!, exportId);

// ---------------------------------------------------------------------------------------------------------------
// The data: a broadcast, a few recipients whose rows are checked cell by cell, and many others.

/** Deliveries in every kind of outcome, each with the row the report must show for it. */
const KNOWN_ROWS: { delivery: Delivery; row: string[] }[] = [
  {
    delivery: aDelivery({
      employeeNo: 'K0001',
      name: '北九 太郎',
      department: '市民局',
      state: 'sent',
      attempts: 2,
      sentAt: '2026-06-01T00:00:12.000Z',
      possibleDuplicate: true,
    }),
    row: ['K0001', '北九 太郎', '市民局', '送信済み', '', '2', '2026-06-01 09:00:12', 'あり'],
  },
  {
    delivery: aDelivery({
      employeeNo: 'K0002',
      name: '=HYPERLINK("http://example.invalid","門司 花子")',
      department: '建設局, 道路課',
      state: 'failed',
      attempts: 5,
      reason: 'blocked',
    }),
    row: ['K0002', `'=HYPERLINK("http://example.invalid","門司 花子")`, '建設局, 道路課', '失敗', 'ボットがブロックまたは削除されている', '5', '', ''],
  },
  {
    delivery: aDelivery({ employeeNo: 'K0003', name: '若松 次郎', state: 'unreachable', attempts: 0, reason: 'notInstalled' }),
    row: ['K0003', '若松 次郎', '市民局', '届かない (アプリ未インストール)', 'アプリ未インストール', '0', '', ''],
  },
  {
    // A reason left from the last attempt is not shown for a delivery still on its way.
    delivery: aDelivery({ employeeNo: 'K0004', name: '八幡 三郎', state: 'retrying', attempts: 1, reason: 'throttled' }),
    row: ['K0004', '八幡 三郎', '市民局', '未送信', '', '1', '', ''],
  },
  {
    delivery: aDelivery({ employeeNo: 'K0005', name: '戸畑 奈央', state: 'cancelled', attempts: 0 }),
    row: ['K0005', '戸畑 奈央', '市民局', '取り消し', '', '0', '', ''],
  },
];

function aDelivery(overrides: Partial<Delivery> & Pick<Delivery, 'employeeNo'>): Delivery {
  return {
    broadcastId: BROADCAST_ID,
    aadObjectId: randomUUID(),
    name: '小倉 一郎',
    department: '市民局',
    state: 'sent',
    attempts: 1,
    round: 1,
    possibleDuplicate: false,
    ...overrides,
  };
}

function aBroadcast(frameworkId: string): Broadcast {
  const now = new Date();
  return {
    id: BROADCAST_ID,
    frameworkId,
    state: 'completed',
    notice: { title: TITLE, body: '募集を始めます。', apply: [{ track: 'gold', label: 'ゴールドに応募' }], fiscalYear: 2026 },
    audience: { kind: 'everyone' },
    createdBy: { aadObjectId: HR_OFFICER, name: '到津 由美' },
    createdAt: now.toISOString(),
    round: 1,
    preparedRound: 1,
    progress: { ...EMPTY_PROGRESS, total: RECIPIENTS },
  };
}

/** The day in Japan time, as the file name writes it. */
function jstDay(at: Date): string {
  return new Date(at.getTime() + 9 * 60 * MINUTE).toISOString().slice(0, 10);
}
