import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { act, type Application } from '../../src/domain/applications/application';
import { nextWindow, type ApplicationWindow } from '../../src/domain/applications/applicationWindow';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { assessmentLine } from '../../src/features/applications/views/describe';
import { windowLine } from '../../src/features/applications/views/homeCard';
import { translator } from '../../src/i18n';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import type { Logger } from '../../src/logger';
import { createTableStorage } from '../../src/storage/tableStorage';
import { completedAssessment, kitakyushuActive, summaryOf } from '../support/allCards';
import { executeActions, startBotHarness, textOf, type BotHarness, type Card, type InvokeBody, type TestUser } from '../support/botHarness';
import { importRosterRows, meet, openWindows } from '../support/conversation';
import type { ConnectorCall } from '../support/fakeConnector';

// The roster is one data set per storage: importing one replaces any other. This file therefore runs against an
// Azurite of its own, so that no other test file's roster replaces these people halfway through.
let azurite: Azurite;
let harness: BotHarness;

const id = (): string => randomUUID();
const user = (name: string): TestUser => {
  const aad = id();
  return { id: `29:${aad}`, aadObjectId: aad, name };
};
/** Everyone on this file's roster (their manager is 門司 花子 unless said otherwise). */
const people = {
  taro: user('北九 太郎'), // 主事
  hanako: user('門司 花子'), // 課長, manager of most
  kenji: user('戸畑 健二'), // 係長: may join the professional track
  jiro: user('若松 次郎'), // 課長: may not join the professional track; never assessed
  saburo: user('八幡 三郎'), // 主任
  shiro: user('小倉 四郎'), // 主事, has a finished self-assessment
  goro: user('門司 五郎'), // 主事
  rokuro: user('戸畑 六郎'), // 主事
  shichiro: user('若松 七郎'), // 主事
  hachiro: user('八幡 八郎'), // 主事, only ever talks to the bot whose windows are closed
  kuro: user('小倉 九郎'), // 主事
  kanae: user('戸畑 加奈恵'), // 課長, whose Teams client sends her Entra id in upper case; manager of 徹
  toru: user('若松 徹'), // 主事
  juro: user('門司 十郎'), // 主事
  yumi: user('到津 由美'), // 主任, HR
  boss: user('小倉 一郎'), // 部長, manager of 花子 and 次郎; never talked to the bot
};
const { taro, hanako, kenji, jiro, saburo, shiro, goro, rokuro, shichiro, hachiro, kuro, juro, kanae, toru, yumi, boss } = people;

const MOTIVATION = '窓口のオンライン予約を全区に広げ、待ち時間を減らしたいです。';
const ja = translator('ja');
const fiscalYear = fiscalYearOf(new Date());
const DAY = 86_400_000;

/** What the bot logs as a warning: refusals are logged, and an outsider's look at an application is. */
const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
const recordingLogger: Logger = { info: () => undefined, warn: (message, fields) => warnings.push({ message, fields }), error: () => undefined };

beforeAll(async () => {
  azurite = await startAzurite();
  await createTableStorage({ connectionString: azurite.connectionString }).ensureTables();
  harness = await startBotHarness({ connectionString: azurite.connectionString, logger: recordingLogger });
  const row = (no: string, p: TestUser, email: string, grade: string, manager: string, roles = ''): string =>
    `${no},${p.name},${email},${p.aadObjectId},市民局,区政推進課,${grade},${manager},${roles}`;
  await importRosterRows(harness, [
    row('E01', taro, 'taro@example.city.jp', '主事', 'hanako@example.city.jp'),
    row('E02', hanako, 'hanako@example.city.jp', '課長', 'boss@example.city.jp'),
    row('E03', kenji, 'kenji@example.city.jp', '係長', 'hanako@example.city.jp'),
    row('E04', jiro, 'jiro@example.city.jp', '課長', 'boss@example.city.jp'),
    row('E05', saburo, 'saburo@example.city.jp', '主任', 'hanako@example.city.jp'),
    row('E06', shiro, 'shiro@example.city.jp', '主事', 'hanako@example.city.jp'),
    row('E07', goro, 'goro@example.city.jp', '主事', 'hanako@example.city.jp'),
    row('E08', rokuro, 'rokuro@example.city.jp', '主事', 'hanako@example.city.jp'),
    row('E09', shichiro, 'shichiro@example.city.jp', '主事', 'hanako@example.city.jp'),
    row('E10', hachiro, 'hachiro@example.city.jp', '主事', 'hanako@example.city.jp'),
    row('E11', kuro, 'kuro@example.city.jp', '主事', 'hanako@example.city.jp'),
    row('E12', juro, 'juro@example.city.jp', '主事', 'hanako@example.city.jp'),
    row('E13', yumi, 'yumi@example.city.jp', '主任', 'hanako@example.city.jp', 'hr'),
    row('E14', boss, 'boss@example.city.jp', '部長', ''),
    row('E15', kanae, 'kanae@example.city.jp', '課長', 'boss@example.city.jp'),
    row('E16', toru, 'toru@example.city.jp', '主事', 'kanae@example.city.jp'),
  ]);
  await openWindows(harness);
  // The manager has talked to the bot, so approval requests can reach them.
  await meet(harness, [hanako]);
});
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

