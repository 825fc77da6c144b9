import { randomUUID } from 'node:crypto';
import { applicantOf, submitApplication, act, type Application } from '../../src/domain/applications/application';
import { fiscalYearOf, jstDateAndTime } from '../../src/domain/applications/fiscalYear';
import { EMPTY_PROGRESS, type Broadcast, type Progress } from '../../src/domain/broadcast/broadcast';
import type { Delivery } from '../../src/domain/broadcast/delivery';
import { choiceValue } from '../../src/features/broadcast/audienceInput';
import { SENDER_LEASE_NAME } from '../../src/broadcast/sender';
import { parseCsv } from '../../src/importing/csv';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { silentLogger } from '../../src/logger';
import { newBroadcastId } from '../../src/storage/broadcastRepository';
import { createRepositories } from '../../src/storage/repositories';
import { TABLE_NAMES } from '../../src/storage/tables';
import { createTableStorage } from '../../src/storage/tableStorage';
import { cardOf, executeActions, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import { clickInChannel, importRosterRows, meet, openWindows, talkingTo } from '../support/conversation';
import { elementsOf, linesOf } from '../support/journey';
import { waitFor } from '../support/waitFor';

// HR's broadcasts in Teams: write the recruitment notice, preview it, choose the recipients, review, confirm, follow
// it, stop it, send again to those not reached, download the results. The roster is one data set per storage, so this
// file brings its own Azurite and its own people. The sender is not part of this file (broadcastSending.test.ts is
// about it): "another instance" holds its lease throughout, so the bot's own sender never acts, and every broadcast
// stays in the state HR's actions (or a test, directly) put it in.

let azurite: Azurite;
let harness: BotHarness;

const DAY = 24 * 60 * 60 * 1000;
const fy = fiscalYearOf(new Date());
const reiwa = fy - 2018;

// ---------------------------------------------------------------------------------------------------------------
// What the bot says (the Japanese catalog).

const HR_ONLY = 'この操作は人事担当者のみ行えます';
const NOT_FOUND = 'このお知らせは見つかりませんでした';
const EXPORT_NOT_FOUND = 'このエクスポートは見つかりませんでした';
const INVALID_ACTION = 'ボタンの情報が正しくないか、古くなっています';
/** Only Gold's window is open (see beforeAll): the notice HR starts from announces Gold alone. */
const TITLE = `令和${reiwa}年度 DX人材（ゴールド）募集のお知らせ`;
const REFUSED_BUTTONS = '押しても受け付けられない応募ボタンがあります';
const SILVER_CLOSED = '・シルバー：募集期間外です（この先の募集期間は設定されていません）。';

// ---------------------------------------------------------------------------------------------------------------
// The people: a department head, an HR officer, employees in three departments, one who never installed the app, and a
// stranger.

interface Person extends TestUser {
  readonly employeeNo: string;
  readonly email: string;
  readonly department: string;
  readonly grade: string;
}

const roster: { person: Person; row: string }[] = [];
function person(name: string, department: string, grade: string, manager?: Person, roles = ''): Person {
  const aadObjectId = randomUUID();
  const employeeNo = `B${roster.length + 1}`;
  const p: Person = { id: `29:${aadObjectId}`, aadObjectId, employeeNo, name, email: `${aadObjectId}@example.city.jp`, department, grade };
  roster.push({ person: p, row: [employeeNo, name, p.email, aadObjectId, department, '', grade, manager?.email ?? '', roles].join(',') });
  return p;
}

const boss = person('小倉 一郎', '市民局', '部長');
const hr = person('到津 由美', '政策局', '主任', boss, 'hr');
const taro = person('北九 太郎', '市民局', '主事', boss);
const hanako = person('門司 花子', '市民局', '主任', boss);
const jiro = person('八幡 次郎', '建設局', '主任', boss);
const kenji = person('戸畑 健二', '建設局', '係長', boss);
/** On the roster, but has never opened the bot: the app is not installed for him. */
const ghost = person('若松 幽', '建設局', '主事', boss);
/** Someone Teams knows but the roster does not. */
const stranger: TestUser = { id: '29:stranger', aadObjectId: randomUUID(), name: '名簿 にない' };
const everyone = roster.map((r) => r.person);

/** Held by "another instance" for longer than this file runs, so this file's bot never sends: its rows stay as HR left them. */
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  azurite = await startAzurite();
  const storage = createTableStorage({ connectionString: azurite.connectionString });
  await storage.ensureTables();
  const held = await createRepositories(storage).leases.acquire(SENDER_LEASE_NAME, { owner: 'another-instance' }, HOUR, Date.now());
  if (!held) throw new Error('the sender lease could not be taken');
  harness = await startBotHarness({ connectionString: azurite.connectionString });
  await importRosterRows(harness, roster.map((r) => r.row));
  // Everyone but the ghost has talked to the bot, so the bot can reach them.
  await meet(harness, everyone.filter((p) => p !== ghost));
  // HR set Gold's window; Silver's and the professional track's are only the rules' plan, so nobody can apply for them.
  await openWindows(harness, ['gold']);
}, 30_000);
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

// ---------------------------------------------------------------------------------------------------------------
// Helpers, so the tests read like the story they tell.

const { say, click, clickBelow, inbox } = talkingTo(() => harness);

/** Writing, previewing and choosing the recipients answer below the card clicked; the other steps replace it. */
const ANSWERED_BELOW: readonly string[] = ['hr.broadcast.compose', 'hr.broadcast.preview', 'hr.broadcast.audience'];

/** The card that answers HR's click, wherever it comes: in place of the card clicked, or as the newest message below it. */
async function answerTo(verb: string, data: Record<string, unknown>): Promise<Card> {
  return ANSWERED_BELOW.includes(verb) ? (await clickBelow(hr, verb, data)).at(-1)! : click(hr, verb, data);
}

