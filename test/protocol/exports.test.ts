import { randomUUID } from 'node:crypto';
import { forEachLimited } from '../../src/concurrency';
import { act, submitApplication, type Application } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { EMPTY_PROGRESS, type Broadcast } from '../../src/domain/broadcast/broadcast';
import { formatDateTime } from '../../src/i18n/formatDate';
import { parseCsv } from '../../src/importing/csv';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { newBroadcastId } from '../../src/storage/broadcastRepository';
import { TABLE_NAMES } from '../../src/storage/tables';
import { createTableStorage } from '../../src/storage/tableStorage';
import { cardOf, executeActions, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import { importRosterRows, talkingTo } from '../support/conversation';
import { waitFor } from '../support/waitFor';
import { exportRowsOf } from '../support/exportRows';

// HR's CSV exports through the real bot, in local runs (FILE_DELIVERY=link): HR asks for an export, a progress card
// arrives and is updated in place (the fake Bot Connector records every PUT), and its one-time link downloads the whole
// file, after which nothing of it is kept. Anyone else is refused. The roster is one data set per storage, so this file
// brings its own Azurite and its own people. Teams' file consent is exportConsent.test.ts's story.

let azurite: Azurite;
let harness: BotHarness;

const fy = fiscalYearOf(new Date());
/** Enough applications for three pages of storage (1,000 rows each), so the export pages. */
const APPLICATIONS = 2_600;

const HR_ONLY = 'この操作は人事担当者のみ行えます';
const NOT_ON_ROSTER = '職員名簿にお名前が見つかりません';
const NOT_FOUND = 'このエクスポートは見つかりませんでした';

// ---------------------------------------------------------------------------------------------------------------
// The people.

interface Person extends TestUser {
  readonly employeeNo: string;
  readonly email: string;
}

const rosterRows: string[] = [];
function person(employeeNo: string, name: string, department: string, section: string, grade: string, roles = ''): Person {
  const aadObjectId = randomUUID();
  const p: Person = { id: `29:${aadObjectId}`, aadObjectId, name, employeeNo, email: `${aadObjectId}@example.city.jp` };
  rosterRows.push([employeeNo, name, p.email, aadObjectId, department, section, grade, '', roles].join(','));
  return p;
}

const hr = person('H001', '到津 由美', '政策局', '人事係', '主任', 'hr');
const otherHr = person('H002', '枝光 誠', '政策局', '人事係', '主事', 'hr');
const taro = person('E001', '北九 太郎', '市民局', '窓口係', '主事');
/** Assessed themselves: their rows are checked cell by cell. */
const hanako = person('E002', '門司 花子', '建設局', '道路計画係', '係長');
const jiro = person('E003', '八幡 次郎', '保健福祉局', '', '主任');
const stranger: TestUser = { id: '29:stranger', aadObjectId: randomUUID(), name: '名簿 にない' };

// ---------------------------------------------------------------------------------------------------------------
// What is exported.

/** An application of this year, submitted on day `n` of June. */
function anApplication(n: number, overrides: Partial<Application['applicant']> = {}): Application {
  const aadObjectId = randomUUID();
  return submitApplication(
    {
      frameworkId: harness.frameworkId,
      fiscalYear: fy,
      track: n % 2 === 0 ? 'gold' : 'silver',
      applicant: { aadObjectId, name: `応募者 ${n}`, employeeNo: `A${String(n).padStart(5, '0')}`, department: '市民局', grade: '主事', ...overrides },
      approver: { aadObjectId: 'approver-1', name: '小倉 一郎' },
      motivation: '市民サービスをデジタルで良くしたいからです。',
    },
    new Date(Date.UTC(fy, 5, 1 + (n % 28), 0, 0, n % 60)),
  );
}

const REJECT_COMMENT = '動機をもう少し具体的に。\n例：「窓口の待ち時間」など, 数字で';

/** Three applications whose rows are checked: a formula-like name, a comma in a department, a rejection with comment. */
let known: Application[] = [];

function aBroadcast(title: string, state: Broadcast['state'], progress = EMPTY_PROGRESS): Broadcast {
  return {
    id: newBroadcastId(new Date()),
    frameworkId: harness.frameworkId,
    state,
    notice: { title, body: '本文', apply: [], fiscalYear: fy },
    audience: { kind: 'everyone' },
    createdBy: { aadObjectId: hr.aadObjectId, name: hr.name },
    createdAt: new Date().toISOString(),
    round: 1,
    preparedRound: state === 'draft' ? 0 : 1,
    progress,
  };
}

beforeAll(async () => {
  azurite = await startAzurite();
  await createTableStorage({ connectionString: azurite.connectionString }).ensureTables();
  harness = await startBotHarness({ connectionString: azurite.connectionString });
  const { repositories } = harness.bot;
  await importRosterRows(harness, rosterRows);

  const formula = anApplication(1, { name: '=HYPERLINK("http://example.invalid","見る")' });
  const comma = anApplication(2, { department: '建設局, 道路課' });
  const rejectedOutcome = act(anApplication(3), { aadObjectId: 'approver-1', name: '小倉 一郎', isHr: false }, 'reject', new Date(), REJECT_COMMENT);
  if (!rejectedOutcome.ok) throw new Error(rejectedOutcome.refusal);
  known = [formula, comma, rejectedOutcome.application];
  const others = Array.from({ length: APPLICATIONS - known.length }, (_, i) => anApplication(i + 10));
  await forEachLimited([...known, ...others], 16, async (a) => {
    await repositories.applications.create(a);
  });

  const summary = (p: Person | TestUser, overallRoleLevel: number, gapSkillIds: string[]) => ({
    frameworkId: harness.frameworkId,
    aadObjectId: p.aadObjectId,
    assessmentId: `assessment-${p.aadObjectId}`,
    completedAt: '2026-05-31T16:00:00.000Z',
    overallRoleLevel,
    skillLevel: overallRoleLevel - 1,
    target: 4,
    rolePositions: { mission: 4, thinking: 1 },
    gapSkillIds,
  });
  await repositories.assessmentSummaries.record(summary(hanako, 3, ['rs01', 'rs06']));
  await repositories.assessmentSummaries.record(summary(jiro, 2, []));
  await repositories.assessmentSummaries.record(summary(stranger, 1, ['rs02']));

  await repositories.broadcasts.create(aBroadcast('令和8年度 募集のお知らせ, 第1回', 'completed', { ...EMPTY_PROGRESS, total: 300, sent: 290, failed: 4, unreachable: 6 }));
  await repositories.broadcasts.create(aBroadcast('=下書き', 'draft'));

  await repositories.trainingRecords.store(harness.frameworkId, [
    { employeeNo: taro.employeeNo, programId: 'dx-academy', date: `${fy}-05-20`, status: 'attended' },
    { employeeNo: taro.employeeNo, programId: 'dx-academy', date: `${fy - 1}-11-02`, status: 'absent' },
    { employeeNo: hanako.employeeNo, programId: 'dx-talent-project', date: `${fy + 1}-03-31`, status: 'completed' },
    // Someone who has left: the record stays, without a name.
    { employeeNo: 'E999', programId: 'dx-academy', date: `${fy}-04-01`, status: 'completed' },
  ]);
}, 120_000);
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

// ---------------------------------------------------------------------------------------------------------------
// Helpers, so the tests read like the story they tell.

const { say, click } = talkingTo(() => harness);

const conversationOf = (who: TestUser): string => `a:${who.id}`;

/** The OpenUrl of a card, if it has one. */
function downloadUrlOf(card: Card): string | undefined {
  const open = (card.actions ?? []).find((a) => (a as { type?: string }).type === 'Action.OpenUrl') as { url?: string } | undefined;
  return open?.url;
}

/** The card HR's export posted, its id, and every card it was updated to, once it is ready or failed. */
interface ExportCards {
  readonly posted: Card;
  readonly activityId: string;
  readonly updates: Card[];
  readonly last: Card;
}

/** Clicks "create" and follows the export's card until it settles (a link, or a failure). */
async function exportAs(who: TestUser, data: Record<string, unknown>): Promise<{ answer: Card; cards: ExportCards }> {
  const conversationId = conversationOf(who);
  const before = harness.connector.calls.length;
  const answer = await click(who, 'hr.export.start', data);
  const postedCall = await waitFor('the export card to be posted', () =>
    harness.connector.calls
      .slice(before)
      .find((c) => c.method === 'POST' && c.conversationId === conversationId && c.status < 300 && textOf(c.body).includes('CSV：')),
  );
  const activityId = (postedCall.response as { id: string }).id;
  const updatesOf = (): Card[] =>
    harness.connector.calls
      .filter((c) => c.method === 'PUT' && c.activityId === activityId && c.status < 300)
      .map((c) => cardOf(c.body as Parameters<typeof cardOf>[0]));
  const last = await waitFor('the export card to show a link or a failure', () =>
    updatesOf().find((card) => downloadUrlOf(card) !== undefined || textOf(card).includes('作れませんでした')),
  );
  return { answer, cards: { posted: cardOf(postedCall.body as Parameters<typeof cardOf>[0]), activityId, updates: updatesOf(), last } };
}

/** The file behind a link, as Excel reads it: [bytes of the BOM, rows of cells]. */
async function download(url: string): Promise<{ bom: number[]; rows: string[][]; disposition: string }> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    bom: [...bytes.subarray(0, 3)],
    rows: parseCsv(new TextDecoder('utf-8').decode(bytes)).map((r) => r.fields),
    disposition: decodeURIComponent(response.headers.get('content-disposition')!.split("UTF-8''")[1]!),
  };
}