/** Clicks a button as `who`: the invoke must answer 200 with a card, which is returned. */
async function click(who: TestUser, verb: string, data: Record<string, unknown>, h: BotHarness = harness): Promise<Card> {
  const { status, body } = await h.click(verb, data, { user: who });
  expect({ verb, status, type: body.type }).toEqual({ verb, status: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return body.value;
}

/** The conversation id of someone's personal chat with the bot. */
const chatOf = (who: TestUser): string => `a:${who.id}`;

/** The application as stored, if any. */
async function stored(who: TestUser, track: string, h: BotHarness = harness): Promise<Application | undefined> {
  const found = await h.bot.repositories.applications.list(h.frameworkId, fiscalYear, { applicantId: who.aadObjectId, track });
  return found[0]?.application;
}

/** What the applicant sends: a motivation, and whether to attach the latest self-assessment. */
const draft = (track: string, motivation = MOTIVATION, attachAssessment: 'true' | 'false' = 'false'): Record<string, unknown> => ({
  track,
  motivation,
  attachAssessment,
});

/**
 * Submits an application as `who` and returns the approval request it sent to 門司 花子 (her card, as her chat shows it).
 */
async function apply(who: TestUser, track: string, motivation = MOTIVATION, attach: 'true' | 'false' = 'false'): Promise<Card> {
  const before = harness.connector.activities(chatOf(hanako)).length;
  const done = await click(who, 'application.submit', draft(track, motivation, attach));
  expect(textOf(done)).toContain('門司 花子さんに承認依頼を送りました');
  const sent = await harness.connector.waitForActivities(before + 1, { conversationId: chatOf(hanako) });
  return sent[sent.length - 1]!.attachments![0]!.content as Card;
}

/** The data of a button on a card, found by verb (and decision, for the approval card). */
function button(card: Card, verb: string, decision?: string): Record<string, unknown> {
  const found = executeActions(card).find((a) => a.verb === verb && (!decision || (a.data as { decision?: string }).decision === decision));
  if (!found) throw new Error(`no ${verb} ${decision ?? ''} button on ${textOf(card)}`);
  return found.data as Record<string, unknown>;
}

/** What the bot sends to someone's chat during `action` (proactive messages). */
async function sentTo(who: TestUser, action: () => Promise<unknown>, expected = 1): Promise<Partial<Activity>[]> {
  const before = harness.connector.activities(chatOf(who)).length;
  await action();
  if (expected === 0) {
    // Nothing is awaited in the background: anything sent was sent before the invoke answered.
    return harness.connector.activities(chatOf(who)).slice(before);
  }
  return (await harness.connector.waitForActivities(before + expected, { conversationId: chatOf(who) })).slice(before);
}

/** The id the connector gave the last message the bot sent to someone's chat. */
function lastSentId(who: TestUser): string {
  const sends = harness.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chatOf(who) && c.status === 201);
  return (sends[sends.length - 1]!.response as { id: string }).id;
}

/** Clicks a button on a given message, as Teams does (the invoke's replyToId names the message). */
async function clickOn(activityId: string, who: TestUser, verb: string, data: Record<string, unknown>): Promise<Card> {
  const value = { action: { type: 'Action.Execute', verb, data } };
  const { status, body } = await harness.post(harness.activity({ type: 'invoke', name: 'adaptiveCard/action', value, replyToId: activityId }, { user: who }));
  expect(status).toBe(200);
  return (body as InvokeBody).value;
}

const NOT_FOUND = 'この応募は見つかりませんでした';
const NOT_ALLOWED = 'この操作を行う権限がありません。';
const ROSTER_REQUIRED = '職員名簿にお名前が見つかりません';

/** An application id as the bot makes them (year, track, applicant) for an application nobody made. */
const missingId = (track: string): string => `${fiscalYear}-${track}-${id()}`;

/**
 * What `who` is told on clicking `verb` with `data` about an application it does not concern: asserts that it is the
 * very card a missing application gets (ids are predictable, so nobody learns who applied), that it shows nothing of
 * the application, and that the bot logged the outsider. Returns the card.
 */
async function hiddenFrom(who: TestUser, verb: string, data: Record<string, unknown>, application: Application): Promise<Card> {
  const before = warnings.length;
  const card = await click(who, verb, data);
  expect(textOf(card)).toContain(NOT_FOUND);
  expect(textOf(card)).not.toContain(application.applicant.name);
  expect(textOf(card)).not.toContain(application.motivation);
  expect(card).toEqual(await click(who, verb, { ...data, applicationId: missingId(application.track) }));
  expect(warnings.slice(before)).toContainEqual({
    message: 'application hidden from an outsider',
    fields: { applicationId: application.id, by: who.aadObjectId },
  });
  return card;
}
const INVALID_ACTION = 'この操作は実行できません';
const MOTIVATION_RULE = '応募の動機は10〜800文字で入力してください';

describe('applying and approving', () => {
  it('an employee applies, the manager gets a card and approves, the employee hears of it', async () => {
    const home = await click(taro, 'application.open', {});
    expect(textOf(home)).toContain('受付中');
    const form = await click(taro, 'application.form', { track: 'silver' });
    expect(textOf(form)).toContain('シルバーに応募する');
    const confirm = await click(taro, 'application.confirm', draft('silver'));
    expect(textOf(confirm)).toContain('門司 花子');
    expect(await stored(taro, 'silver')).toBeUndefined();
    const card = await apply(taro, 'silver');
    expect(textOf(card)).toContain('北九 太郎');
    const approve = button(card, 'approval.decide', 'approve');

    // 健二 is neither its applicant nor its approver: to him it does not exist, and nothing changes.
    const submitted = (await stored(taro, 'silver'))!;
    await hiddenFrom(kenji, 'approval.decide', approve, submitted);
    expect(await stored(taro, 'silver')).toEqual(submitted);
    const own = await click(taro, 'approval.decide', approve);
    expect(textOf(own)).toContain('ご自身の応募は承認・判定できません');

    const [news] = await sentTo(taro, async () => {
      const decided = await click(hanako, 'approval.decide', approve);
      expect(textOf(decided)).toContain('上司が承認');
      expect(textOf(decided)).toContain('門司 花子');
    });
    expect(textOf(news!.attachments![0]!.content)).toContain('上司が承認');

    const again = await click(hanako, 'approval.decide', approve);
    expect(textOf(again)).toContain('門司 花子さんがすでに「上司が承認（選考待ち）」としました');
    expect((await stored(taro, 'silver'))!.state).toBe('approved');
  });
});

describe('who may apply for what', () => {
  it('lets a grade above 係長 (課長) apply for the professional track, saying HR decides, and marks the application for HR', async () => {
    const home = await click(jiro, 'application.open', {});
    // The order of grades is the roster's, not the strategy's (「職位が係長以下など」): the bot does not turn anyone away on it.
    expect(textOf(home)).toContain('職員名簿の職位（課長）は、応募要件「係長以下」に当たりません。応募はできます。要件を満たすかどうかは人事担当者が判断します。');
    expect(textOf(home)).toContain('職位の順「主事・主任・係長・課長・部長」は戦略に書かれたものではなく');
    const tracks = executeActions(home).filter((a) => a.verb === 'application.form').map((a) => (a.data as { track: string }).track);
    expect(tracks.sort()).toEqual(['gold', 'professional', 'silver']);
    expect(textOf(await click(jiro, 'application.submit', draft('professional')))).toContain('小倉 一郎さん');
    expect(await stored(jiro, 'professional')).toMatchObject({ state: 'submitted', gradeCheck: 'gradeAbove' });
  });

  it('lets 係長 and below join the professional track', async () => {
    const form = await click(kenji, 'application.form', { track: 'professional' });
    expect(textOf(form)).toContain('プロフェッショナルトラック（DX）に応募する');
    const card = await apply(kenji, 'professional');
    expect(textOf(card)).toContain('戸畑 健二');
    expect(textOf(card)).toContain('係長');
    expect((await stored(kenji, 'professional'))!.state).toBe('submitted');
    expect((await stored(kenji, 'professional'))!.gradeCheck).toBeUndefined();
  });

  it('never gates Gold or Silver on a level or skills: a 課長 with no self-assessment applies for Gold', async () => {
    const form = await click(jiro, 'application.form', { track: 'gold' });
    expect(textOf(form)).toContain('応募時点で必須スキルやレベルは問われません。');
    expect(textOf(form)).toContain('自己診断の結果はまだありません（添付しなくても応募できます）。');
    expect(executeActions(form).map((a) => a.verb)).toContain('application.confirm');
    // Asking to attach an assessment one does not have attaches nothing, and refuses nothing.
    const done = await click(jiro, 'application.submit', draft('gold', MOTIVATION, 'true'));
    // 次郎's manager has never opened the bot: the request waits for him (see approvalInbox.test.ts).
    expect(textOf(done)).toContain('小倉 一郎さんはまだDX Naviを開いたことがないため、承認依頼はまだ届いていません。小倉 一郎さんがDX Naviを開くと届きます。');
    const application = await stored(jiro, 'gold');
    expect(application).toMatchObject({ state: 'submitted', approver: { aadObjectId: boss.aadObjectId, name: '小倉 一郎' } });
    expect(application!.assessment).toBeUndefined();
  });

  it('turns away an employee who is not on the roster, clearly, and stores nothing', async () => {
    const nobody = user('名簿 にない');
    const before = warnings.length;
    const home = await click(nobody, 'application.open', {});
    expect(textOf(home)).toContain(ROSTER_REQUIRED);
    // Why, and that nothing of theirs was kept; the framework stays open to them.
    expect(textOf(home)).toContain('あなたについては何も記録していません');
    expect(executeActions(home).map((a) => a.verb)).toEqual(['framework.ladder', 'menu.show']);
    for (const verb of ['application.form', 'application.confirm', 'application.submit']) {
      const card = await click(nobody, verb, draft('gold'));
      expect({ verb, card }).toEqual({ verb, card: home });
    }
    expect(await stored(nobody, 'gold')).toBeUndefined();
    // Not being on the roster is no refusal to log, and nothing of theirs is kept, not even where to reach them.
    expect(warnings.slice(before)).toEqual([]);
    expect(await harness.bot.repositories.conversations.find('user', nobody.aadObjectId)).toBeUndefined();
    // (Where the staff's references are: 花子, on the roster, has one since she opened the bot.)
    expect(await harness.bot.repositories.conversations.find('user', hanako.aadObjectId)).toBeDefined();
  });

  it('refuses a track that is not one of the application tracks (a tampered card)', async () => {
    const card = await click(taro, 'application.submit', draft('bronze'));
    expect(textOf(card)).toContain('この区分には応募できません。');
    expect(await stored(taro, 'bronze')).toBeUndefined();
  });

  it('says in a team channel that applications are personal, for a message and for a button', async () => {
    const channel = { id: `19:${id()}@thread.tacv2`, conversationType: 'channel', tenantId: 'tenant-1', isGroup: true, name: 'DX推進' };
    const message = harness.activity({ type: 'message', text: '応募', conversation: channel }, { user: saburo });
    expect((await harness.post(message)).status).toBeLessThan(300);
    const [reply] = await harness.connector.waitForActivities(1, { conversationId: channel.id });
    const value = { action: { type: 'Action.Execute', verb: 'application.submit', data: draft('gold') } };
    const invoke = harness.activity({ type: 'invoke', name: 'adaptiveCard/action', value, conversation: channel }, { user: saburo });
    const { status, body } = await harness.post(invoke);
    expect(status).toBe(200);
    for (const card of [reply!.attachments![0]!.content as Card, (body as InvokeBody).value]) {
      expect(textOf(card)).toContain('応募・申請');
      expect(textOf(card)).toContain('個人チャット');
    }
    expect(await stored(saburo, 'gold')).toBeUndefined();
  });

  it('in a team channel the notice is about applications, not about the self-assessment', async () => {
    const channel = { id: `19:${id()}@thread.tacv2`, conversationType: 'channel', tenantId: 'tenant-1', isGroup: true, name: 'DX推進' };
    const value = { action: { type: 'Action.Execute', verb: 'application.open', data: {} } };
    const invoke = harness.activity({ type: 'invoke', name: 'adaptiveCard/action', value, conversation: channel }, { user: saburo });
    const { body } = await harness.post(invoke);
    expect(textOf((body as InvokeBody).value)).not.toContain('自己診断');
  });
});

describe('outside the application window', () => {
  let closed: BotHarness;
  const now = Date.now();
  /** Gold: this year's window is over, HR has set the next one. Silver: over, and the next is the rules' plan. */
  const windows = (frameworkId: string): ApplicationWindow[] => [
    { frameworkId, fiscalYear, track: 'gold', opensAt: new Date(now - 60 * DAY).toISOString(), closesAt: new Date(now - 30 * DAY).toISOString() },
    { frameworkId, fiscalYear: fiscalYear + 1, track: 'gold', opensAt: new Date(now + 30 * DAY).toISOString(), closesAt: new Date(now + 60 * DAY).toISOString() },
    { frameworkId, fiscalYear, track: 'silver', opensAt: new Date(now - 60 * DAY).toISOString(), closesAt: new Date(now - 30 * DAY).toISOString() },
  ];
  beforeAll(async () => {
    // A bot of its own (another framework id, so other windows), on the same storage and roster.
    closed = await startBotHarness({ connectionString: azurite.connectionString });
    for (const window of windows(closed.frameworkId)) await closed.bot.repositories.applicationWindows.save(window);
  });
  afterAll(async () => {
    await closed?.stop();
  });

  it('says the window is closed, names the next one, offers no way to apply and stores nothing', async () => {
    const { framework } = kitakyushuActive();
    const set = windows(closed.frameworkId);
    const next = (track: string): string => windowLine(nextWindow(framework, track, set, new Date()), ja, 'ja');
    expect(next('gold')).toMatch(/^次の募集：/);
    expect(next('silver')).toMatch(/^次の募集（予定）：/);

    const home = await click(hachiro, 'application.open', {}, closed);
    for (const track of ['gold', 'silver', 'professional']) expect(textOf(home)).toContain(next(track));
    expect(executeActions(home).filter((a) => a.verb === 'application.form')).toEqual([]);
    for (const [track, name] of [['gold', 'ゴールド'], ['silver', 'シルバー']] as const) {
      for (const verb of ['application.form', 'application.confirm', 'application.submit']) {
        const card = await click(hachiro, verb, draft(track), closed);
        expect({ verb, text: textOf(card) }).toEqual({ verb, text: expect.stringContaining(`${name}の募集期間外です。${next(track)}`) as unknown });
      }
      expect(await stored(hachiro, track, closed)).toBeUndefined();
    }
  });
});

describe('the application itself', () => {
  it('requires a motivation of 10 to 800 characters: too short, blank or too long is refused and nothing is stored', async () => {
    for (const motivation of ['', '短すぎます', '   　　　　　　　　　あ   ', 'あ'.repeat(9), 'あ'.repeat(801)]) {
      for (const verb of ['application.confirm', 'application.submit']) {
        const card = await click(saburo, verb, draft('silver', motivation));
        expect({ verb, motivation, text: textOf(card) }).toEqual({ verb, motivation, text: expect.stringContaining(MOTIVATION_RULE) as unknown });
        // The way back is the form, with what was written kept.
        expect(button(card, 'application.form')).toEqual({ track: 'silver', motivation: motivation.slice(0, 800) });
      }
    }
    // More than a card's input ever sends is not even read.
    const huge = await click(saburo, 'application.submit', draft('silver', 'あ'.repeat(2001)));
    expect(textOf(huge)).toContain(INVALID_ACTION);
    expect(await stored(saburo, 'silver')).toBeUndefined();
    // The limits themselves are accepted (spaces around do not count).
    for (const motivation of ['あ'.repeat(10), ` ${'あ'.repeat(800)} `]) {
      const card = await click(saburo, 'application.confirm', draft('silver', motivation));
      expect(textOf(card)).toContain('応募内容の確認');
    }
  });

  it('counts a motivation in characters: 5 emoji are too short, 800 are not too long', async () => {
    const short = await click(saburo, 'application.confirm', draft('silver', '😀'.repeat(5)));
    expect(textOf(short)).toContain(MOTIVATION_RULE);
    const long = await click(saburo, 'application.confirm', draft('silver', '😀'.repeat(800)));
    expect(textOf(long)).toContain('応募内容の確認');
  });

  it('attaches the latest self-assessment when asked, and the manager sees its summary', async () => {
    const { framework } = kitakyushuActive();
    const assessment = { ...completedAssessment(framework, shiro.aadObjectId, new Date(Date.now() - DAY)), frameworkId: harness.frameworkId };
    await harness.bot.repositories.assessments.create(assessment);
    const summary = assessmentLine(framework, summaryOf(assessment), ja, 'ja');

    const form = await click(shiro, 'application.form', { track: 'gold' });
    expect(textOf(form)).toContain(`最新の自己診断の結果を添付する（${summary}）`);
    const confirm = await click(shiro, 'application.confirm', draft('gold', MOTIVATION, 'true'));
    expect(textOf(confirm)).toContain(summary);
    expect(button(confirm, 'application.submit')).toEqual(draft('gold', MOTIVATION, 'true'));
    const card = await apply(shiro, 'gold', MOTIVATION, 'true');
    expect(textOf(card)).toContain(summary);
    expect((await stored(shiro, 'gold'))!.assessment).toEqual(summaryOf(assessment));

    // Not attached: the manager sees that it is not.
    const confirmWithout = await click(shiro, 'application.confirm', draft('silver'));
    expect(textOf(confirmWithout)).toContain('添付しない');
    const without = await apply(shiro, 'silver');
    expect(textOf(without)).toContain('添付なし');
    expect(textOf(without)).not.toContain(summary);
  });

  it('allows one active application per track and fiscal year; after withdrawing, a new one is accepted', async () => {
    await apply(saburo, 'gold');
    const first = (await stored(saburo, 'gold'))!;
    for (const verb of ['application.form', 'application.confirm', 'application.submit']) {
      const card = await click(saburo, verb, draft('gold', '二通目の応募です。もう一度送ります。'));
      expect({ verb, text: textOf(card) }).toEqual({ verb, text: expect.stringContaining('この区分には今年度すでに応募しています。') as unknown });
    }
    expect(await stored(saburo, 'gold')).toEqual(first);
    // The home card offers to withdraw it, not to apply again.
    const home = await click(saburo, 'application.open', {});
    expect(textOf(home)).toContain('あなたの応募：上司の承認待ち');
    expect(button(home, 'application.withdraw')).toEqual({ applicationId: first.id });

    // Withdrawing takes a second, deliberate click.
    const ask = await click(saburo, 'application.withdraw', { applicationId: first.id });
    expect(textOf(ask)).toContain('ゴールドへの応募を取り下げます。よろしいですか？');
    expect((await stored(saburo, 'gold'))!.state).toBe('submitted');
    const done = await click(saburo, 'application.withdraw', button(ask, 'application.withdraw'));
    expect(textOf(done)).toContain('応募を取り下げました。');
    expect((await stored(saburo, 'gold'))!.state).toBe('withdrawn');

    await apply(saburo, 'gold', '改めて応募します。窓口のオンライン化に取り組みたいです。');
    const again = (await stored(saburo, 'gold'))!;
    expect(again.state).toBe('submitted');
    expect(again.id).toBe(first.id);
    expect(again.trail.map((e) => e.action)).toEqual(['submit', 'withdraw', 'submit']);
  });

  it('makes one application of two submissions at once, and asks the manager once', async () => {
    const before = harness.connector.activities(chatOf(hanako)).length;
    const [a, b] = await Promise.all([
      click(shichiro, 'application.submit', draft('silver')),
      click(shichiro, 'application.submit', draft('silver', '同時に送った二通目の応募の動機です。')),
    ]);
    const texts = [textOf(a), textOf(b)];
    expect(texts.filter((text) => text.includes('門司 花子さんに承認依頼を送りました'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('この区分には今年度すでに応募しています。'))).toHaveLength(1);
    expect(harness.connector.activities(chatOf(hanako)).slice(before)).toHaveLength(1);
    expect((await stored(shichiro, 'silver'))!.trail.map((e) => e.action)).toEqual(['submit']);
  });

  it('answers the same form sent twice (a double click, at once or one after the other) as one success, asking once', async () => {
    const before = harness.connector.activities(chatOf(hanako)).length;
    const success = '門司 花子さんに承認依頼を送りました';
    const both = await Promise.all([click(juro, 'application.submit', draft('gold')), click(juro, 'application.submit', draft('gold'))]);
    expect(both.map((card) => textOf(card).includes(success))).toEqual([true, true]);
    const again = await click(juro, 'application.submit', draft('gold'));
    expect(textOf(again)).toContain(success);
    expect(harness.connector.activities(chatOf(hanako)).slice(before)).toHaveLength(1);
    expect((await stored(juro, 'gold'))!.trail.map((e) => e.action)).toEqual(['submit']);
    // Other words for the same track are another application: refused, not taken for a repeat.
    const other = await click(juro, 'application.submit', draft('gold', '別の動機で、もう一度応募しようとしています。'));
    expect(textOf(other)).toContain('この区分には今年度すでに応募しています。');
  });

  it('shows the motivation to the manager exactly as written, markup and placeholders included', async () => {
    const motivation = '{by} と $when と <b>太字</b> と **強調** を含む、応募の動機です。';
    const confirm = await click(kenji, 'application.confirm', draft('silver', motivation));
    expect(textOf(confirm).split('\n')).toContain(motivation);
    const card = await apply(kenji, 'silver', motivation);
    expect(textOf(card).split('\n')).toContain(motivation);
    expect((await stored(kenji, 'silver'))!.motivation).toBe(motivation);
  });

  // Regression: renderCard once took any "${" in a card, user text included, for an unresolved template field (the
  // confirmation failed; a submission was stored but never reached the manager, whose every view of it failed too).
  it('takes a motivation containing "${" verbatim, and the manager gets the request', async () => {
    const motivation = 'テンプレート風の ${applicant} を含む応募の動機です。';
    const confirm = await click(kuro, 'application.confirm', draft('silver', motivation));
    expect(textOf(confirm).split('\n')).toContain(motivation);
    const card = await apply(kuro, 'silver', motivation);
    expect(textOf(card).split('\n')).toContain(motivation);
  });

  it('lets only the applicant withdraw (anyone else is told "not found"), and only before a decision', async () => {
    const card = await apply(rokuro, 'silver');
    const application = (await stored(rokuro, 'silver'))!;
    for (const other of [hanako, kenji, yumi]) {
      for (const data of [{ applicationId: application.id }, { applicationId: application.id, confirmed: true }]) {
        const refused = await click(other, 'application.withdraw', data);
        expect(textOf(refused)).toContain(NOT_FOUND);
      }
    }
    expect(await stored(rokuro, 'silver')).toEqual(application);

    await click(hanako, 'approval.decide', button(card, 'approval.decide', 'approve'));
    for (const data of [{ applicationId: application.id }, { applicationId: application.id, confirmed: true }]) {
      const late = await click(rokuro, 'application.withdraw', data);
      expect(textOf(late)).toContain('門司 花子さんがすでに「上司が承認（選考待ち）」としました');
    }
    expect((await stored(rokuro, 'silver'))!.state).toBe('approved');
    const home = await click(rokuro, 'application.open', {});
    expect(executeActions(home).filter((a) => a.verb === 'application.withdraw')).toEqual([]);
  });
});

describe('after the manager\'s decision', () => {
  // Regression: the home card once hid "apply" after "not selected" while the bot accepted a new application.
  it('offers to apply again exactly when the bot would accept it (after "not selected")', async () => {
    const card = await apply(rokuro, 'gold');
    await click(hanako, 'approval.decide', button(card, 'approval.decide', 'approve'));
    // HR's selection: not selected this time.
    const approved = (await harness.bot.repositories.applications.list(harness.frameworkId, fiscalYear, { applicantId: rokuro.aadObjectId, track: 'gold' }))[0]!;
    const outcome = act(approved.application, { aadObjectId: yumi.aadObjectId, name: yumi.name, isHr: true }, 'notSelect', new Date());
    if (!outcome.ok) throw new Error(outcome.refusal);
    await harness.bot.repositories.applications.update(outcome.application, approved.etag);

    const home = await click(rokuro, 'application.open', {});
    const offered = executeActions(home).some((a) => a.verb === 'application.form' && (a.data as { track: string }).track === 'gold');
    const answer = await click(rokuro, 'application.submit', draft('gold', '選考結果を受けて、もう一度応募します。'));
    const accepted = textOf(answer).includes('承認依頼を送りました');
    expect({ offered, accepted }).toEqual({ offered: accepted, accepted: offered });
  });
});

describe('the manager\'s decision', () => {
  it('needs a comment to reject (nothing changes without one); with one, the applicant hears it', async () => {
    const card = await apply(goro, 'silver');
    const reject = button(card, 'approval.decide', 'reject');
    const before = (await stored(goro, 'silver'))!;
    const silent = await sentTo(
      goro,
      async () => {
        for (const comment of [undefined, '', '   　 ']) {
          const refused = await click(hanako, 'approval.decide', comment === undefined ? reject : { ...reject, comment });
          expect({ comment, text: textOf(refused) }).toEqual({ comment, text: expect.stringContaining('差し戻す場合はコメントを入力してください。') as unknown });
        }
      },
      0,
    );
    expect(silent).toEqual([]);
    expect(await stored(goro, 'silver')).toEqual(before);

    const comment = '今年度は係の体制が整わないため、来年度の応募をお願いします。';
    const [news] = await sentTo(goro, async () => {
      const decided = await click(hanako, 'approval.decide', { ...reject, comment });
      expect(textOf(decided)).toContain('上司が差し戻し');
      expect(textOf(decided)).toContain(`コメント：${comment}`);
      expect(executeActions(decided).filter((a) => a.verb === 'approval.decide')).toEqual([]);
    });
    const told = textOf(news!.attachments![0]!.content);
    expect(told).toContain('シルバーへの応募：上司が差し戻し（門司 花子');
    expect(told).toContain(`コメント：${comment}`);
    const after = (await stored(goro, 'silver'))!;
    expect(after.state).toBe('rejected');
    expect(after.trail[after.trail.length - 1]).toMatchObject({ action: 'reject', by: hanako.aadObjectId, comment });

    // Not approved is not the end: the employee may apply again this year.
    await apply(goro, 'silver', '体制が整ったので、改めて応募します。');
    expect((await stored(goro, 'silver'))!.state).toBe('submitted');
  });

  // Regression: the rejection was once stored while the manager's card and the applicant's notice failed to render.
  it('rejects with a comment containing "${" and tells the applicant', async () => {
    const card = await apply(juro, 'silver');
    const comment = '${x} の件は、来年度にお願いします。';
    const before = harness.connector.activities(chatOf(juro)).length;
    const decided = await click(hanako, 'approval.decide', { ...button(card, 'approval.decide', 'reject'), comment });
    expect(textOf(decided)).toContain(`コメント：${comment}`);
    // Each click finishes its messages before it answers.
    const [news] = harness.connector.activities(chatOf(juro)).slice(before);
    expect(textOf(news?.attachments?.[0]?.content)).toContain(comment);
  });

  it('makes one decision of two clicks at once; the other is told who decided and how', async () => {
    const card = await apply(shichiro, 'gold');
    const approve = button(card, 'approval.decide', 'approve');
    const reject = { ...button(card, 'approval.decide', 'reject'), comment: '同時に押した差し戻しです。' };
    const before = harness.connector.activities(chatOf(shichiro)).length;
    const [a, b] = await Promise.all([click(hanako, 'approval.decide', approve), click(hanako, 'approval.decide', reject)]);
    const application = (await stored(shichiro, 'gold'))!;
    expect(['approved', 'rejected']).toContain(application.state);
    expect(application.trail.filter((e) => e.action === 'approve' || e.action === 'reject')).toHaveLength(1);
    const label = application.state === 'approved' ? '上司が承認（選考待ち）' : '上司が差し戻し';
    const texts = [textOf(a), textOf(b)];
    expect(texts.filter((text) => text.includes(`門司 花子さんがすでに「${label}」としました`))).toHaveLength(1);
    expect(texts.filter((text) => text.includes(`${label}：門司 花子`) && !text.includes('すでに'))).toHaveLength(1);
    // The applicant hears of the one decision only (each click finished its messages before it answered).
    const news = harness.connector.activities(chatOf(shichiro)).slice(before);
    expect(news).toHaveLength(1);
    expect(textOf(news[0]!.attachments![0]!.content)).toContain(`ゴールドへの応募：${label}`);
  });

  it('changes nothing for a tampered application id: another person\'s, another year\'s, or a malformed one', async () => {
    const card = await apply(kenji, 'gold');
    const application = (await stored(kenji, 'gold'))!;
    const approve = button(card, 'approval.decide', 'approve');
    // Another person's application, to people it does not concern (the applicant of another, a manager who is not
    // the approver): it is as unknown to them as one that does not exist.
    for (const who of [taro, boss]) {
      await hiddenFrom(who, 'approval.decide', approve, application);
    }
    // HR may see every application, but deciding for the manager is not theirs to do.
    expect(textOf(await click(yumi, 'approval.decide', approve))).toContain(NOT_ALLOWED);
    // The applicant points the id at someone else's application, or edits it.
    const taroSilver = (await stored(taro, 'silver'))!;
    const withdrawOther = await click(kenji, 'application.withdraw', { applicationId: taroSilver.id, confirmed: true });
    expect(textOf(withdrawOther)).toContain(NOT_FOUND);
    const otherYear = application.id.replace(/^\d{4}/, String(fiscalYear - 1));
    const unknown = `${fiscalYear}-gold-${id()}`;
    for (const applicationId of [otherYear, unknown]) {
      expect(textOf(await click(hanako, 'approval.decide', { ...approve, applicationId }))).toContain(NOT_FOUND);
      expect(textOf(await click(kenji, 'application.withdraw', { applicationId, confirmed: true }))).toContain(NOT_FOUND);
    }
    const malformed = [
      application.id.toUpperCase(),
      `${application.id}x`,
      "2026-gold-' or 1 eq 1",
      `${fiscalYear}-gold-${kenji.aadObjectId.slice(0, 8)}`,
      '../2026-gold',
      42,
    ];
    for (const applicationId of malformed) {
      for (const [who, verb] of [[hanako, 'approval.decide'], [hanako, 'approval.view'], [kenji, 'application.withdraw']] as const) {
        const refused = await click(who, verb, { ...approve, applicationId, confirmed: true });
        expect({ applicationId, verb, text: textOf(refused) }).toEqual({ applicationId, verb, text: expect.stringContaining(INVALID_ACTION) as unknown });
      }
    }
    expect(await stored(kenji, 'gold')).toEqual(application);
    expect(await stored(taro, 'silver')).toEqual(taroSilver);
  });
});

describe('people whose Teams client sends their Entra id in upper case', () => {
  it('still get the approval request, and the applicant the decision', async () => {
    const upper = (who: TestUser): TestUser => ({ ...who, aadObjectId: who.aadObjectId.toUpperCase() });
    await harness.say('メニュー', { user: upper(kanae) });
    const before = harness.connector.activities(chatOf(kanae)).length;
    const done = await click(upper(toru), 'application.submit', draft('gold'));
    expect(textOf(done)).toContain('戸畑 加奈恵さんに承認依頼を送りました');
    const [request] = (await harness.connector.waitForActivities(before + 1, { conversationId: chatOf(kanae) })).slice(before);
    const card = request!.attachments![0]!.content as Card;
    const toToru = harness.connector.activities(chatOf(toru)).length;
    const decided = await click(upper(kanae), 'approval.decide', button(card, 'approval.decide', 'approve'));
    expect(textOf(decided)).toContain('上司が承認（選考待ち）：戸畑 加奈恵');
    expect(harness.connector.activities(chatOf(toru)).slice(toToru)).toHaveLength(1);
  });
});

describe('the approval card', () => {
  let request: Card;
  let requestActivityId: string;
  let application: Application;
  beforeAll(async () => {
    request = await apply(yumi, 'silver');
    requestActivityId = lastSentId(hanako);
    application = (await stored(yumi, 'silver'))!;
  });

  it('asks the approver\'s client to refresh it, and carries the buttons for the approver', () => {
    expect(request.refresh).toEqual({
      action: { type: 'Action.Execute', title: expect.any(String) as unknown, verb: 'approval.view', data: { applicationId: application.id } },
      userIds: [hanako.id],
    });
    expect(executeActions(request).filter((a) => a.verb === 'approval.decide').map((a) => (a.data as { decision: string }).decision)).toEqual([
      'approve',
      'reject',
    ]);
  });

  it('is unknown to an outsider, read-only for the applicant and HR, actionable for the approver', async () => {
    const view = { applicationId: application.id };
    // 健二 is neither its applicant, its approver nor HR: he is told what a missing application's id gets.
    const outsider = await hiddenFrom(kenji, 'approval.view', view, application);
    expect(textOf(outsider)).not.toContain(MOTIVATION);

    // 由美 is the applicant here, and HR too: read-only either way.
    const applicantView = await click(yumi, 'approval.view', view);
    expect(textOf(applicantView)).toContain('到津 由美');
    expect(textOf(applicantView)).toContain('門司 花子さんの承認待ちです。');
    expect(executeActions(applicantView).filter((a) => a.verb === 'approval.decide')).toEqual([]);
    expect(applicantView.refresh).toMatchObject({ userIds: [yumi.id] });

    const approverView = await click(hanako, 'approval.view', view);
    expect(executeActions(approverView).filter((a) => a.verb === 'approval.decide')).toHaveLength(2);
    expect(approverView.refresh).toMatchObject({ userIds: [hanako.id] });
  });

  it('shows HR who is not the applicant the card read-only', async () => {
    const card = await apply(taro, 'gold');
    const hrView = await click(yumi, 'approval.view', button(card, 'approval.view'));
    expect(textOf(hrView)).toContain('北九 太郎');
    expect(executeActions(hrView).filter((a) => a.verb === 'approval.decide')).toEqual([]);
  });

  // Regression: the approver's buttons were once shown only when the activity's id matched the roster's case.
  it('shows the buttons to the approver whose client sends the Entra id in upper case', async () => {
    const upper: TestUser = { ...hanako, aadObjectId: hanako.aadObjectId.toUpperCase() };
    const card = await click(upper, 'approval.view', { applicationId: application.id });
    expect(executeActions(card).filter((a) => a.verb === 'approval.decide')).toHaveLength(2);
  });

  it('after the decision, updates the request it sent (PUT), so every copy shows the decision', async () => {
    const puts = (): ConnectorCall[] => harness.connector.calls.filter((c) => c.method === 'PUT');
    const before = puts().length;
    const updatesBefore = harness.connector.updates(chatOf(hanako)).length;
    // Teams names the message whose button was clicked: the approval request the bot sent.
    const decided = await clickOn(requestActivityId, hanako, 'approval.decide', button(request, 'approval.decide', 'approve'));
    expect(textOf(decided)).toContain('上司が承認（選考待ち）：門司 花子');
    const updates = puts().slice(before);
    expect(updates.map((u) => ({ conversationId: u.conversationId, activityId: u.activityId, status: u.status }))).toEqual([
      { conversationId: chatOf(hanako), activityId: requestActivityId, status: 200 },
    ]);
    expect(harness.connector.updates(chatOf(hanako)).slice(updatesBefore)).toEqual([updates[0]!.body]);
    const card = (updates[0]!.body as Partial<Activity>).attachments![0]!.content as Card;
    expect(card).toEqual(decided);
    expect(executeActions(card).filter((a) => a.verb === 'approval.decide')).toEqual([]);
    expect(card.refresh).toMatchObject({ userIds: [hanako.id] });
  });

  it('replaces the message for everyone only for a card that refreshes: the next click on another card updates nothing', async () => {
    // teams-ai, left to itself, would go on replacing the clicked message for every later click on the same route.
    const puts = (): number => harness.connector.calls.filter((c) => c.method === 'PUT').length;
    const before = puts();
    const view = await clickOn(requestActivityId, hanako, 'approval.view', { applicationId: application.id });
    expect(view.refresh).toMatchObject({ userIds: [hanako.id] });
    expect(puts()).toBe(before + 1);
    const level = await clickOn(requestActivityId, hanako, 'framework.level', { level: 2 });
    expect(textOf(level)).toContain('Lv.2');
    expect(level.refresh).toBeUndefined();
    expect(puts()).toBe(before + 1);
  });

  // Regression: a refusal once replaced the approval card with a bare notice, leaving no buttons to decide with.
  it('a refused decision (no comment to reject) leaves the approver a way back to the buttons', async () => {
    // The invoke's card replaces the approval card for the approver; a bare notice would leave no buttons to decide with.
    const card = await apply(taro, 'professional');
    const puts = (): number => harness.connector.calls.filter((c) => c.method === 'PUT').length;
    const putsBefore = puts();
    const refused = await clickOn(lastSentId(hanako), hanako, 'approval.decide', button(card, 'approval.decide', 'reject'));
    expect(textOf(refused)).toContain('差し戻す場合はコメントを入力してください。');
    // Only the approver's view changes: the request in Teams still shows everyone the application waiting.
    expect(puts()).toBe(putsBefore);
    const ways = executeActions(refused).map((a) => a.verb);
    expect(ways.some((verb) => verb === 'approval.view' || verb === 'approval.decide')).toBe(true);
  });
});