/** The data of the one button with this verb on a card. */
function button(card: Card, verb: string): Record<string, unknown> {
  const found = executeActions(card).filter((a) => a.verb === verb);
  expect({ verb, buttons: found.length }).toEqual({ verb, buttons: 1 });
  return found[0]!.data as Record<string, unknown>;
}

function verbsOf(card: Card): string[] {
  return executeActions(card).map((a) => a.verb);
}

/** The value of the input with this id on a card. */
function inputValue(card: Card, id: string): unknown {
  const found = elementsOf(card, (e) => e.id === id);
  return found[found.length - 1]?.value;
}

const broadcasts = (): BotHarness['bot']['repositories']['broadcasts'] => harness.bot.repositories.broadcasts;

async function stored(id: string): Promise<Broadcast> {
  const found = await broadcasts().find(harness.frameworkId, id);
  if (!found) throw new Error(`broadcast ${id} is not stored`);
  return found;
}

/** Every broadcast of the framework with its ETag, to show that a refused action wrote nothing. */
async function everythingStored(): Promise<string> {
  return JSON.stringify(await broadcasts().listRecent(harness.frameworkId, 100));
}

/** The audience card's inputs: everyone, now, unless told otherwise. */
function audienceInputs(broadcastId: string, inputs: Record<string, string> = {}): Record<string, unknown> {
  return { broadcastId, audienceKind: 'everyone', departments: '', grades: '', startDate: '', startTime: '09:00', ...inputs };
}

/** A Japan-time date and time some days from now, as the date and time inputs send them. */
function inDays(days: number): { startDate: string; startTime: string } {
  const { date } = jstDateAndTime(new Date(Date.now() + days * DAY).toISOString());
  return { startDate: date, startTime: '09:00' };
}

/** HR writes the pre-filled notice and previews it; returns the draft's id and the preview card HR got. */
async function draftNotice(): Promise<{ id: string; preview: Card }> {
  const [form] = await clickBelow(hr, 'hr.broadcast.compose', {});
  const { broadcastId } = button(form!, 'hr.broadcast.preview') as { broadcastId: string };
  const inputs = { title: inputValue(form!, 'title'), body: inputValue(form!, 'body'), applyTracks: inputValue(form!, 'applyTracks') };
  const [preview] = await clickBelow(hr, 'hr.broadcast.preview', { broadcastId, ...inputs });
  return { id: broadcastId, preview: preview! };
}

/** The titles of the choices of a choice set on a card. */
function choiceTitles(card: Card, id: string): string[] {
  const [set] = elementsOf(card, (e) => e.id === id);
  return ((set?.choices ?? []) as { title: string }[]).map((c) => c.title);
}

/** A broadcast in the state a test needs, stored directly (as the sender would have left it). */
async function storedBroadcast(state: Broadcast['state'], progress: Partial<Progress> = {}): Promise<Broadcast> {
  const now = new Date();
  const notice = { title: `配信テスト ${randomUUID().slice(0, 8)}`, body: '本文です。', apply: [], fiscalYear: fy };
  const p = { ...EMPTY_PROGRESS, ...progress };
  return broadcasts().create({
    id: newBroadcastId(now),
    frameworkId: harness.frameworkId,
    state,
    notice,
    audience: { kind: 'everyone' },
    card: { type: 'AdaptiveCard', version: '1.5', body: [] },
    createdBy: { aadObjectId: hr.aadObjectId, name: hr.name },
    createdAt: now.toISOString(),
    confirmedAt: now.toISOString(),
    startAt: now.toISOString(),
    startedAt: state === 'draft' || state === 'scheduled' ? undefined : now.toISOString(),
    finishedAt: state === 'completed' || state === 'cancelled' ? now.toISOString() : undefined,
    round: 1,
    preparedRound: state === 'draft' || state === 'scheduled' ? 0 : 1,
    progress: { ...p, total: p.pending + p.sent + p.failed + p.unreachable + p.cancelled },
  });
}

/** A pending delivery of a broadcast to someone on the roster, as the sender prepares it. */
function deliveryTo(broadcast: Broadcast, who: Person): Delivery {
  const { aadObjectId, employeeNo, name, department } = who;
  return { broadcastId: broadcast.id, aadObjectId, employeeNo, name, department, state: 'pending', attempts: 0, round: 1, possibleDuplicate: false };
}

/** The exports of a broadcast's report ever started, whatever became of them. */
async function exportJobsOf(broadcastId: string): Promise<number> {
  const table = createTableStorage({ connectionString: azurite.connectionString }).table(TABLE_NAMES.exportChunks);
  let count = 0;
  for await (const page of table.listEntities({ queryOptions: { filter: `RowKey eq 'job' and broadcastId eq '${broadcastId}'` } }).byPage()) {
    count += page.length;
  }
  return count;
}

/** The OpenUrl of a card, if it has one. */
function downloadUrlOf(card: Card): string | undefined {
  const open = (card.actions ?? []).find((a) => (a as { type?: string }).type === 'Action.OpenUrl') as { url?: string } | undefined;
  return open?.url;
}

// ---------------------------------------------------------------------------------------------------------------

describe('opening the broadcasts', () => {
  it.each(['お知らせ配信', '一斉配信', '配信', 'broadcast', 'ＢＲＯＡＤＣＡＳＴ'])('opens the list for HR on 「%s」', async (words) => {
    const card = await say(hr, words);
    expect(textOf(card)).toContain('お知らせ配信');
    expect(button(card, 'hr.broadcast.compose')).toEqual({});
  });

  it('lists the latest broadcasts with their state and counts, each with "open"', async () => {
    const completed = await storedBroadcast('completed', { sent: 5, failed: 1 });
    const card = await click(hr, 'hr.broadcasts', {});
    const text = textOf(card);
    expect(text).toContain(completed.notice.title);
    expect(text).toContain('送信完了・送信 5/6人');
    expect(executeActions(card).filter((a) => a.verb === 'hr.broadcast.status').map((a) => a.data)).toContainEqual({ broadcastId: completed.id });
  });
});