/** The export a progress card is of, from its "refresh" button. */
function exportIdOf(card: Card): string {
  const status = executeActions(card).find((a) => a.verb === 'hr.export.status');
  if (!status) throw new Error(`no hr.export.status button on:\n${textOf(card)}`);
  return (status.data as { exportId: string }).exportId;
}

/** The link behind a download URL as stored, read without using it up. */
async function storedLink(url: string): Promise<{ exportId: string; requestedBy: string; expiresAt: string }> {
  const token = new URL(url).pathname.split('/').at(-1)!;
  const table = createTableStorage({ connectionString: azurite.connectionString }).table(TABLE_NAMES.exportLinks);
  return table.getEntity<{ exportId: string; requestedBy: string; expiresAt: string }>('link', token);
}

/** Rows an export has in this file's storage: its job row and its chunks. */
const storedRowsOf = (exportId: string): Promise<number> => exportRowsOf(azurite.connectionString, exportId);

/** "1,000 / 2,600件" on a progress card, as numbers. */
function rowsShown(card: Card): [number, number] | undefined {
  const m = /([\d,]+) \/ ([\d,]+)件/.exec(textOf(card));
  return m ? [Number(m[1]!.replaceAll(',', '')), Number(m[2]!.replaceAll(',', ''))] : undefined;
}

