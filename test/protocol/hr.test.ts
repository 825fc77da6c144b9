import { randomUUID } from 'node:crypto';
import { applicationId, type Application } from '../../src/domain/applications/application';
import { fiscalYearOf, jstDateAndTime } from '../../src/domain/applications/fiscalYear';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { silentLogger } from '../../src/logger';
import { executeActions, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import { importRosterRows, meet, talkingTo } from '../support/conversation';
import { elementsOf } from '../support/journey';

// The HR office's side of applications: windows, the list, selection to certification, reassigning approvals,
// reminders. The roster is one data set per storage, so this file brings its own Azurite and its own people.

let azurite: Azurite;
let harness: BotHarness;

const DAY = 24 * 60 * 60 * 1000;
const fy = fiscalYearOf(new Date());
const TRACKS = ['gold', 'silver', 'professional'] as const;
const MOTIVATION = '窓口のオンライン化を進め、区役所の待ち時間を減らしたいです。';

// ---------------------------------------------------------------------------------------------------------------
// What the bot says (the Japanese catalog).

const ROSTER_REQUIRED = '職員名簿にお名前が見つかりません';
const HR_ONLY = 'この操作は人事担当者のみ行えます';
const NOT_ALLOWED = 'この操作を行う権限がありません';
const OWN_APPLICATION = 'ご自身の応募は承認・判定できません';
const NOT_FOUND = 'この応募は見つかりませんでした';
const INVALID_ACTION = 'ボタンの情報が正しくないか、古くなっています';
const INVALID_WINDOW = '日時が正しくありません';
const STATE = {
  submitted: '上司の承認待ち',
  approved: '上司が承認（選考待ち）',
  selected: '選考通過（必須研修の受講へ）',
  notSelected: '選考の結果、今回は見送り',
  trainingCompleted: '必須研修を修了（認定待ち）',
  certified: '認定',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// The people: a roster with two HR officers, managers in two departments, and employees who apply.

interface Person extends TestUser {
  readonly email: string;
  readonly department: string;
  readonly grade: string;
}

const roster: { person: Person; row: string }[] = [];
let employeeNo = 0;
function person(name: string, email: string, department: string, grade: string, manager?: Person, roles = ''): Person {
  const aadObjectId = randomUUID();
  const p: Person = { id: `29:${aadObjectId}`, aadObjectId, name, email, department, grade };
  employeeNo++;
  roster.push({
    person: p,
    row: [`E${employeeNo}`, name, email, aadObjectId, department, '', grade, manager?.email ?? '', roles].join(','),
  });
  return p;
}

const boss = person('小倉 一郎', 'ichiro@example.city.jp', '市民局', '部長');
const hr1 = person('到津 由美', 'yumi@example.city.jp', '政策局', '主任', boss, 'hr');
const hr2 = person('井筒 誠', 'makoto@example.city.jp', '政策局', '主任', boss, 'hr');
const hanako = person('門司 花子', 'hanako@example.city.jp', '市民局', '課長', boss);
const deputy = person('若松 次郎', 'jiro.w@example.city.jp', '市民局', '課長', boss);
const koji = person('黒崎 浩二', 'koji@example.city.jp', '建設局', '課長', boss);
const taro = person('北九 太郎', 'taro@example.city.jp', '市民局', '主事', hanako);
const kenji = person('戸畑 健二', 'kenji@example.city.jp', '市民局', '係長', hanako);
const jiro = person('八幡 次郎', 'jiro.y@example.city.jp', '建設局', '主任', koji);
const mika = person('小倉 美香', 'mika@example.city.jp', '市民局', '主任', hanako);
const sachi = person('折尾 幸', 'sachi@example.city.jp', '市民局', '主事', hanako);
const ken = person('門司 健', 'ken@example.city.jp', '市民局', '主事', hanako);
const nao = person('戸畑 奈央', 'nao@example.city.jp', '市民局', '主事', hanako);
/** Someone Teams knows but the roster does not. */
const stranger: TestUser = { id: '29:stranger', aadObjectId: randomUUID(), name: '名簿 にない' };

beforeAll(async () => {
  azurite = await startAzurite();
  harness = await startBotHarness({ connectionString: azurite.connectionString });
  await importRosterRows(harness, roster.map((r) => r.row));
  // Everyone has talked to the bot, so the bot can reach them (approval requests, news of their application).
  await meet(harness, roster.map((r) => r.person));
}, 30_000);
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

// ---------------------------------------------------------------------------------------------------------------
// Helpers, so the tests read like the story they tell.

const { say, click, inbox } = talkingTo(() => harness);

/** The date and time inputs of the windows card for one track. */
function windowInputs(track: string, opens: { date: string; time: string }, closes: { date: string; time: string }): Record<string, unknown> {
  return {
    track,
    fiscalYear: String(fy),
    [`opensDate_${track}`]: opens.date,
    [`opensTime_${track}`]: opens.time,
    [`closesDate_${track}`]: closes.date,
    [`closesTime_${track}`]: closes.time,
  };
}

/** HR opens every track from yesterday for a week, through the windows card. */
async function openAllWindows(): Promise<void> {
  const opens = jstDateAndTime(new Date(Date.now() - DAY).toISOString());
  const closes = jstDateAndTime(new Date(Date.now() + 7 * DAY).toISOString());
  for (const track of TRACKS) {
    expect(textOf(await click(hr1, 'hr.window.save', windowInputs(track, opens, closes)))).toContain('募集期間を保存しました');
  }
}

/** An employee applies (without the self-assessment); returns the application's id. */
async function apply(who: Person, track: string): Promise<string> {
  const done = await click(who, 'application.submit', { track, motivation: MOTIVATION, attachAssessment: 'false' });
  expect(textOf(done)).toContain('承認依頼を送りました');
  return applicationId(fy, track, who.aadObjectId);
}

async function approve(approver: TestUser, id: string): Promise<void> {
  expect(textOf(await click(approver, 'approval.decide', { applicationId: id, decision: 'approve' }))).toContain(STATE.approved);
}

async function stored(id: string): Promise<Application> {
  const found = await harness.bot.repositories.applications.find(harness.frameworkId, fy, id);
  if (!found) throw new Error(`application ${id} is not stored`);
  return found.application;
}

/** Everything HR's actions could change, with ETags, to show that a refused action wrote nothing. */
async function everythingStored(): Promise<string> {
  const { applicationWindows, applications, certifications } = harness.bot.repositories;
  const everyone = roster.map((r) => r.person);
  return JSON.stringify({
    windows: await applicationWindows.list(harness.frameworkId),
    applications: await applications.list(harness.frameworkId, fy),
    certifications: await Promise.all(everyone.map((p) => certifications.find(harness.frameworkId, p.aadObjectId))),
  });
}

/** The names of the applicants an HR list card shows. */
function listed(card: Card): string[] {
  return executeActions(card)
    .filter((a) => a.verb === 'hr.application')
    .map((a) => a.title ?? '');
}

async function hrList(filter: { filterState?: string; filterTrack?: string; filterDepartment?: string }): Promise<string[]> {
  return listed(await click(hr1, 'hr.applications', filter));
}

/** HR's next steps a detail card offers (select, notSelect, …). */
function hrSteps(card: Card): string[] {
  return executeActions(card)
    .filter((a) => a.verb === 'hr.advance')
    .map((a) => (a.data as { action: string }).action);
}

function offersReassign(card: Card): boolean {
  return executeActions(card).some((a) => a.verb === 'hr.reassign');
}

/** The value of the input with this id on a card. */
function inputValue(card: Card, id: string): unknown {
  let found: unknown;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.id === id) found = record.value;
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The TextBlocks of a card, one string each (the audit trail is one line per block). */
function lines(card: Card): string[] {
  return textOf(card).split('\n');
}

/** An instant as a person in Tokyo reads it, worked out independently of the bot: "2026年6月1日 09:30". */
function inTokyo(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日 ${parts.hour}:${parts.minute}`;
}

/** The one notice an applicant got about their application. */
function expectOneNews(cards: Card[], ...words: string[]): void {
  expect(cards).toHaveLength(1);
  const text = textOf(cards[0]);
  expect(text).toContain('応募の状況が変わりました');
  for (const word of words) expect(text).toContain(word);
}

// ---------------------------------------------------------------------------------------------------------------

describe('application windows (募集期間)', () => {
  it('shows HR every track with the rules’ default, June 1 00:00 to July 1 00:00 Japan time, while none is set', async () => {
    const card = await say(hr1, '募集期間');
    const text = textOf(card);
    expect(text).toContain(`募集期間の設定（${fy}年度）`);
    for (const name of ['ゴールド', 'シルバー', 'プロフェッショナルトラック（DX）']) {
      expect(text).toContain(`${name}（未設定（規定：${fy}年6月1日〜））`);
    }
    for (const track of TRACKS) {
      expect(inputValue(card, `opensDate_${track}`)).toBe(`${fy}-06-01`);
      expect(inputValue(card, `opensTime_${track}`)).toBe('00:00');
      expect(inputValue(card, `closesDate_${track}`)).toBe(`${fy}-07-01`);
      expect(inputValue(card, `closesTime_${track}`)).toBe('00:00');
    }
    const actions = executeActions(card);
    expect(actions.filter((a) => a.verb === 'hr.window.save').map((a) => a.data)).toEqual(
      TRACKS.map((track) => ({ track, fiscalYear: fy })),
    );
    // Nothing is open, so nothing can be closed.
    expect(actions.filter((a) => a.verb === 'hr.window.close')).toEqual([]);
    expect(await harness.bot.repositories.applicationWindows.list(harness.frameworkId)).toEqual([]);
  });

  it('saves a window in Japan time: 09:30 and 17:15 JST are stored as 00:30 and 08:15 UTC', async () => {
    const saved = await click(hr1, 'hr.window.save', windowInputs('gold', { date: `${fy}-06-01`, time: '09:30' }, { date: `${fy}-06-30`, time: '17:15' }));
    expect(textOf(saved)).toContain(`ゴールドの募集期間を保存しました：${fy}年6月1日 09:30 から ${fy}年6月30日 17:15 まで`);
    // The form stays, every track in it.
    expect(executeActions(saved).filter((a) => a.verb === 'hr.window.save')).toHaveLength(TRACKS.length);

    const window = await harness.bot.repositories.applicationWindows.find(harness.frameworkId, fy, 'gold');
    expect(window).toMatchObject({
      fiscalYear: fy,
      track: 'gold',
      opensAt: `${fy}-06-01T00:30:00.000Z`,
      closesAt: `${fy}-06-30T08:15:00.000Z`,
      updatedBy: hr1.aadObjectId,
    });

    const card = await click(hr1, 'hr.windows', {});
    expect(inputValue(card, 'opensDate_gold')).toBe(`${fy}-06-01`);
    expect(inputValue(card, 'opensTime_gold')).toBe('09:30');
    expect(inputValue(card, 'closesDate_gold')).toBe(`${fy}-06-30`);
    expect(inputValue(card, 'closesTime_gold')).toBe('17:15');
    const openNow = Date.now() >= Date.parse(window!.opensAt) && Date.now() < Date.parse(window!.closesAt);
    expect(textOf(card)).toContain(`ゴールド（${openNow ? '受付中' : '設定済み'}）`);
    // The other tracks are still the rules' defaults.
    expect(textOf(card)).toContain(`シルバー（未設定（規定：${fy}年6月1日〜））`);
  });

  it.each([
    ['the end before the start', 'professional', { date: `${fy}-06-30`, time: '00:00' }, { date: `${fy}-06-01`, time: '00:00' }],
    ['the end equal to the start', 'professional', { date: `${fy}-06-01`, time: '09:00' }, { date: `${fy}-06-01`, time: '09:00' }],
    // Read leniently, February 30 would become March 2, before the end: only a real check refuses it.
    ['a day that does not exist', 'professional', { date: `${fy}-02-30`, time: '00:00' }, { date: `${fy}-06-30`, time: '00:00' }],
    ['an hour that does not exist', 'professional', { date: `${fy}-06-01`, time: '24:00' }, { date: `${fy}-06-30`, time: '00:00' }],
    ['a missing end date', 'professional', { date: `${fy}-06-01`, time: '00:00' }, { date: '', time: '' }],
    ['a missing start date', 'professional', { date: '', time: '09:00' }, { date: `${fy}-06-30`, time: '00:00' }],
    ['a track one cannot apply for', 'bronze', { date: `${fy}-06-01`, time: '00:00' }, { date: `${fy}-06-30`, time: '00:00' }],
  ])('refuses %s and stores nothing, the dates as typed still in the form', async (_case, track, opens, closes) => {
    const before = await everythingStored();
    const card = await click(hr1, 'hr.window.save', windowInputs(track, opens, closes));
    expect(textOf(card)).toContain(INVALID_WINDOW);
    expect(textOf(card)).toContain(`募集期間の設定（${fy}年度）`);
    if ((TRACKS as readonly string[]).includes(track)) {
      expect([`opensDate_${track}`, `opensTime_${track}`, `closesDate_${track}`, `closesTime_${track}`].map((id) => inputValue(card, id))).toEqual([
        opens.date,
        opens.time,
        closes.date,
        closes.time,
      ]);
    }
    expect(await everythingStored()).toBe(before);
  });

  it('saves one track and keeps the form: that track shown saved, what was typed for the others still there', async () => {
    const typedSilver = { opensDate_silver: `${fy}-09-01`, opensTime_silver: '10:00', closesDate_silver: `${fy}-09-15`, closesTime_silver: '' };
    const inputs = { ...windowInputs('professional', { date: `${fy}-06-02`, time: '09:05' }, { date: `${fy}-06-20`, time: '' }), ...typedSilver };
    const card = await click(hr1, 'hr.window.save', inputs);
    const saved = elementsOf(card, (e) => e.type === 'Container' && e.style === 'good').map((c) => textOf(c));
    expect(saved).toEqual([`プロフェッショナルトラック（DX）の募集期間を保存しました：${fy}年6月2日 09:05 から ${fy}年6月20日 00:00 まで`]);
    // The saved track shows the dates as stored (times written out), the silver track what was typed and not saved.
    expect(['opensTime_professional', 'closesTime_professional'].map((id) => inputValue(card, id))).toEqual(['09:05', '00:00']);
    expect(Object.keys(typedSilver).map((id) => inputValue(card, id))).toEqual(Object.values(typedSilver));
    expect(await harness.bot.repositories.applicationWindows.find(harness.frameworkId, fy, 'silver')).toBeUndefined();
  });

  it('closes an open window: an employee then cannot apply and is told when the next window is', async () => {
    const opens = jstDateAndTime(new Date(Date.now() - DAY).toISOString());
    const closes = jstDateAndTime(new Date(Date.now() + 7 * DAY).toISOString());
    await click(hr1, 'hr.window.save', windowInputs('silver', opens, closes));
    expect(textOf(await click(taro, 'application.form', { track: 'silver' }))).toContain('シルバーに応募する');

    const card = await click(hr1, 'hr.windows', {});
    expect(textOf(card)).toContain('シルバー（受付中）');
    const close = executeActions(card).filter((a) => a.verb === 'hr.window.close');
    expect(close.map((a) => a.data)).toEqual([{ track: 'silver', fiscalYear: fy }]);

    const closed = await click(hr1, close[0]!.verb, close[0]!.data as Record<string, unknown>);
    expect(textOf(closed)).toContain('シルバーの募集を締め切りました');
    const window = await harness.bot.repositories.applicationWindows.find(harness.frameworkId, fy, 'silver');
    expect(Date.parse(window!.closesAt)).toBeLessThanOrEqual(Date.now());
    expect(window!.updatedBy).toBe(hr1.aadObjectId);
    expect(textOf(await click(hr1, 'hr.windows', {}))).toContain('シルバー（設定済み）');

    const refused = await click(taro, 'application.form', { track: 'silver' });
    expect(textOf(refused)).toContain(`シルバーの募集期間外です。次の募集（予定）：${fy + 1}年6月1日〜${fy + 1}年6月30日`);
    const submit = await click(taro, 'application.submit', { track: 'silver', motivation: MOTIVATION, attachAssessment: 'false' });
    expect(textOf(submit)).toContain('シルバーの募集期間外です');
    expect(await harness.bot.repositories.applications.find(harness.frameworkId, fy, applicationId(fy, 'silver', taro.aadObjectId))).toBeUndefined();
  });
});

describe('HR-only actions', () => {
  const approvedId = applicationId(fy, 'gold', mika.aadObjectId);
  const pendingId = applicationId(fy, 'silver', mika.aadObjectId);
  let warn: jest.SpiedFunction<typeof silentLogger.warn>;

  beforeAll(async () => {
    warn = jest.spyOn(silentLogger, 'warn');
    await openAllWindows();
    await approve(hanako, await apply(mika, 'gold'));
    await apply(mika, 'silver');
  });
  beforeEach(() => warn.mockClear());
  afterAll(() => warn.mockRestore());

  it.each([
    ['an employee', mika, HR_ONLY],
    ['a manager', hanako, HR_ONLY],
    ['someone not on the roster', stranger, ROSTER_REQUIRED],
  ])('refuses the chat words 募集期間 and 応募一覧 to %s', async (_who, who, refusal) => {
    expect(textOf(await say(who, '募集期間'))).toContain(refusal);
    expect(textOf(await say(who, '応募一覧'))).toContain(refusal);
  });

  const attempts: [string, string, Record<string, unknown>][] = [
    ['seeing the windows', 'hr.windows', {}],
    ['saving a window', 'hr.window.save', windowInputs('gold', { date: `${fy}-06-01`, time: '00:00' }, { date: `${fy + 1}-03-31`, time: '00:00' })],
    ['closing a window', 'hr.window.close', { track: 'gold', fiscalYear: String(fy) }],
    ['listing applications', 'hr.applications', { filterState: 'approved' }],
    ['opening an application', 'hr.application', { applicationId: approvedId }],
    ['selecting', 'hr.advance', { applicationId: approvedId, action: 'select' }],
    ['not selecting', 'hr.advance', { applicationId: approvedId, action: 'notSelect' }],
    ['reassigning an approval', 'hr.reassign', { applicationId: pendingId, approverEmail: deputy.email }],
  ];
  it.each(attempts)('refuses %s (%s) to everyone but HR, changes nothing, and logs each attempt', async (_what, verb, data) => {
    const before = await everythingStored();
    for (const who of [mika, hanako]) {
      expect(textOf(await click(who, verb, data))).toContain(HR_ONLY);
    }
    // Someone the roster does not know is told why they need to be on it, before anything is looked at.
    expect(textOf(await click(stranger, verb, data))).toContain(ROSTER_REQUIRED);
    expect(await everythingStored()).toBe(before);
    expect(warn).toHaveBeenCalledTimes(2);
    for (const who of [mika, hanako]) {
      expect(warn).toHaveBeenCalledWith('HR action refused', expect.objectContaining({ by: who.aadObjectId }));
    }
  });

  it('answers a tampered application id with "not found", changes nothing, and logs it', async () => {
    const before = await everythingStored();
    const tampered = [
      applicationId(fy, 'gold', randomUUID()), // nobody's
      applicationId(fy, 'professional', mika.aadObjectId), // a track she never applied for
      applicationId(fy - 1, 'gold', mika.aadObjectId), // another year
    ];
    for (const id of tampered) {
      expect(textOf(await click(hr1, 'hr.application', { applicationId: id }))).toContain(NOT_FOUND);
      expect(textOf(await click(hr1, 'hr.advance', { applicationId: id, action: 'select' }))).toContain(NOT_FOUND);
      expect(textOf(await click(hr1, 'hr.reassign', { applicationId: id, approverEmail: deputy.email }))).toContain(NOT_FOUND);
      expect(warn).toHaveBeenCalledWith('unknown application', expect.objectContaining({ applicationId: id, by: hr1.aadObjectId }));
    }
    expect(await everythingStored()).toBe(before);
  });

  it('refuses a payload the cards never send, changes nothing, and logs it', async () => {
    const before = await everythingStored();
    const forged: [string, Record<string, unknown>][] = [
      ['hr.advance', { applicationId: approvedId, action: 'approve' }],
      ['hr.advance', { applicationId: approvedId, action: 'certified' }],
      ['hr.advance', { applicationId: approvedId, action: 'certify', confirmed: 'yes' }],
      ['hr.advance', { applicationId: `${approvedId}' or 'a' eq 'a`, action: 'select' }],
      ['hr.advance', { applicationId: approvedId.toUpperCase(), action: 'select' }],
      ['hr.application', {}],
      ['hr.window.save', { ...windowInputs('gold', { date: `${fy}-06-01`, time: '00:00' }, { date: `${fy}-06-30`, time: '00:00' }), fiscalYear: 'next' }],
      ['hr.window.close', { track: 'Gold!', fiscalYear: String(fy) }],
    ];
    for (const [verb, data] of forged) {
      expect(textOf(await click(hr1, verb, data))).toContain(INVALID_ACTION);
      expect(warn).toHaveBeenLastCalledWith('refused an invalid card payload', expect.objectContaining({ verb, by: hr1.aadObjectId }));
    }
    expect(warn).toHaveBeenCalledTimes(forged.length);
    expect(await everythingStored()).toBe(before);
  });

  it('refuses, logs and ignores steps out of order, and HR deciding in the manager’s place', async () => {
    const before = await everythingStored();
    // Certifying an approved application skips selection and training.
    expect(textOf(await click(hr1, 'hr.advance', { applicationId: approvedId, action: 'certify' }))).toContain('この操作はできません');
    // Selecting an application the manager has not approved yet.
    expect(textOf(await click(hr1, 'hr.advance', { applicationId: pendingId, action: 'select' }))).toContain('この操作はできません');
    // HR is not the approver: the approval button, forged, does nothing.
    expect(textOf(await click(hr1, 'approval.decide', { applicationId: pendingId, decision: 'approve' }))).toContain(NOT_ALLOWED);
    expect(await everythingStored()).toBe(before);
    expect(warn).toHaveBeenCalledWith('application change refused', expect.objectContaining({ applicationId: approvedId, refusal: 'wrongState' }));
    expect(warn).toHaveBeenCalledWith('application change refused', expect.objectContaining({ applicationId: pendingId, refusal: 'wrongState' }));
    expect(warn).toHaveBeenCalledWith('application change refused', expect.objectContaining({ applicationId: pendingId, refusal: 'notAllowed' }));
  });

  it('leads HR back from a refused step to HR’s card of the application, with HR’s steps, not to the approver’s card', async () => {
    for (const [verb, data] of [
      ['hr.advance', { applicationId: approvedId, action: 'certify' }],
      ['hr.reassign', { applicationId: approvedId, approverEmail: hanako.email }],
    ] as const) {
      const refused = await click(hr1, verb, data);
      const ways = executeActions(refused).filter((a) => a.title === '応募の内容に戻る');
      expect({ verb, ways: ways.map((a) => [a.verb, a.data]) }).toEqual({ verb, ways: [['hr.application', { applicationId: approvedId }]] });
      const back = await click(hr1, ways[0]!.verb, ways[0]!.data as Record<string, unknown>);
      expect(hrSteps(back)).toEqual(['select', 'notSelect']);
    }
  });
});

describe('from application to certification (one story, in order)', () => {
  const taroId = applicationId(fy, 'silver', taro.aadObjectId);
  const jiroId = applicationId(fy, 'gold', jiro.aadObjectId);
  const kenjiId = applicationId(fy, 'silver', kenji.aadObjectId);

  beforeAll(openAllWindows);

  it('employees apply; their managers get the request, approve, and the applicants hear of it', async () => {
    const requests = inbox(hanako);
    const news = inbox(taro);
    await apply(taro, 'silver');
    const [request] = requests.take();
    expect(textOf(request)).toContain('承認依頼：シルバーへの応募');
    const approveButton = executeActions(request).find((a) => a.verb === 'approval.decide' && (a.data as { decision: string }).decision === 'approve')!;
    expect(textOf(await click(hanako, approveButton.verb, approveButton.data as Record<string, unknown>))).toContain(STATE.approved);
    expectOneNews(news.take(), STATE.approved, '門司 花子');

    const jiroNews = inbox(jiro);
    await approve(koji, await apply(jiro, 'gold'));
    expectOneNews(jiroNews.take(), STATE.approved, '黒崎 浩二');

    await apply(kenji, 'silver'); // left waiting for the manager
    expect((await stored(kenjiId)).state).toBe('submitted');
  });

  it('HR lists the year’s applications; each filter (state, track, department) narrows the list', async () => {
    const all = listed(await say(hr1, '応募一覧'));
    expect(all).toEqual(expect.arrayContaining([taro.name, jiro.name, kenji.name]));

    const approved = await hrList({ filterState: 'approved' });
    expect(approved).toEqual(expect.arrayContaining([taro.name, jiro.name]));
    expect(approved).not.toContain(kenji.name);

    const gold = await hrList({ filterTrack: 'gold' });
    expect(gold).toContain(jiro.name);
    expect(gold).not.toContain(taro.name);
    expect(gold).not.toContain(kenji.name);

    expect(await hrList({ filterDepartment: '建設局' })).toEqual([jiro.name]);
    const citizens = await hrList({ filterDepartment: '市民局' });
    expect(citizens).toEqual(expect.arrayContaining([taro.name, kenji.name]));
    expect(citizens).not.toContain(jiro.name);

    const narrow = await click(hr1, 'hr.applications', { filterState: 'approved', filterTrack: 'silver', filterDepartment: '市民局' });
    expect(listed(narrow)).toContain(taro.name);
    expect(listed(narrow)).not.toContain(kenji.name);
    expect(textOf(narrow)).toContain(`${listed(narrow).length}件`);
    // The card keeps the filter it shows.
    expect(inputValue(narrow, 'filterState')).toBe('approved');
    expect(inputValue(narrow, 'filterTrack')).toBe('silver');
    expect(inputValue(narrow, 'filterDepartment')).toBe('市民局');

    const none = await hrList({ filterState: 'certified', filterDepartment: '建設局' });
    expect(none).toEqual([]);
    // A state or track the card never offers is ignored, not used to query storage.
    expect(await hrList({ filterState: 'hacked', filterTrack: 'platinum', filterDepartment: '建設局' })).toEqual([jiro.name]);
  });

  it('HR opens an application: its facts and its audit trail, who did what and when (Japan time)', async () => {
    const card = await click(hr1, 'hr.application', { applicationId: taroId });
    const text = textOf(card);
    expect(text).toContain('北九 太郎さんの応募（シルバー）');
    expect(text).toContain('市民局・主事');
    expect(text).toContain(STATE.approved);
    expect(text).toContain(MOTIVATION);

    const { trail } = await stored(taroId);
    expect(trail.map((e) => [e.action, e.byName, e.from, e.to])).toEqual([
      ['submit', taro.name, undefined, 'submitted'],
      ['approve', hanako.name, 'submitted', 'approved'],
    ]);
    expect(lines(card)).toEqual(
      expect.arrayContaining([
        `${inTokyo(trail[0]!.at)} 北九 太郎：応募（—→上司の承認待ち）`,
        `${inTokyo(trail[1]!.at)} 門司 花子：承認（上司の承認待ち→上司が承認（選考待ち））`,
      ]),
    );
    expect(hrSteps(card)).toEqual(['select', 'notSelect']);
    expect(offersReassign(card)).toBe(false);
  });

  it('HR selects, records the trainings, certifies; the applicant hears of each step; the tier is recorded', async () => {
    const news = inbox(taro);
    expect(await harness.bot.repositories.certifications.find(harness.frameworkId, taro.aadObjectId)).toBeUndefined();

    const selected = await click(hr1, 'hr.advance', { applicationId: taroId, action: 'select' });
    expect(textOf(selected)).toContain(STATE.selected);
    expect(hrSteps(selected)).toEqual(['completeTraining']);
    expectOneNews(news.take(), 'シルバーへの応募', STATE.selected, hr1.name);
    expect(lines(selected)).toContain('・DX人材育成プロジェクト（R5.10～）：未受講');

    // The city's training records show him at the tier project: the step needs no exception.
    const { employeeNo } = (await stored(taroId)).applicant;
    await harness.bot.repositories.trainingRecords.store(harness.frameworkId, [{ employeeNo, programId: 'dx-talent-project', date: `${fy}-07-01`, status: 'attended' }]);
    const trained = await click(hr2, 'hr.advance', { applicationId: taroId, action: 'completeTraining' });
    expect(textOf(trained)).toContain(STATE.trainingCompleted);
    expect(lines(trained)).toContain(`・DX人材育成プロジェクト（R5.10～）：受講済み（${fy}年7月1日）`);
    expect(hrSteps(trained)).toEqual(['certify']);
    expectOneNews(news.take(), STATE.trainingCompleted, hr2.name);

    // Certifying is final and tells the employee: the first click only asks, and changes nothing.
    const before = await everythingStored();
    const question = await click(hr1, 'hr.advance', { applicationId: taroId, action: 'certify' });
    expect(textOf(question)).toContain('北九 太郎さんをシルバーに認定します。認定は元に戻せず、ご本人に通知されます。よろしいですか？');
    const confirm = executeActions(question).find((a) => a.title === 'はい、認定する');
    expect(confirm).toMatchObject({ verb: 'hr.advance', data: { applicationId: taroId, action: 'certify', confirmed: true } });
    expect(await everythingStored()).toBe(before);
    expect(news.take()).toEqual([]);
    expect(await harness.bot.repositories.certifications.find(harness.frameworkId, taro.aadObjectId)).toBeUndefined();

    const certified = await click(hr1, 'hr.advance', confirm!.data as Record<string, unknown>);
    expect(textOf(certified)).toContain(`状況\n${STATE.certified}`);
    expect(hrSteps(certified)).toEqual([]);
    expectOneNews(news.take(), `シルバーへの応募：${STATE.certified}`, hr1.name);

    const application = await stored(taroId);
    expect(application.state).toBe('certified');
    expect(application.trail.slice(2).map((e) => [e.action, e.by, e.from, e.to])).toEqual([
      ['select', hr1.aadObjectId, 'approved', 'selected'],
      ['completeTraining', hr2.aadObjectId, 'selected', 'trainingCompleted'],
      ['certify', hr1.aadObjectId, 'trainingCompleted', 'certified'],
    ]);
    expect(await harness.bot.repositories.certifications.find(harness.frameworkId, taro.aadObjectId)).toEqual({
      frameworkId: harness.frameworkId,
      aadObjectId: taro.aadObjectId,
      tier: 'silver',
      fiscalYear: fy,
      certifiedAt: application.updatedAt,
      applicationId: taroId,
    });
    // Every step is on the trail HR sees.
    const detail = lines(await click(hr2, 'hr.application', { applicationId: taroId }));
    for (const [i, line] of [
      [2, '到津 由美：選考通過（上司が承認（選考待ち）→選考通過（必須研修の受講へ））'],
      [3, '井筒 誠：必須研修修了（選考通過（必須研修の受講へ）→必須研修を修了（認定待ち））'],
      [4, '到津 由美：認定（必須研修を修了（認定待ち）→認定）'],
    ] as const) {
      expect(detail).toContain(`${inTokyo(application.trail[i]!.at)} ${line}`);
    }
    // Certifying twice does nothing more, asked or confirmed.
    expect(textOf(await click(hr2, 'hr.advance', { applicationId: taroId, action: 'certify' }))).toContain('すでに');
    expect(textOf(await click(hr2, 'hr.advance', { applicationId: taroId, action: 'certify', confirmed: true }))).toContain('すでに');
    expect(news.take()).toEqual([]);
  });

  it('"not selected" is the end: the applicant hears of it, and no further HR step is offered or accepted', async () => {
    const news = inbox(jiro);
    const card = await click(hr1, 'hr.advance', { applicationId: jiroId, action: 'notSelect' });
    expect(textOf(card)).toContain(STATE.notSelected);
    expect(hrSteps(card)).toEqual([]);
    expect(offersReassign(card)).toBe(false);
    expectOneNews(news.take(), 'ゴールドへの応募', STATE.notSelected, hr1.name);

    const before = await everythingStored();
    for (const action of ['select', 'completeTraining', 'certify', 'notSelect']) {
      const refused = await click(hr2, 'hr.advance', { applicationId: jiroId, action });
      expect(textOf(refused)).toContain(`到津 由美さんがすでに「${STATE.notSelected}」としました`);
    }
    expect(await everythingStored()).toBe(before);
    expect(news.take()).toEqual([]);
    expect(await harness.bot.repositories.certifications.find(harness.frameworkId, jiro.aadObjectId)).toBeUndefined();
  });
});

describe('reassigning an approval while the manager is away', () => {
  const id = applicationId(fy, 'gold', sachi.aadObjectId);

  beforeAll(async () => {
    await openAllWindows();
    await apply(sachi, 'gold');
  });

  it('HR sees the reassign field only while the decision is pending', async () => {
    const card = await click(hr1, 'hr.application', { applicationId: id });
    expect(offersReassign(card)).toBe(true);
    expect(hrSteps(card)).toEqual([]);
  });

  it.each([
    ['an e-mail that is not on the roster', 'nobody@example.city.jp', 'nobody@example.city.jpは職員名簿にありません'],
    ['no e-mail at all', '', '—は職員名簿にありません'],
    ['the applicant herself', sachi.email, OWN_APPLICATION],
  ])('refuses %s with a clear notice, and changes nothing', async (_case, approverEmail, notice) => {
    const before = await everythingStored();
    expect(textOf(await click(hr1, 'hr.reassign', { applicationId: id, approverEmail }))).toContain(notice);
    expect(await everythingStored()).toBe(before);
  });

  it.each([
    ['naming the approver already deciding', 'hr.reassign', { approverEmail: hanako.email }],
    ['the button to send the request again', 'hr.approval.resend', {}],
  ])('sends the approver the request again by %s, changing nothing in the application', async (_case, verb, data) => {
    const managerInbox = inbox(hanako);
    const before = await stored(id);
    const done = await click(hr1, verb, { applicationId: id, ...data });
    expect(textOf(done)).toContain('門司 花子さんに承認依頼をもう一度送りました。');
    expect(executeActions(done).find((a) => a.verb === 'hr.application')).toMatchObject({ title: '応募の内容に戻る', data: { applicationId: id } });
    const [request, ...more] = managerInbox.take();
    expect(more).toEqual([]);
    expect(textOf(request)).toContain('あなたの承認を待っています。');
    expect(await stored(id)).toEqual(before);
  });

  it('hands the approval to a deputy: the deputy gets the card, the old approver is refused, the deputy approves', async () => {
    const deputyInbox = inbox(deputy);
    const managerInbox = inbox(hanako);
    const news = inbox(sachi);

    // The address as someone would type it: case does not matter.
    const done = await click(hr1, 'hr.reassign', { applicationId: id, approverEmail: ` ${deputy.email.toUpperCase()} ` });
    expect(textOf(done)).toContain('承認者を若松 次郎さんに変更しました');
    const application = await stored(id);
    expect(application.approver).toEqual({ aadObjectId: deputy.aadObjectId, name: deputy.name });
    expect(application.state).toBe('submitted');
    expect(application.trail.at(-1)).toMatchObject({ action: 'reassign', by: hr1.aadObjectId, from: 'submitted', to: 'submitted', approverId: deputy.aadObjectId });

    const [request] = deputyInbox.take();
    expect(textOf(request)).toContain('承認依頼：ゴールドへの応募');
    expect(textOf(request)).toContain(sachi.name);
    const buttons = executeActions(request).filter((a) => a.verb === 'approval.decide');
    expect(buttons.map((a) => a.data)).toEqual([
      { applicationId: id, decision: 'approve' },
      { applicationId: id, decision: 'reject' },
    ]);
    expect(managerInbox.take()).toEqual([]);

    // The old approver's button (their card still has it) no longer works.
    expect(textOf(await click(hanako, 'approval.decide', { applicationId: id, decision: 'approve' }))).toContain(NOT_ALLOWED);
    expect((await stored(id)).state).toBe('submitted');

    expect(textOf(await click(deputy, buttons[0]!.verb, buttons[0]!.data as Record<string, unknown>))).toContain(STATE.approved);
    expectOneNews(news.take(), STATE.approved, deputy.name);
    const detail = lines(await click(hr1, 'hr.application', { applicationId: id }));
    const trail = (await stored(id)).trail;
    expect(detail).toContain(`${inTokyo(trail[1]!.at)} 到津 由美：承認者を門司 花子さんから若松 次郎さんに変更`);
    expect(detail).toContain(`${inTokyo(trail[2]!.at)} 若松 次郎：承認（上司の承認待ち→上司が承認（選考待ち））`);
  });

  it('refuses to reassign an application already decided', async () => {
    const before = await everythingStored();
    const refused = await click(hr1, 'hr.reassign', { applicationId: id, approverEmail: hanako.email });
    expect(textOf(refused)).toContain(`若松 次郎さんがすでに「${STATE.approved}」としました`);
    expect(await everythingStored()).toBe(before);
  });
});

describe('HR applying too', () => {
  const id = applicationId(fy, 'gold', hr1.aadObjectId);

  beforeAll(openAllWindows);

  it('HR cannot reassign, approve or advance their own application; another HR officer can', async () => {
    await apply(hr1, 'gold');
    const before = await everythingStored();
    expect(textOf(await click(hr1, 'hr.reassign', { applicationId: id, approverEmail: deputy.email }))).toContain(OWN_APPLICATION);
    expect(textOf(await click(hr1, 'approval.decide', { applicationId: id, decision: 'approve' }))).toContain(OWN_APPLICATION);
    expect(await everythingStored()).toBe(before);

    await approve(boss, id);
    const approved = await everythingStored();
    for (const action of ['select', 'notSelect']) {
      expect(textOf(await click(hr1, 'hr.advance', { applicationId: id, action }))).toContain(OWN_APPLICATION);
    }
    expect(await everythingStored()).toBe(approved);

    expect(textOf(await click(hr2, 'hr.advance', { applicationId: id, action: 'select' }))).toContain(STATE.selected);
    expect((await stored(id)).trail.at(-1)).toMatchObject({ action: 'select', by: hr2.aadObjectId });
  });
});

describe('two HR officers at once', () => {
  const id = applicationId(fy, 'silver', ken.aadObjectId);

  beforeAll(async () => {
    await openAllWindows();
    await approve(hanako, await apply(ken, 'silver'));
  });

  it('"selected" and "not selected" clicked together make exactly one stored transition', async () => {
    const news = inbox(ken);
    const [a, b] = await Promise.all([
      click(hr1, 'hr.advance', { applicationId: id, action: 'select' }),
      click(hr2, 'hr.advance', { applicationId: id, action: 'notSelect' }),
    ]);
    const application = await stored(id);
    expect(['selected', 'notSelected']).toContain(application.state);
    const hrEntries = application.trail.filter((e) => e.action === 'select' || e.action === 'notSelect');
    expect(hrEntries).toHaveLength(1);
    expect(hrEntries[0]!.to).toBe(application.state);

    const winner = hrEntries[0]!.action === 'select' ? a : b;
    const loser = winner === a ? b : a;
    expect(textOf(winner)).toContain('門司 健さんの応募（シルバー）');
    expect(textOf(loser)).toContain(`${hrEntries[0]!.byName}さんがすでに「${STATE[application.state as 'selected' | 'notSelected']}」としました`);
    expectOneNews(news.take(), STATE[application.state as 'selected' | 'notSelected']);
  });
});

describe('reminders to approvers', () => {
  const id = applicationId(fy, 'gold', nao.aadObjectId);

  beforeAll(async () => {
    await openAllWindows();
    await apply(nao, 'gold');
  });

  it('nothing is due while applications are fresh', async () => {
    const waiting = inbox(hanako);
    expect(await harness.bot.remindApprovers()).toBe(0);
    expect(waiting.take()).toEqual([]);
  });

  it('reminds the approver once of an application waiting four days, and not again on the next run', async () => {
    const { applications } = harness.bot.repositories;
    const found = (await applications.find(harness.frameworkId, fy, id))!;
    const fourDaysAgo = new Date(Date.now() - 4 * DAY).toISOString();
    await applications.update({ ...found.application, submittedAt: fourDaysAgo }, found.etag);

    const waiting = inbox(hanako);
    expect(await harness.bot.remindApprovers()).toBe(1);
    const cards = waiting.take();
    expect(cards).toHaveLength(1);
    const text = textOf(cards[0]);
    expect(text).toContain('リマインド：3日以上、承認をお待ちしています');
    expect(text).toContain(nao.name);
    expect(executeActions(cards[0]).map((a) => a.data)).toContainEqual({ applicationId: id, decision: 'approve' });
    const claimed = await stored(id);
    expect(Date.parse(claimed.lastRemindedAt!)).toBeGreaterThan(Date.parse(fourDaysAgo));
    expect(claimed.state).toBe('submitted');

    expect(await harness.bot.remindApprovers()).toBe(0);
    expect(waiting.take()).toEqual([]);
    expect((await stored(id)).lastRemindedAt).toBe(claimed.lastRemindedAt);
  });
});

describe('edge cases of the HR side', () => {
  // People of their own: the stories above have used up everyone else's applications for this year.
  const riko = person('若松 莉子', 'riko@example.city.jp', '市民局', '主事', hanako);
  const shun = person('折尾 俊', 'shun@example.city.jp', '市民局', '主事', hanako);
  const emi = person('八幡 恵美', 'emi@example.city.jp', '市民局', '主事', hanako);
  const senior = person('黒崎 誠司', 'seiji@example.city.jp', '市民局', '課長', hanako);
  beforeAll(async () => {
    await openAllWindows();
  });

  it('keeps the highest tier: a Silver certification after a Gold one does not lower it', async () => {
    const certify = async (track: string): Promise<void> => {
      const id = await apply(riko, track);
      await approve(hanako, id);
      // Certifying takes the confirmation's click ("confirmed"); the other steps ignore it.
      for (const action of ['select', 'completeTraining', 'certify']) await click(hr1, 'hr.advance', { applicationId: id, action, confirmed: true });
      expect((await stored(id)).state).toBe('certified');
    };
    await certify('gold');
    await certify('silver');
    expect(await harness.bot.repositories.certifications.find(harness.frameworkId, riko.aadObjectId)).toMatchObject({ tier: 'gold' });
  });

  it('holds a 課長 on the professional track until HR decides, with a reason, who recorded', async () => {
    const id = await apply(senior, 'professional');
    await approve(hanako, id);
    let detail = await click(hr1, 'hr.application', { applicationId: id });
    expect(textOf(detail)).toContain('職員名簿の職位（課長）は、応募要件「係長以下」に当たりません。選考の前に、要件を満たすかどうかを判断してください。');

    // Selecting is refused while the grade check stands; so is overruling it without a reason, or by anyone but HR.
    const before = await everythingStored();
    expect(textOf(await click(hr1, 'hr.advance', { applicationId: id, action: 'select' }))).toContain('職位が応募要件に当たるかどうかの判断がまだです');
    expect(textOf(await click(hr1, 'hr.eligibility', { applicationId: id, eligibilityComment: '   ' }))).toContain('要件を満たすと判断する理由を入力してください');
    expect(textOf(await click(hanako, 'hr.eligibility', { applicationId: id, eligibilityComment: '理由' }))).toContain(HR_ONLY);
    expect(await everythingStored()).toBe(before);

    const reason = '課長級だが、情報部門での実務経験から要件を満たすと判断。';
    detail = await click(hr1, 'hr.eligibility', { applicationId: id, eligibilityComment: reason });
    expect(textOf(detail)).toContain(`職位の確認：${hr1.name}さんが、応募要件を満たすと判断しました`);
    expect(textOf(detail)).toContain(`${hr1.name}：応募要件を満たすと判断（${reason}）`);
    expect((await stored(id)).trail.at(-1)).toMatchObject({ action: 'overrideEligibility', by: hr1.aadObjectId, comment: reason });
    expect(textOf(await click(hr2, 'hr.eligibility', { applicationId: id, eligibilityComment: reason }))).toContain('すでに人事担当者が判断しています');
    await click(hr1, 'hr.advance', { applicationId: id, action: 'select' });
    expect((await stored(id)).state).toBe('selected');
  });

  it('does not record the professional track as a tier', async () => {
    const id = await apply(shun, 'professional');
    await approve(hanako, id);
    for (const action of ['select', 'completeTraining', 'certify']) await click(hr1, 'hr.advance', { applicationId: id, action, confirmed: true });
    expect((await stored(id)).state).toBe('certified');
    expect(await harness.bot.repositories.certifications.find(harness.frameworkId, shun.aadObjectId)).toBeUndefined();
  });

  it('refuses to close a window that is not open, changing nothing', async () => {
    const card = await click(hr1, 'hr.window.close', { track: 'gold', fiscalYear: fy + 1 });
    expect(textOf(card)).toContain('受付中ではない');
    expect(await harness.bot.repositories.applicationWindows.find(harness.frameworkId, fy + 1, 'gold')).toBeUndefined();
  });

  it('refuses a window whose dates are not in the fiscal year it is saved under', async () => {
    const opens = jstDateAndTime(new Date(Date.now() - DAY).toISOString());
    const closes = jstDateAndTime(new Date(Date.now() + DAY).toISOString());
    const card = await click(hr1, 'hr.window.save', { ...windowInputs('silver', opens, closes), fiscalYear: fy - 1 });
    expect(textOf(card)).toContain(INVALID_WINDOW);
    expect(await harness.bot.repositories.applicationWindows.find(harness.frameworkId, fy - 1, 'silver')).toBeUndefined();
  });

  it('shows an approver whose decision was handed to someone else the state, without buttons', async () => {
    const id = await apply(emi, 'gold');
    await click(hr1, 'hr.reassign', { applicationId: id, approverEmail: 'jiro.w@example.city.jp' });
    const card = await click(hanako, 'approval.view', { applicationId: id });
    expect(textOf(card)).not.toContain(NOT_ALLOWED);
    expect(executeActions(card).filter((a) => a.verb === 'approval.decide')).toEqual([]);
  });
});