describe('compose → preview → recipients → review → confirm (one story, in order)', () => {
  let id: string;
  let preview: Card;
  let reviewed: string;

  it('pre-fills the notice from the window open now: the Reiwa year, its dates in Japan time, how to apply', async () => {
    const [form, ...more] = await clickBelow(hr, 'hr.broadcast.compose', {});
    expect(more).toEqual([]);
    expect(inputValue(form!, 'title')).toBe(TITLE);
    const body = inputValue(form!, 'body') as string;
    const gold = await harness.bot.repositories.applicationWindows.find(harness.frameworkId, fy, 'gold');
    const day = (iso: string): string => new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long' }).format(new Date(iso));
    const lastDay = day(new Date(Date.parse(gold!.closesAt) - 1).toISOString());
    expect(body).toContain(`・ゴールド：${day(gold!.opensAt)}〜${lastDay}`);
    // Silver has no window set, only the rules' plan: it is neither announced nor given a button.
    expect(body).not.toContain('シルバー');
    expect(body).toContain('応募ボタンを押すと、DX Naviの応募フォームが開きます');
    expect(inputValue(form!, 'applyTracks')).toBe('gold');
    // Each Apply button on offer says whether one can apply now.
    expect(choiceTitles(form!, 'applyTracks')).toEqual([`ゴールド（受付中：${lastDay}まで）`, 'シルバー（募集期間外）', 'プロフェッショナルトラック（DX）（募集期間外）']);
    // Nothing is stored until the preview.
    const { broadcastId } = button(form!, 'hr.broadcast.preview') as { broadcastId: string };
    expect(await broadcasts().find(harness.frameworkId, broadcastId)).toBeUndefined();
  });

  it('previews below the form: the recipient card, then the way on, warning of the Apply button that would be refused', async () => {
    const [form] = await clickBelow(hr, 'hr.broadcast.compose', {});
    ({ broadcastId: id } = button(form!, 'hr.broadcast.preview') as { broadcastId: string });
    const body = `${inputValue(form!, 'body') as string}\n\n■ 問い合わせ\nDX・AI戦略室（内線 1234）`;
    const below = await clickBelow(hr, 'hr.broadcast.preview', { broadcastId: id, title: TITLE, body, applyTracks: 'gold,silver' });
    expect(below).toHaveLength(2);
    const [shown, controls] = below as [Card, Card];
    preview = shown;
    expect(textOf(preview)).toContain(TITLE);
    expect(textOf(preview)).toContain('DX・AI戦略室（内線 1234）');
    expect(executeActions(preview).map((a) => [a.verb, a.data])).toEqual([
      ['application.form', { track: 'gold', from: 'notice' }],
      ['application.form', { track: 'silver', from: 'notice' }],
      ['menu.show', {}],
    ]);

    // The way on is the newest message, and says first that Silver's button would be refused.
    expect(textOf(controls)).toContain('プレビューを送りました');
    expect(linesOf(controls)).toContain(REFUSED_BUTTONS);
    expect(linesOf(controls).filter((line) => line.startsWith('・'))).toEqual([SILVER_CLOSED]);
    expect(button(controls, 'hr.broadcast.audience')).toEqual({ broadcastId: id });
    expect(button(controls, 'hr.broadcast.compose')).toEqual({ broadcastId: id });
    expect(verbsOf(controls)).toContain('hr.broadcasts');

    const draft = await stored(id);
    expect(draft).toMatchObject({ state: 'draft', notice: { title: TITLE, body, fiscalYear: fy }, createdBy: { aadObjectId: hr.aadObjectId } });
    expect(draft.etag).toBeTruthy();
  });

  it('lets an employee apply from the notice: the form comes below it, and the notice stays as it was', async () => {
    const apply = executeActions(preview).find((a) => a.verb === 'application.form')!;
    const chat = inbox(taro);
    const { status, body } = await harness.click(apply.verb, apply.data, { user: taro });
    expect({ status, type: body.type, value: body.value }).toEqual({
      status: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: '下にお送りしました。',
    });
    expect(chat.take().map(textOf)).toEqual([expect.stringContaining('ゴールドに応募する')]);
  });

  it('edits the draft again below: the form holds it, and a new preview changes it under its ETag, with nothing to warn of', async () => {
    const [form] = await clickBelow(hr, 'hr.broadcast.compose', { broadcastId: id });
    expect(inputValue(form!, 'title')).toBe(TITLE);
    expect(inputValue(form!, 'applyTracks')).toBe('gold,silver');
    const before = await stored(id);
    const [shown, controls] = await clickBelow(hr, 'hr.broadcast.preview', { broadcastId: id, title: TITLE, body: before.notice.body, applyTracks: 'gold' });
    const after = await stored(id);
    expect(after.notice.apply.map((a) => a.track)).toEqual(['gold']);
    expect(after.etag).not.toBe(before.etag);
    preview = shown!;
    expect(executeActions(preview).filter((a) => a.verb === 'application.form').map((a) => a.data)).toEqual([{ track: 'gold', from: 'notice' }]);
    expect(textOf(controls)).not.toContain(REFUSED_BUTTONS);
  });

  it('offers the roster’s departments and grades as recipients, below', async () => {
    const [card, ...more] = await clickBelow(hr, 'hr.broadcast.audience', { broadcastId: id });
    expect(more).toEqual([]);
    expect(inputValue(card!, 'audienceKind')).toBe('everyone');
    const text = textOf(card);
    for (const name of ['政策局', '市民局', '建設局', '主事', '主任', '係長', '部長']) expect(text).toContain(name);
    expect(text).toContain(`令和${reiwa}年度にまだ応募していない職員`);
  });

  it('reviews: everyone on the roster, the one without the app counted as not reachable, at the time chosen', async () => {
    const when = inDays(3);
    const card = await click(hr, 'hr.broadcast.review', audienceInputs(id, when));
    const text = textOf(card);
    expect(text).toContain(`${everyone.length}人`);
    expect(text).toContain('1人（DX Naviのアプリが入っていない）');
    // What to ask IT for, in HR's words: HR has no README.
    expect(text).toContain('情報システム担当（Teams管理者）に「Teams管理センターのセットアップポリシーで、DX Naviのアプリを全職員にインストールしてほしい」と依頼してください');
    expect(text).not.toContain('README');
    expect(text).toContain(`${when.startDate.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')} 09:00`);
    ({ reviewed } = button(card, 'hr.broadcast.confirm') as { reviewed: string });
    expect(button(card, 'hr.broadcast.audience')).toEqual({ broadcastId: id });
    const draft = await stored(id);
    expect(draft.state).toBe('draft');
    expect(draft.etag).toBe(reviewed);
    expect(draft.startAt).toBe(new Date(`${when.startDate}T09:00:00+09:00`).toISOString());
  });

  it('confirms once: the draft becomes scheduled with the previewed card and the progress card; a second click changes nothing', async () => {
    const chat = inbox(hr);
    const status = await click(hr, 'hr.broadcast.confirm', { broadcastId: id, reviewed });
    expect(textOf(status)).toContain('送信待ち');
    expect(verbsOf(status)).toEqual(expect.arrayContaining(['hr.broadcast.status', 'hr.broadcast.cancel']));
    const scheduled = await stored(id);
    expect(scheduled).toMatchObject({
      state: 'scheduled',
      round: 1,
      preparedRound: 0,
      progress: EMPTY_PROGRESS,
      progressCard: { activityId: 'card-1', locale: 'ja', reference: { conversation: { id: `a:${hr.id}` } } },
    });
    // Every recipient gets exactly what HR previewed.
    expect(scheduled.card).toEqual(preview);
    expect(scheduled.confirmedAt).toBeTruthy();
    // Confirming sends nothing by itself: the sender does.
    expect(chat.take()).toEqual([]);

    const again = await click(hr, 'hr.broadcast.confirm', { broadcastId: id, reviewed });
    expect(textOf(again)).toContain('送信待ち');
    expect(await stored(id)).toEqual(scheduled);
  });

  it('shows the status: when it starts, with refresh and cancel', async () => {
    const card = await click(hr, 'hr.broadcast.status', { broadcastId: id });
    const startAt = (await stored(id)).startAt!;
    expect(textOf(card)).toContain(new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long' }).format(new Date(startAt)));
    expect(button(card, 'hr.broadcast.cancel')).toEqual({ broadcastId: id });
  });

  it('no longer lets the notice or the recipients change', async () => {
    const before = await everythingStored();
    for (const [verb, data] of [
      ['hr.broadcast.compose', { broadcastId: id }],
      ['hr.broadcast.preview', { broadcastId: id, title: 'べつの件名', body: '本文', applyTracks: '' }],
      ['hr.broadcast.audience', { broadcastId: id }],
      ['hr.broadcast.review', audienceInputs(id)],
    ] as const) {
      expect({ verb, text: textOf(await answerTo(verb, data)) }).toEqual({ verb, text: expect.stringContaining('直せません') as unknown });
    }
    expect(await everythingStored()).toBe(before);
  });
});

describe('cancelling', () => {
  it('asks first, then cancels a scheduled broadcast at once; confirming it later changes nothing', async () => {
    const { id } = await draftNotice();
    const review = await click(hr, 'hr.broadcast.review', audienceInputs(id, inDays(2)));
    const confirm = button(review, 'hr.broadcast.confirm');
    await click(hr, 'hr.broadcast.confirm', confirm);

    const question = await click(hr, 'hr.broadcast.cancel', { broadcastId: id });
    expect(textOf(question)).toContain('送信を中止しますか');
    expect(button(question, 'hr.broadcast.cancel')).toEqual({ broadcastId: id, confirmed: true });
    expect((await stored(id)).state).toBe('scheduled');

    const done = await click(hr, 'hr.broadcast.cancel', { broadcastId: id, confirmed: true });
    expect(textOf(done)).toContain('中止');
    expect(verbsOf(done)).not.toContain('hr.broadcast.cancel');
    const cancelled = await stored(id);
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelRequestedBy: { aadObjectId: hr.aadObjectId, name: hr.name } });

    // The old review card's "send" now only shows where the broadcast stands.
    expect(textOf(await click(hr, 'hr.broadcast.confirm', confirm))).toContain('中止');
    expect(await stored(id)).toEqual(cancelled);
  });

  it('asks the sender to stop a broadcast being sent: the stop is recorded, the state left to the sender', async () => {
    const sending = await storedBroadcast('sending', { sent: 40, pending: 60, ratePerSecond: 20 });
    const done = await click(hr, 'hr.broadcast.cancel', { broadcastId: sending.id, confirmed: true });
    expect(textOf(done)).toContain('中止を指示しました');
    expect(await stored(sending.id)).toMatchObject({ state: 'sending', cancelRequestedBy: { aadObjectId: hr.aadObjectId } });
    // Asking again changes nothing.
    const before = await stored(sending.id);
    await click(hr, 'hr.broadcast.cancel', { broadcastId: sending.id, confirmed: true });
    expect(await stored(sending.id)).toEqual(before);
  });

  it('refuses to cancel a completed broadcast, changing nothing', async () => {
    const completed = await storedBroadcast('completed', { sent: 3 });
    expect(textOf(await click(hr, 'hr.broadcast.cancel', { broadcastId: completed.id, confirmed: true }))).toContain('中止できません');
    expect(await stored(completed.id)).toEqual(completed);
  });
});