// ---------------------------------------------------------------------------------------------------------------

describe('HR exports', () => {
  it('opens with a chat word or the verb, offering each export with this fiscal year chosen, and a way back', async () => {
    for (const word of ['エクスポート', 'CSV', 'ＣＳＶ', 'export']) {
      const card = await say(hr, word);
      expect(textOf(card)).toContain('CSVエクスポート');
      const kinds = executeActions(card).filter((a) => a.verb === 'hr.export.start').map((a) => (a.data as { kind: string }).kind);
      expect(kinds).toEqual(['applications', 'assessmentSummaries', 'broadcasts', 'trainingRecords']);
      expect(JSON.stringify(card)).toContain(`"value":"${fy}"`);
      expect(executeActions(card).map((a) => a.verb)).toContain('menu.show');
    }
    expect(executeActions(await click(hr, 'hr.exports', {})).filter((a) => a.verb === 'hr.export.start')).toHaveLength(4);
  });

  it(`prepares this year's ${APPLICATIONS.toLocaleString('en-US')} applications with a card updated in place, and its one-time link downloads the whole file`, async () => {
    const { answer, cards } = await exportAs(hr, { kind: 'applications', exportYear: String(fy) });

    // The clicked card stays, saying the export has started below; the new card is the one that moves.
    expect(textOf(answer)).toContain(`「応募一覧（${fy}年度）」の準備を始めました`);
    expect(textOf(cards.posted)).toContain(`CSV：応募一覧（${fy}年度）`);
    expect(textOf(cards.posted)).toContain('件数を数えています');
    expect(executeActions(cards.posted).map((a) => a.verb)).toEqual(['hr.export.status', 'hr.exports', 'menu.show']);

    // Updated in place (PUT to the same message): first the count, the bar at 0, then rows as they are stored.
    const progress = cards.updates.filter((card) => downloadUrlOf(card) === undefined);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(rowsShown(progress[0]!)).toEqual([0, APPLICATIONS]);
    expect(textOf(progress[0]!)).toContain('□□□□□□□□□□□□□□□□□□□□ 0%');
    const done = cards.updates.map(rowsShown).map((shown) => shown![0]);
    expect([...done].sort((a, b) => a - b)).toEqual(done);

    // Ready: the whole file, behind a link that works once, for 5 minutes: less than the file is kept for anyone.
    expect(cards.last).toEqual(cards.updates.at(-1));
    expect(textOf(cards.last)).toContain('ファイルができました');
    expect(rowsShown(cards.last)).toEqual([APPLICATIONS, APPLICATIONS]);
    expect(textOf(cards.last)).toContain('■■■■■■■■■■■■■■■■■■■■ 100%');
    expect(textOf(cards.last)).toContain('リンクは一度だけ');
    expect(textOf(cards.last)).toContain('（5分間）');
    const url = downloadUrlOf(cards.last)!;
    expect(url.startsWith(`${harness.bot.publicUrl()}/api/exports/`)).toBe(true);
    const exportId = exportIdOf(cards.posted);
    const link = await storedLink(url);
    expect(link).toMatchObject({ exportId, requestedBy: hr.aadObjectId });
    expect(textOf(cards.last)).toContain(`${formatDateTime(link.expiresAt, 'ja')}まで`);
    const job = await harness.bot.repositories.exportChunks.find(exportId);
    expect(job).toMatchObject({ state: 'ready', rows: APPLICATIONS, requestedBy: hr.aadObjectId, cardActivityId: cards.activityId });
    expect(Date.parse(link.expiresAt)).toBeLessThan(Date.parse(job!.expiresAt));

    const file = await download(url);
    expect(file.bom).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.disposition).toMatch(new RegExp(`^応募一覧_${fy}年度_\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(file.rows[0]!.slice(0, 7)).toEqual(['応募ID', '職員番号', '氏名', '所属', '職位', '区分', '状態']);
    expect(file.rows).toHaveLength(1 + APPLICATIONS);
    expect(new Set(file.rows.slice(1).map((row) => row[0])).size).toBe(APPLICATIONS);

    const byId = new Map(file.rows.map((row) => [row[0], row]));
    const [formula, comma, rejected] = known.map((a) => byId.get(a.id)!);
    expect(formula!.slice(1, 7)).toEqual(['A00001', `'=HYPERLINK("http://example.invalid","見る")`, '市民局', '主事', 'シルバー', '上司の承認待ち']);
    expect(comma![3]).toBe('建設局, 道路課');
    expect(rejected!.slice(6, 13)).toEqual([
      '上司が差し戻し',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) as unknown,
      '小倉 一郎',
      '差し戻し',
      '小倉 一郎',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) as unknown,
      REJECT_COMMENT,
    ]);

    // Used up, and nothing of the file is kept once it went out whole: the card's refresh finds nothing either.
    const again = await fetch(url);
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('このダウンロードリンクは使えません');
    await waitFor('the downloaded export to be deleted', async () => (await storedRowsOf(exportId)) === 0);
    const status = await click(hr, 'hr.export.status', { exportId });
    expect(textOf(status)).toContain(NOT_FOUND);
    expect(downloadUrlOf(status)).toBeUndefined();
  });

  it('prepares the assessment summaries of the people on the roster: levels and missing skills by name, never the answers', async () => {
    const { cards } = await exportAs(hr, { kind: 'assessmentSummaries', exportYear: String(fy) });

    // Three assessed themselves; the one not on the roster is not counted, nor listed.
    expect(textOf(cards.last)).toContain('ファイルができました');
    expect(rowsShown(cards.last)).toEqual([2, 2]);
    const file = await download(downloadUrlOf(cards.last)!);
    expect(file.bom).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.rows[0]).toEqual(['職員番号', '氏名', '所属', '係', '職位', '診断日', '役割レベル', 'スキルレベル', '目標レベル', '不足スキル数', '不足スキル']);
    const rows = file.rows.slice(1).sort((a, b) => a[0]!.localeCompare(b[0]!));
    expect(rows).toEqual([
      ['E002', '門司 花子', '建設局', '道路計画係', '係長', '2026-06-01', '3', '2', '4', '2', 'データ理解・活用、情報リテラシー'],
      ['E003', '八幡 次郎', '保健福祉局', '', '主任', '2026-06-01', '2', '1', '4', '0', ''],
    ]);
    expect(file.rows.flat().join('\n')).not.toMatch(/mission|thinking|使命感|名簿にない|業務プロセス理解/);
  });

  it('prepares the broadcasts, one row each, drafts included', async () => {
    const { cards } = await exportAs(hr, { kind: 'broadcasts' });

    const file = await download(downloadUrlOf(cards.last)!);
    expect(file.rows[0]!.slice(0, 3)).toEqual(['タイトル', '対象', '状態']);
    const byTitle = new Map(file.rows.slice(1).map((row) => [row[0], row]));
    expect(byTitle.size).toBe(2);
    expect(byTitle.get('令和8年度 募集のお知らせ, 第1回')!.slice(1, 3)).toEqual(['全職員', '送信完了']);
    expect(byTitle.get('令和8年度 募集のお知らせ, 第1回')!.slice(8)).toEqual(['300', '290', '4', '6', '0', '0']);
    expect(byTitle.get(`'=下書き`)![2]).toBe('下書き');
  });

  it('prepares the training records, one session a row, with who attended from the roster and the fiscal year of the session', async () => {
    const { answer, cards } = await exportAs(hr, { kind: 'trainingRecords' });

    expect(textOf(answer)).toContain('「研修の受講記録」の準備を始めました');
    expect(rowsShown(cards.last)).toEqual([4, 4]);
    const file = await download(downloadUrlOf(cards.last)!);
    expect(file.bom).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.disposition).toMatch(/^受講記録_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.rows[0]).toEqual(['職員番号', '氏名', '所属', '研修ID', '研修名', '受講日', '状態', '年度']);
    const rows = file.rows.slice(1).sort((a, b) => a[0]!.localeCompare(b[0]!) || a[5]!.localeCompare(b[5]!));
    expect(rows).toEqual([
      ['E001', '北九 太郎', '市民局', 'dx-academy', 'DXアカデミー', `${fy - 1}-11-02`, '欠席', String(fy - 1)],
      ['E001', '北九 太郎', '市民局', 'dx-academy', 'DXアカデミー', `${fy}-05-20`, '受講済み', String(fy)],
      ['E002', '門司 花子', '建設局', 'dx-talent-project', 'DX人材育成プロジェクト（R5.10～）', `${fy + 1}-03-31`, '修了', String(fy)],
      ['E999', '', '', 'dx-academy', 'DXアカデミー', `${fy}-04-01`, '修了', String(fy)],
    ]);
  });

  it('shows a clear failure, and no link, when storage fails half way; "create again" is offered', async () => {
    // Last year's applications: a good page, then a row that cannot be read (as if storage returned garbage).
    const lastYear = fy - 1;
    const table = createTableStorage({ connectionString: azurite.connectionString }).table(TABLE_NAMES.applications);
    await forEachLimited(
      Array.from({ length: 1_050 }, (_, i) => i),
      16,
      async (i) => {
        await harness.bot.repositories.applications.create({ ...anApplication(i), fiscalYear: lastYear, id: `${lastYear}-gold-${randomUUID()}` });
      },
    );
    await table.createEntity({ partitionKey: `${harness.frameworkId}:${lastYear}`, rowKey: `${lastYear}-zzz-unreadable`, data: '{not json' });

    const { cards } = await exportAs(hr, { kind: 'applications', exportYear: String(lastYear) });

    expect(textOf(cards.last)).toContain('ファイルを作れませんでした');
    expect(textOf(cards.last)).toContain('一部だけのファイルは出しません');
    expect(downloadUrlOf(cards.last)).toBeUndefined();
    expect(cards.updates.some((card) => downloadUrlOf(card) !== undefined)).toBe(false);
    const again = executeActions(cards.last).find((a) => a.verb === 'hr.export.start');
    expect(again?.data).toEqual({ kind: 'applications', exportYear: lastYear });
    // Asking for the export's state again tells the same.
    const status = executeActions(cards.posted).find((a) => a.verb === 'hr.export.status')!;
    expect(textOf(await click(hr, 'hr.export.status', status.data as Record<string, unknown>))).toContain('ファイルを作れませんでした');
    // What was written before the failure is deleted: only the job row stays, to say so, until it expires.
    expect(await storedRowsOf(exportIdOf(cards.posted))).toBe(1);
  });

  it("shows an export's state to the HR officer who asked for it, and to no other", async () => {
    const { cards } = await exportAs(hr, { kind: 'broadcasts' });
    const { data } = executeActions(cards.posted).find((a) => a.verb === 'hr.export.status')!;

    const mine = await click(hr, 'hr.export.status', data as Record<string, unknown>);
    expect(textOf(mine)).toContain('ファイルができました');
    expect(downloadUrlOf(mine)).toMatch(/\/api\/exports\/[A-Za-z0-9_-]{43}$/);
    expect(await storedLink(downloadUrlOf(mine)!)).toMatchObject({ exportId: exportIdOf(cards.posted), requestedBy: hr.aadObjectId });
    const theirs = await click(otherHr, 'hr.export.status', data as Record<string, unknown>);
    expect(textOf(theirs)).toContain('このエクスポートは見つかりませんでした');
    expect(downloadUrlOf(theirs)).toBeUndefined();
  });
});

