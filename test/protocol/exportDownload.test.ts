import { randomBytes, randomUUID } from 'node:crypto';
import { EMPTY_PROGRESS, type Broadcast } from '../../src/domain/broadcast/broadcast';
import type { Delivery } from '../../src/domain/broadcast/delivery';
import { parseCsv } from '../../src/importing/csv';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import type { Logger } from '../../src/logger';
import { newBroadcastId } from '../../src/storage/broadcastRepository';
import type { ExportLink } from '../../src/storage/exportLinkRepository';
import { TABLE_NAMES } from '../../src/storage/tables';
import { createTableStorage } from '../../src/storage/tableStorage';
import { startBotHarness, type BotHarness } from '../support/botHarness';

// HR's report of a broadcast, downloaded over HTTP from the link the report card carries, as a browser would.

const MINUTE = 60 * 1000;
const RECIPIENTS = 2_500;
const HEADERS = ['職員番号', '氏名', '所属', '結果', '理由', '試行回数', '送信日時', '重複の可能性'];
const TITLE = '2026年度 DX人財 募集のお知らせ/再送';
const HR_OFFICER = randomUUID();
const BROADCAST_ID = newBroadcastId(new Date());

/** Everything the bot logs, as text, to check what it says about downloads and that tokens stay out of it. */
const logged: string[] = [];
const capture = (message: string, fields?: Record<string, unknown>): void => {
  logged.push(JSON.stringify({ message, ...fields }));
};
const capturingLogger: Logger = { info: capture, warn: capture, error: capture };

let harness: BotHarness;
let broadcast: Broadcast;

beforeAll(async () => {
  harness = await startBotHarness({ importFramework: false, logger: capturingLogger });
  // The bot creates its tables in the background as it starts; do not race it.
  const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
  for (const name of [TABLE_NAMES.broadcasts, TABLE_NAMES.broadcastDeliveries, TABLE_NAMES.exportLinks]) {
    await storage.table(name).createTable();
  }
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
  await harness.stop();
});

describe('GET /api/exports/:token', () => {
  it('streams the report as a UTF-8 CSV attachment with a Japanese file name that Excel opens', async () => {
    const link = await aLink({ subjectId: broadcast.id });
    const days = [jstDay(new Date())];
    const response = await fetch(`${harness.bot.publicUrl()}/api/exports/${link.token}`);
    days.push(jstDay(new Date()));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Sent as it is read, page by page, rather than built in memory first.
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="broadcast-report\.csv"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+^`|-]+$/);
    const savedAs = decodeURIComponent(disposition.split("UTF-8''")[1]!);
    expect(days.map((day) => `配信結果_2026年度 DX人財 募集のお知らせ_再送_${day}.csv`)).toContain(savedAs);

    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8')).map((r) => r.fields);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(1 + RECIPIENTS);
    const byEmployeeNo = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(byEmployeeNo.size).toBe(RECIPIENTS);
    for (const { delivery, row } of KNOWN_ROWS) expect(byEmployeeNo.get(delivery.employeeNo)).toEqual(row);
  });

  it('says who downloaded which report, and never logs the token', async () => {
    const link = await aLink({ subjectId: broadcast.id });
    const response = await fetch(`${harness.bot.publicUrl()}/api/exports/${link.token}`);
    await response.arrayBuffer();

    expect(logged.some((line) => line.includes(HR_OFFICER) && line.includes(broadcast.id))).toBe(true);
    expect(logged.filter((line) => line.includes(link.token))).toEqual([]);
  });

  it.each([
    ['an expired link', async () => (await aLink({ subjectId: broadcast.id, expiresAt: new Date(Date.now() - MINUTE) })).token],
    ['an unknown token', () => Promise.resolve(randomBytes(32).toString('base64url'))],
    ['a malformed token', () => Promise.resolve('not-a-token')],
    ['a link to a broadcast that does not exist', async () => (await aLink({ subjectId: newBroadcastId(new Date()) })).token],
  ])('answers %s with 404 and a short message in Japanese and English', async (_case, tokenOf) => {
    const response = await fetch(`${harness.bot.publicUrl()}/api/exports/${await tokenOf()}`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBeNull();
    const text = await response.text();
    expect(text).toContain('有効期限 (15 分)');
    expect(text).toContain('Ask the bot again for a new link');
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
    const text = await response.text();
    expect(text).toContain('ファイルを用意できませんでした');
    expect(text).not.toMatch(/ECONNREFUSED|Error|127\.0\.0\.1/);
    expect(errors).toContain('download could not be prepared');
    expect((await fetch(`${isolated.bot.publicUrl()}/healthz`)).status).toBe(200);
  });
});

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
    progress: EMPTY_PROGRESS,
  };
}

async function aLink(options: { subjectId: string; expiresAt?: Date }): Promise<ExportLink> {
  return harness.bot.repositories.exportLinks.create({
    kind: 'broadcastReport',
    frameworkId: harness.frameworkId,
    subjectId: options.subjectId,
    requestedBy: HR_OFFICER,
    expiresAt: (options.expiresAt ?? new Date(Date.now() + 15 * MINUTE)).toISOString(),
  });
}

/** The day in Japan time, as the file name writes it. */
function jstDay(at: Date): string {
  return new Date(at.getTime() + 9 * 60 * MINUTE).toISOString().slice(0, 10);
}