describe('the report, and sending again to those not reached', () => {
  it('reports totals and each failure reason with what to do, and possible duplicates', async () => {
    const completed = await storedBroadcast('completed', {
      sent: 95,
      failed: 3,
      unreachable: 2,
      possibleDuplicates: 1,
      failureReasons: { notInstalled: 2, throttled: 2, blocked: 1 },
    });
    const card = await click(hr, 'hr.broadcast.status', { broadcastId: completed.id });
    const text = textOf(card);
    for (const words of ['送信完了', '100人', 'アプリが入っていない：2人', '情報システム担当（Teams管理者）に', 'Teamsの送信制限：2人', '受け取りを止めている：1人', '重複の可能性：1人']) {
      expect({ words, shown: text.includes(words) }).toEqual({ words, shown: true });
    }
    expect(verbsOf(card)).toEqual(expect.arrayContaining(['hr.broadcast.export', 'hr.broadcast.retry']));
  });

  it('does not offer to send again when everyone was reached', async () => {
    const completed = await storedBroadcast('completed', { sent: 10 });
    const card = await click(hr, 'hr.broadcast.status', { broadcastId: completed.id });
    expect(verbsOf(card)).not.toContain('hr.broadcast.retry');
    expect(textOf(await click(hr, 'hr.broadcast.retry', { broadcastId: completed.id, confirmed: true }))).toContain('再送できるのは');
    expect(await stored(completed.id)).toEqual(completed);
  });

  it('asks first, then starts a second round now; a second click starts no third', async () => {
    const completed = await storedBroadcast('completed', { sent: 7, failed: 2, unreachable: 1, failureReasons: { notInstalled: 1, network: 2 } });
    const question = await click(hr, 'hr.broadcast.retry', { broadcastId: completed.id });
    expect(textOf(question)).toContain('届かなかった3人（失敗 2人、アプリが入っていない 1人）');
    expect(await stored(completed.id)).toEqual(completed);

    const before = Date.now();
    const status = await click(hr, 'hr.broadcast.retry', { broadcastId: completed.id, confirmed: true });
    expect(textOf(status)).toContain('送信待ち');
    expect(textOf(status)).toContain('2回目');
    const retried = await stored(completed.id);
    expect(retried).toMatchObject({ state: 'scheduled', round: 2, progressCard: { activityId: 'card-1' } });
    expect(retried.finishedAt).toBeUndefined();
    expect(Date.parse(retried.startAt!)).toBeGreaterThanOrEqual(before - 1000);

    expect(textOf(await click(hr, 'hr.broadcast.retry', { broadcastId: completed.id, confirmed: true }))).toContain('送信待ち');
    expect(await stored(completed.id)).toEqual(retried);
  });

  it('prepares the results as an export: says so with a way back, posts its progress card, and gives a one-time link once ready', async () => {
    const completed = await storedBroadcast('completed', { sent: 1, unreachable: 1, failureReasons: { notInstalled: 1 } });
    await harness.bot.repositories.deliveries.createMissing([
      { ...deliveryTo(completed, taro), state: 'sent', attempts: 1, sentAt: '2026-06-01T00:00:12.000Z' },
      { ...deliveryTo(completed, ghost), state: 'unreachable', reason: 'notInstalled' },
    ]);
    const chat = inbox(hr);
    const before = harness.connector.calls.length;

    const notice = await click(hr, 'hr.broadcast.export', { broadcastId: completed.id });
    expect(textOf(notice)).toContain('「配信結果（一人ひとりの送信結果）」の準備を始めました');
    expect(button(notice, 'hr.broadcast.status')).toEqual({ broadcastId: completed.id });

    // The export's own card comes below, as a new message, and is updated in place until the file is offered.
    const posted = chat.take();
    expect(posted.map(textOf)).toEqual([expect.stringContaining('CSV：配信結果（一人ひとりの送信結果）')]);
    const { exportId } = button(posted[0]!, 'hr.export.status') as { exportId: string };
    const postedCall = harness.connector.calls.slice(before).find((c) => c.method === 'POST' && c.conversationId === `a:${hr.id}` && c.status < 300)!;
    const activityId = (postedCall.response as { id: string }).id;
    const ready = await waitFor('the export card to show its link', () =>
      harness.connector.calls
        .filter((c) => c.method === 'PUT' && c.activityId === activityId && c.status < 300)
        .map((c) => cardOf(c.body as Parameters<typeof cardOf>[0]))
        .find((card) => downloadUrlOf(card) !== undefined),
    );
    expect(textOf(ready)).toContain('ファイルができました');
    expect(textOf(ready)).toContain('リンクは一度だけ');
    expect(chat.take()).toEqual([]);
    expect(await harness.bot.repositories.exportChunks.find(exportId)).toMatchObject({
      kind: 'broadcastReport',
      broadcastId: completed.id,
      frameworkId: harness.frameworkId,
      requestedBy: hr.aadObjectId,
      state: 'ready',
      rows: 2,
    });

    const url = downloadUrlOf(ready)!;
    expect(url.startsWith(`${harness.bot.publicUrl()}/api/exports/`)).toBe(true);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text()).map((r) => r.fields.slice(0, 4));
    expect(header).toEqual(['職員番号', '氏名', '所属', '結果']);
    expect(rows.sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual(
      [
        [taro.employeeNo, taro.name, taro.department, '送信済み'],
        [ghost.employeeNo, ghost.name, ghost.department, '届かない (アプリ未インストール)'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    // Good for one download only.
    expect((await fetch(url)).status).toBe(404);
  });

  it('refuses the results of a draft, which has none, as not found: no export starts', async () => {
    const { id } = await draftNotice();
    const chat = inbox(hr);
    const card = await click(hr, 'hr.broadcast.export', { broadcastId: id });
    expect(textOf(card)).toContain(EXPORT_NOT_FOUND);
    expect(verbsOf(card)).not.toContain('hr.export.status');
    expect(chat.take()).toEqual([]);
    expect(await exportJobsOf(id)).toBe(0);
  });
});

describe('choosing the recipients', () => {
  let id: string;
  beforeAll(async () => {
    ({ id } = await draftNotice());
  });

  async function reviewed(inputs: Record<string, string>): Promise<string> {
    return textOf(await click(hr, 'hr.broadcast.review', audienceInputs(id, inputs)));
  }

  it('counts some departments, and some grades', async () => {
    const departments = [choiceValue('建設局'), choiceValue('政策局')].join(',');
    const text = await reviewed({ audienceKind: 'departments', departments });
    expect(text).toContain('所属：建設局、政策局');
    expect(text).toContain('4人');
    expect(text).toContain('1人（DX Naviのアプリが入っていない）');
    expect(await reviewed({ audienceKind: 'grades', grades: choiceValue('主任') })).toContain('3人');
  });

  it('counts those who have not applied this year: a withdrawn application does not count as applied, any other does', async () => {
    const { applications } = harness.bot.repositories;
    const applyAs = (who: Person, track: string): Application =>
      submitApplication(
        {
          frameworkId: harness.frameworkId,
          fiscalYear: fy,
          track,
          applicant: applicantOf({ ...who, section: '', roles: [] }),
          approver: { aadObjectId: boss.aadObjectId, name: boss.name },
          motivation: '窓口のオンライン化を進めたいです。',
        },
        new Date(),
      );
    await applications.create(applyAs(hanako, 'silver'));
    const rejected = act(applyAs(jiro, 'gold'), { aadObjectId: boss.aadObjectId, name: boss.name, isHr: false }, 'reject', new Date(), '来年度に');
    const withdrawn = act(applyAs(kenji, 'gold'), { aadObjectId: kenji.aadObjectId, name: kenji.name, isHr: false }, 'withdraw', new Date());
    if (!rejected.ok || !withdrawn.ok) throw new Error('the applications could not be set up');
    await applications.create(rejected.application);
    await applications.create(withdrawn.application);

    const text = await reviewed({ audienceKind: 'notApplied' });
    expect(text).toContain(`令和${reiwa}年度にまだ応募していない職員`);
    // Hanako (waiting) and Jiro (not approved) have applied; Kenji withdrew, so he is reminded.
    expect(text).toContain(`${everyone.length - 2}人`);
  });

  it('refuses to confirm recipients nobody matches any more, changing nothing', async () => {
    const review = await click(hr, 'hr.broadcast.review', audienceInputs(id, { audienceKind: 'grades', grades: choiceValue('部長') }));
    expect(textOf(review)).toContain('1人');
    // As if the roster had changed since: the draft's grade is now held by nobody.
    const draft = await stored(id);
    const emptied = await broadcasts().update({ ...draft, audience: { kind: 'grades', grades: ['理事'] } }, draft.etag!);
    const refused = await click(hr, 'hr.broadcast.confirm', { broadcastId: id, reviewed: emptied!.etag });
    expect(textOf(refused)).toContain('当てはまる職員がいない');
    expect(verbsOf(refused)).not.toContain('hr.broadcast.confirm');
    expect(await stored(id)).toEqual(emptied);
  });
});

describe('Apply buttons that would be refused when the notice arrives', () => {
  /** Sets the professional track's window, this long from now to that long from now (whole minutes, as HR sets them). */
  async function professionalWindow(opensIn: number, closesIn = 10 * DAY): Promise<string> {
    const MINUTE = 60_000;
    const opensAt = new Date(Math.ceil((Date.now() + opensIn) / MINUTE) * MINUTE);
    await harness.bot.repositories.applicationWindows.save({
      frameworkId: harness.frameworkId,
      fiscalYear: fiscalYearOf(opensAt),
      track: 'professional',
      opensAt: opensAt.toISOString(),
      closesAt: new Date(Date.now() + closesIn).toISOString(),
    });
    return opensAt.toISOString();
  }

  /** "2026年6月3日 14:05", as a person in Tokyo reads an instant, worked out independently of the bot. */
  function inTokyo(iso: string): string {
    const date = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long' }).format(new Date(iso));
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
    return `${date} ${time}`;
  }

  // Back to what the rest of the file knows: nobody can apply for the professional track.
  afterAll(() => professionalWindow(-20 * DAY, -10 * DAY));

  it('are named at the review, which offers the way to edit instead of "send"; a forged "send" confirms nothing', async () => {
    const { id } = await draftNotice();
    // As if HR had ticked Silver as well: nobody can apply for it.
    const [, controls] = await clickBelow(hr, 'hr.broadcast.preview', { broadcastId: id, title: TITLE, body: '本文です。', applyTracks: 'gold,silver' });
    expect(linesOf(controls!)).toEqual(expect.arrayContaining([REFUSED_BUTTONS, SILVER_CLOSED]));

    const review = await click(hr, 'hr.broadcast.review', audienceInputs(id));
    expect(linesOf(review)).toEqual(expect.arrayContaining([REFUSED_BUTTONS, SILVER_CLOSED]));
    expect(textOf(review)).toContain('受付中でない区分の応募ボタンがあるため、送信できません');
    expect(verbsOf(review)).not.toContain('hr.broadcast.confirm');
    expect(button(review, 'hr.broadcast.compose')).toEqual({ broadcastId: id });
    expect(button(review, 'hr.broadcast.audience')).toEqual({ broadcastId: id });

    const draft = await stored(id);
    const refused = await click(hr, 'hr.broadcast.confirm', { broadcastId: id, reviewed: draft.etag! });
    expect(textOf(refused)).toContain('受付中でない区分の応募ボタンがあるため、送れません');
    expect(verbsOf(refused)).not.toContain('hr.broadcast.confirm');
    expect(await stored(id)).toEqual(draft);
  });

  it('include a window that opens later: sent once it is open, the notice is confirmed; moved after the review, it is not', async () => {
    const opensAt = await professionalWindow(2 * DAY);
    const notYet = `・プロフェッショナルトラック（DX）：受付は${inTokyo(opensAt)}からです。`;
    const { id } = await draftNotice();
    const [, controls] = await clickBelow(hr, 'hr.broadcast.preview', { broadcastId: id, title: TITLE, body: '本文です。', applyTracks: 'professional' });
    expect(linesOf(controls!)).toEqual(expect.arrayContaining([REFUSED_BUTTONS, notYet]));

    // Sent now, the button would be refused; three days from now, the window is open.
    expect(linesOf(await click(hr, 'hr.broadcast.review', audienceInputs(id)))).toContain(notYet);
    const review = await click(hr, 'hr.broadcast.review', audienceInputs(id, inDays(3)));
    expect(textOf(review)).not.toContain(REFUSED_BUTTONS);
    const confirm = button(review, 'hr.broadcast.confirm');

    // HR moves the window past the chosen time after the review: "send" confirms nothing.
    const moved = await professionalWindow(5 * DAY);
    const draft = await stored(id);
    expect(textOf(await click(hr, 'hr.broadcast.confirm', confirm))).toContain('受付中でない区分の応募ボタンがあるため、送れません');
    expect(await stored(id)).toEqual(draft);

    // Sent once the moved window is open, it is confirmed.
    const later = await click(hr, 'hr.broadcast.review', audienceInputs(id, inDays(6)));
    expect(Date.parse((await stored(id)).startAt!)).toBeGreaterThan(Date.parse(moved));
    expect(textOf(await click(hr, 'hr.broadcast.confirm', button(later, 'hr.broadcast.confirm')))).toContain('送信待ち');
    expect((await stored(id)).state).toBe('scheduled');
  });
});

describe('bad input changes nothing and is explained', () => {
  let id: string;
  let warn: jest.SpiedFunction<typeof silentLogger.warn>;
  beforeAll(async () => {
    ({ id } = await draftNotice());
    warn = jest.spyOn(silentLogger, 'warn');
  });
  beforeEach(() => warn.mockClear());
  afterAll(() => warn.mockRestore());

  it.each([
    ['an empty title', { title: '   ', body: '本文' }, '件名を入力してください（100文字まで）'],
    ['a title over 100 characters', { title: 'あ'.repeat(101), body: '本文' }, '件名を入力してください（100文字まで）'],
    ['an empty body', { title: '件名', body: '\n \n' }, '本文を入力してください（4000文字、200行まで）'],
    ['a body over 4,000 characters', { title: '件名', body: 'あ'.repeat(4001) }, '本文を入力してください（4000文字、200行まで）'],
    ['a body of more than 200 lines', { title: '件名', body: Array.from({ length: 201 }, () => '・').join('\n') }, '200行まで'],
    ['an Apply button for a track one cannot apply for', { title: '件名', body: '本文', applyTracks: 'gold,bronze' }, '応募ボタンの区分が正しくありません'],
  ])('refuses a preview with %s: the form comes below, keeping what HR typed, and no preview', async (_case, typed, message) => {
    const before = await everythingStored();
    const below = await clickBelow(hr, 'hr.broadcast.preview', { broadcastId: id, applyTracks: 'gold', ...typed });
    expect(below).toHaveLength(1);
    const [card] = below as [Card];
    expect(textOf(card)).toContain(message);
    expect(inputValue(card, 'title')).toBe(Array.from(typed.title).slice(0, 100).join(''));
    expect(button(card, 'hr.broadcast.preview')).toEqual({ broadcastId: id });
    expect(await everythingStored()).toBe(before);
  });

  it('stores nothing for a new notice refused at its first preview', async () => {
    const fresh = newBroadcastId(new Date());
    const [form] = await clickBelow(hr, 'hr.broadcast.preview', { broadcastId: fresh, title: '', body: '本文', applyTracks: '' });
    expect(textOf(form)).toContain('件名を入力してください');
    expect(await broadcasts().find(harness.frameworkId, fresh)).toBeUndefined();
  });

  it.each([
    ['a time in the past', { startDate: '2020-06-01', startTime: '09:00' }, '今より後で、1年以内'],
    ['a time more than a year ahead', inDays(400), '今より後で、1年以内'],
    ['a day that does not exist', { startDate: `${fy + 1}-02-30`, startTime: '09:00' }, '今より後で、1年以内'],
    ['departments, none chosen', { audienceKind: 'departments' }, '所属を1つ以上選んでください'],
    ['grades, none chosen', { audienceKind: 'grades' }, '職位を1つ以上選んでください'],
    ['a department not on the roster', { audienceKind: 'departments', departments: choiceValue('秘密局') }, '職員名簿にない所属'],
    ['a department value no card makes', { audienceKind: 'departments', departments: '%E0%A4%A' }, '職員名簿にない所属'],
  ])('refuses recipients with %s, showing the choice again', async (_case, inputs, message) => {
    const before = await everythingStored();
    const card = await click(hr, 'hr.broadcast.review', audienceInputs(id, inputs));
    expect(textOf(card)).toContain(message);
    expect(button(card, 'hr.broadcast.review')).toEqual({ broadcastId: id });
    expect(verbsOf(card)).not.toContain('hr.broadcast.confirm');
    expect(await everythingStored()).toBe(before);
  });

  it('refuses to confirm what changed after the review', async () => {
    const review = await click(hr, 'hr.broadcast.review', audienceInputs(id));
    const confirm = button(review, 'hr.broadcast.confirm');
    // Another look at the recipients saves them again: the review above is stale.
    await click(hr, 'hr.broadcast.review', audienceInputs(id, { audienceKind: 'grades', grades: choiceValue('主事') }));
    const before = await everythingStored();
    expect(textOf(await click(hr, 'hr.broadcast.confirm', confirm))).toContain('もう一度確認してください');
    expect(await everythingStored()).toBe(before);
  });

  it('answers a well-formed id nobody has with "not found", and logs it', async () => {
    const unknown = newBroadcastId(new Date(Date.now() - DAY));
    const before = await everythingStored();
    for (const [verb, data] of [
      ['hr.broadcast.compose', { broadcastId: unknown }],
      ['hr.broadcast.audience', { broadcastId: unknown }],
      ['hr.broadcast.review', audienceInputs(unknown)],
      ['hr.broadcast.confirm', { broadcastId: unknown, reviewed: 'W/"x"' }],
      ['hr.broadcast.status', { broadcastId: unknown }],
      ['hr.broadcast.cancel', { broadcastId: unknown, confirmed: true }],
      ['hr.broadcast.retry', { broadcastId: unknown, confirmed: true }],
    ] as const) {
      expect({ verb, text: textOf(await answerTo(verb, data)) }).toEqual({ verb, text: expect.stringContaining(NOT_FOUND) as unknown });
      expect(warn).toHaveBeenLastCalledWith('unknown broadcast', { broadcastId: unknown, by: hr.aadObjectId });
    }
    // Its results are an export like the others: there is nothing to export, and none starts.
    expect(textOf(await click(hr, 'hr.broadcast.export', { broadcastId: unknown }))).toContain(EXPORT_NOT_FOUND);
    expect(await exportJobsOf(unknown)).toBe(0);
    expect(await everythingStored()).toBe(before);
  });

  it('refuses a forged id or payload before any handler runs', async () => {
    const before = await everythingStored();
    for (const [verb, data] of [
      ['hr.broadcast.status', { broadcastId: `${id}' or 'a' eq 'a` }],
      ['hr.broadcast.cancel', { broadcastId: '../other' }],
      ['hr.broadcast.confirm', { broadcastId: id }],
      ['hr.broadcast.review', { broadcastId: id, audienceKind: 'all' }],
      ['hr.broadcast.retry', { broadcastId: id, confirmed: 'yes' }],
      ['hr.broadcast.preview', { broadcastId: id, title: 'x', body: 'y'.repeat(20_001) }],
    ] as const) {
      expect({ verb, text: textOf(await click(hr, verb, data)) }).toEqual({ verb, text: expect.stringContaining(INVALID_ACTION) as unknown });
    }
    expect(await everythingStored()).toBe(before);
  });
});

describe('only HR, in the personal chat', () => {
  let warn: jest.SpiedFunction<typeof silentLogger.warn>;
  beforeAll(() => {
    warn = jest.spyOn(silentLogger, 'warn');
  });
  beforeEach(() => warn.mockClear());
  afterAll(() => warn.mockRestore());

  // Someone the roster does not know is told so before anything else, HR's or not: nothing of theirs is looked at,
  // so there is no HR refusal to log.
  it.each([
    ['an employee', taro, HR_ONLY, true],
    ['a department head', boss, HR_ONLY, true],
    ['someone not on the roster', stranger, '職員名簿にお名前が見つかりません', false],
  ])('refuses every chat word and every broadcast action to %s and changes nothing', async (_who, who, refusal, logged) => {
    const { id } = await draftNotice();
    const completed = await storedBroadcast('completed', { sent: 1, failed: 1, failureReasons: { network: 1 } });
    const sending = await storedBroadcast('sending', { pending: 5 });
    const before = await everythingStored();
    const chat = inbox(who);
    for (const words of ['お知らせ配信', '一斉配信', '配信', 'broadcast']) expect(textOf(await say(who, words))).toContain(refusal);
    chat.take();
    const attempts: [string, Record<string, unknown>][] = [
      ['hr.broadcasts', {}],
      ['hr.broadcast.compose', {}],
      ['hr.broadcast.compose', { broadcastId: id }],
      ['hr.broadcast.preview', { broadcastId: id, title: '乗っ取り', body: '本文', applyTracks: '' }],
      ['hr.broadcast.preview', { broadcastId: newBroadcastId(new Date()), title: '新規', body: '本文', applyTracks: '' }],
      ['hr.broadcast.audience', { broadcastId: id }],
      ['hr.broadcast.review', audienceInputs(id)],
      ['hr.broadcast.confirm', { broadcastId: id, reviewed: (await stored(id)).etag! }],
      ['hr.broadcast.status', { broadcastId: completed.id }],
      ['hr.broadcast.cancel', { broadcastId: sending.id, confirmed: true }],
      ['hr.broadcast.retry', { broadcastId: completed.id, confirmed: true }],
      ['hr.broadcast.export', { broadcastId: completed.id }],
    ];
    for (const [verb, data] of attempts) {
      expect({ verb, text: textOf(await click(who, verb, data)) }).toEqual({ verb, text: expect.stringContaining(refusal) as unknown });
    }
    // No preview reached their chat, no export of the results started, and nothing was written.
    expect(chat.take()).toEqual([]);
    expect(await exportJobsOf(completed.id)).toBe(0);
    expect(await everythingStored()).toBe(before);
    expect(warn.mock.calls.filter(([message]) => message === 'HR action refused')).toHaveLength(logged ? 4 + attempts.length : 0);
    for (const [, fields] of warn.mock.calls) expect(fields).toMatchObject({ by: who.aadObjectId.toLowerCase() });
  });

  it('tells HR to use the personal chat when asked in a team channel', async () => {
    const { body } = await clickInChannel(harness, hr, 'hr.broadcasts');
    expect(textOf(body.value)).toContain('個人チャットで行えます');
  });
});