describe('anyone who is not HR', () => {
  const jobsRequestedBy = async (who: TestUser): Promise<number> => {
    const table = createTableStorage({ connectionString: azurite.connectionString }).table(TABLE_NAMES.exportChunks);
    let count = 0;
    const filter = `RowKey eq 'job' and requestedBy eq '${who.aadObjectId.toLowerCase()}'`;
    for await (const page of table.listEntities({ queryOptions: { filter } }).byPage()) count += page.length;
    return count;
  };

  it.each([
    ['an employee', taro, HR_ONLY],
    // The roster comes first: nothing personal is done for someone it does not know.
    ['someone not on the roster', stranger, NOT_ON_ROSTER],
  ])('%s is refused for every chat word and every verb, and no export starts', async (_who, who, refusal) => {
    const { cards } = await exportAs(hr, { kind: 'broadcasts' });
    const { data: statusOfHrs } = executeActions(cards.posted).find((a) => a.verb === 'hr.export.status')!;
    const before = harness.connector.activities(conversationOf(who)).length;

    for (const word of ['エクスポート', 'CSV', 'export', 'exports']) {
      const card = await say(who, word);
      expect({ word, text: textOf(card) }).toEqual({ word, text: expect.stringContaining(refusal) as unknown });
    }
    const clicks: [string, Record<string, unknown>][] = [
      ['hr.exports', {}],
      ['hr.export.start', { kind: 'applications', exportYear: String(fy) }],
      ['hr.export.start', { kind: 'assessmentSummaries' }],
      ['hr.export.start', { kind: 'broadcasts' }],
      ['hr.export.status', statusOfHrs as Record<string, unknown>],
    ];
    for (const [verb, data] of clicks) {
      const card = await click(who, verb, data);
      expect({ verb, text: textOf(card) }).toEqual({ verb, text: expect.stringContaining(refusal) as unknown });
      expect(downloadUrlOf(card)).toBeUndefined();
    }

    // Only the four refusals to the chat words were sent to them: no progress card, no export.
    expect(harness.connector.activities(conversationOf(who)).length - before).toBe(4);
    expect(await jobsRequestedBy(who)).toBe(0);
  });
});
