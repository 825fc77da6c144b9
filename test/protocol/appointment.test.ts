import { randomUUID } from 'node:crypto';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import type { Certification } from '../../src/storage/certificationRepository';
import { executeActions, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import { clickInChannel, importRosterRows, meet, sayTo, talkingTo } from '../support/conversation';
import { kunisakiLikeDocument, LEADER_NAME } from '../support/kunisakiLike';

// Kunisaki end to end: a bot whose framework has HR appoint a DX推進リーダー in every 係, through the real HTTP server
// and the fake Bot Connector. The roster is one data set per storage, so this file brings its own Azurite and people.

let azurite: Azurite;
let harness: BotHarness;

// ---------------------------------------------------------------------------------------------------------------
// What the bot says (the Japanese catalog).

const HR_ONLY = 'この操作は人事担当者のみ行えます';
const ROSTER_REQUIRED = '職員名簿にお名前が見つかりません';
const NO_APPOINTMENTS_HERE = '人事担当者が職員を任命する制度はありません';
const NOT_ON_ROSTER = 'は職員名簿にありません';
const UNKNOWN_TIER = 'は任命できる区分ではありません';
const CONFIRM_APPOINT = 'に任命しますか';
const CONFIRM_END = 'の任命を解除しますか';
const ALREADY = 'すでにDX推進リーダーに任命されています';
const CHANGED_MEANWHILE = 'ほかの担当者が先にこの職員の任命を変更しました';
const NOT_APPOINTED = 'いま任命されていません';
const NOTIFIED_APPOINTED = 'あなたはDX推進リーダーに任命されました';
const NOTIFIED_ENDED = 'あなたのDX推進リーダーの任命は解除されました';
const MINE_HELD = 'あなたはDX推進リーダーに任命されています';
const MINE_NONE = 'あなたは現在、任命されていません';
const summary = (covered: number, total: number): string => `DX推進リーダーがいる係：${covered} / ${total}`;

// ---------------------------------------------------------------------------------------------------------------
// The people: two HR officers in the information department, staff in four 係 and a 課長 with no 係.

interface Person extends TestUser {
  readonly email: string;
}

const roster: { person: Person; row: string }[] = [];
function person(name: string, email: string, department: string, section: string, grade: string, roles = ''): Person {
  const aadObjectId = randomUUID();
  const p: Person = { id: `29:${aadObjectId}`, aadObjectId, name, email };
  roster.push({ person: p, row: [`K${roster.length + 1}`, name, email, aadObjectId, department, section, grade, '', roles].join(',') });
  return p;
}

const hr1 = person('国見 由美', 'yumi@example.lg.jp', '政策企画課', '広報・DX推進係', '主任', 'hr');
const hr2 = person('姫島 誠', 'makoto@example.lg.jp', '政策企画課', '広報・DX推進係', '主事', 'hr');
const ichiro = person('国東 一郎', 'ichiro@example.lg.jp', '総務課', '総務係', '主任');
const jiro = person('国東 次郎', 'jiro@example.lg.jp', '総務課', '総務係', '主事');
const hanako = person('安岐 花子', 'hanako@example.lg.jp', '総務課', '人事係', '係長');
const kenta = person('武蔵 健太', 'kenta@example.lg.jp', '税務課', '課税係', '主任');
// A 課長 the roster puts under no 係: the department's own line in the coverage.
person('来浦 課長', 'kacho@example.lg.jp', '総務課', '', '課長');
/** Someone Teams knows but the roster does not. */
const stranger: TestUser = { id: '29:stranger', aadObjectId: randomUUID(), name: '名簿 にない' };
const SECTIONS = 5;

beforeAll(async () => {
  azurite = await startAzurite();
  harness = await startBotHarness({ connectionString: azurite.connectionString, frameworkDocument: kunisakiLikeDocument });
  await importRosterRows(harness, roster.map((r) => r.row));
  // Everyone on the roster has talked to the bot, so it can reach them with news of their appointment.
  await meet(harness, roster.map((r) => r.person));
}, 60_000);
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

// ---------------------------------------------------------------------------------------------------------------
// Helpers, so the tests read like the story they tell.

const { say, click, inbox } = talkingTo(() => harness);

/** The one button on a card with this verb (and data matching `where`). */
function button(card: Card, verb: string, where: Record<string, unknown> = {}): { verb: string; data: Record<string, unknown> } {
  const found = executeActions(card).filter(
    (a) => a.verb === verb && Object.entries(where).every(([k, v]) => (a.data as Record<string, unknown>)[k] === v),
  );
  expect(found).toHaveLength(1);
  return found[0]! as { verb: string; data: Record<string, unknown> };
}

/** HR's review of appointing someone: the confirmation card, nothing written. */
function review(hr: TestUser, email: string, tier = 'leader'): Promise<Card> {
  return click(hr, 'hr.appointment.review', { appointEmail: email, appointTier: tier });
}

/** HR appoints someone: review, then the confirmation's button. Returns the answer to the second click. */
async function appoint(hr: TestUser, who: Person, tier = 'leader'): Promise<Card> {
  const confirmation = await review(hr, who.email, tier);
  expect(textOf(confirmation)).toContain(CONFIRM_APPOINT);
  return click(hr, 'hr.appointment.confirm', button(confirmation, 'hr.appointment.confirm').data);
}

/** Every appointment stored for the framework, as plain rows. */
async function stored(): Promise<Certification[]> {
  const rows: Certification[] = [];
  for await (const page of harness.bot.repositories.certifications.pages(harness.frameworkId)) rows.push(...page);
  return rows.sort((a, b) => a.aadObjectId.localeCompare(b.aadObjectId));
}

/** Everything an appointment action could change, with ETags, to show that a refused action wrote nothing. */
async function everythingStored(): Promise<string> {
  const { certifications } = harness.bot.repositories;
  return JSON.stringify(await Promise.all(roster.map((r) => certifications.findWithEtag(harness.frameworkId, r.person.aadObjectId))));
}

/** What the bot keeps about someone the roster does not know: nothing, neither an appointment nor a way to reach them. */
async function keptAbout(who: TestUser): Promise<unknown[]> {
  const { certifications, conversations } = harness.bot.repositories;
  const kept = [await certifications.findWithEtag(harness.frameworkId, who.aadObjectId), await conversations.find('user', who.aadObjectId)];
  return kept.filter((k) => k !== undefined);
}

/** The section lines under a heading of the coverage card, up to the next heading. */
function linesUnder(card: Card, heading: string): string[] {
  const lines = textOf(card).split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && /がいる係|がいない係|そのほかの任命|職員を任命する/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

// ---------------------------------------------------------------------------------------------------------------

describe('appointments in a framework where HR appoints a DX推進リーダー per 係', () => {
  it('shows HR every 係 without a leader, by each chat word', async () => {
    for (const word of ['任命', LEADER_NAME, 'appointments', '任命。']) {
      const card = await say(hr1, word);
      expect({ word, text: textOf(card) }).toEqual({ word, text: expect.stringContaining(summary(0, SECTIONS)) as unknown });
      expect(linesUnder(card, `DX推進リーダーがいない係（${SECTIONS}）`)).toEqual([
        '政策企画課 広報・DX推進係（職員 2人）',
        '税務課 課税係（職員 1人）',
        '総務課（係の指定なし）（職員 1人）',
        '総務課 人事係（職員 1人）',
        '総務課 総務係（職員 2人）',
      ]);
      // The form offers the tiers the framework appoints to, the per-section one first.
      expect(executeActions(card).map((a) => a.verb)).toEqual(['hr.appointment.review', 'hr.appointments', 'menu.show']);
    }
    expect(await stored()).toEqual([]);
  });

  it('appoints a leader in one 係 after a confirmation that shows the person; coverage changes and the appointee is told', async () => {
    const news = inbox(ichiro);
    const confirmation = await review(hr1, 'ICHIRO@example.lg.jp ');
    const text = textOf(confirmation);
    for (const fact of ['国東 一郎（主任）', '総務課', '総務係', `${LEADER_NAME}${CONFIRM_APPOINT}`]) expect(text).toContain(fact);
    // Reviewing writes nothing and tells nobody.
    expect(await stored()).toEqual([]);
    expect(news.take()).toEqual([]);

    const done = await click(hr1, 'hr.appointment.confirm', button(confirmation, 'hr.appointment.confirm').data);
    expect(textOf(done)).toContain(`国東 一郎さんを${LEADER_NAME}に任命しました。`);
    expect(button(done, 'hr.appointments').data).toEqual({});
    expect(await stored()).toEqual([
      expect.objectContaining({ aadObjectId: ichiro.aadObjectId, tier: 'leader', applicationId: 'appointment' }),
    ]);
    const [notice, ...more] = news.take();
    expect(more).toEqual([]);
    expect(textOf(notice)).toContain(NOTIFIED_APPOINTED);
    expect(textOf(notice)).toContain('国見 由美さんが登録');
    // What their own tier is about, from the framework's tiers; not the appointment rules' text about every tier.
    expect(textOf(notice)).toContain('対象：各所属で指名された職員');
    expect(textOf(notice)).not.toContain('高度専門人材');

    const coverage = await say(hr2, '任命');
    expect(textOf(coverage)).toContain(summary(1, SECTIONS));
    expect(linesUnder(coverage, `DX推進リーダーがいない係（${SECTIONS - 1}）`)).not.toContain('総務課 総務係（職員 2人）');
    // The 係, its leader, and the button to end the appointment.
    expect(linesUnder(coverage, 'DX推進リーダーがいる係（1）')).toEqual(['総務課 総務係（職員 2人）', '国東 一郎（主任）', '国東 一郎さんの任命を解除']);
    expect(button(coverage, 'hr.appointment.end').data).toEqual({ aadObjectId: ichiro.aadObjectId });
  });

  it('changes nothing when the same person is appointed again, from the review or from the old confirmation', async () => {
    const news = inbox(ichiro);
    const before = await everythingStored();
    expect(textOf(await review(hr2, ichiro.email))).toContain(`国東 一郎さんは${ALREADY}`);
    const again = await click(hr1, 'hr.appointment.confirm', { aadObjectId: ichiro.aadObjectId, tier: 'leader', reviewed: '' });
    expect(textOf(again)).toContain(ALREADY);
    expect(await everythingStored()).toBe(before);
    expect(news.take()).toEqual([]);
  });

  it('leaves one consistent row and one notification when two HR officers appoint the same person at once', async () => {
    const news = inbox(hanako);
    const [first, second] = await Promise.all([review(hr1, hanako.email), review(hr2, hanako.email)]);
    const answers = await Promise.all([
      click(hr1, 'hr.appointment.confirm', button(first, 'hr.appointment.confirm').data),
      click(hr2, 'hr.appointment.confirm', button(second, 'hr.appointment.confirm').data),
    ]);
    const texts = answers.map(textOf);
    expect(texts.filter((t) => t.includes('安岐 花子さんをDX推進リーダーに任命しました'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes(ALREADY))).toHaveLength(1);
    expect((await stored()).filter((r) => r.aadObjectId === hanako.aadObjectId)).toEqual([expect.objectContaining({ tier: 'leader' })]);
    expect(news.take().map(textOf)).toEqual([expect.stringContaining(NOTIFIED_APPOINTED)]);
  });

  it('keeps the winner when two HR officers appoint one person to different tiers at once', async () => {
    const news = inbox(kenta);
    const [leader, advanced] = await Promise.all([review(hr1, kenta.email, 'leader'), review(hr2, kenta.email, 'advanced')]);
    const [asLeader, asAdvanced] = (
      await Promise.all([
        click(hr1, 'hr.appointment.confirm', button(leader, 'hr.appointment.confirm').data),
        click(hr2, 'hr.appointment.confirm', button(advanced, 'hr.appointment.confirm').data),
      ])
    ).map(textOf);
    const rows = (await stored()).filter((r) => r.aadObjectId === kenta.aadObjectId);
    expect(rows).toHaveLength(1);
    const [winner, loser] = rows[0]!.tier === 'leader' ? [asLeader!, asAdvanced!] : [asAdvanced!, asLeader!];
    expect(winner).toContain('武蔵 健太さんを');
    expect(loser).toContain(CHANGED_MEANWHILE);
    expect(news.take()).toHaveLength(1);
    // Put kenta back as a leader for the rest of the story: replacing an appointment says what it replaces.
    if (rows[0]!.tier === 'advanced') {
      const confirmation = await review(hr1, kenta.email, 'leader');
      expect(textOf(confirmation)).toContain('いま「高度専門人材」に任命されています');
      await click(hr1, 'hr.appointment.confirm', button(confirmation, 'hr.appointment.confirm').data);
    }
    expect(textOf(await say(hr1, '任命'))).toContain(summary(3, SECTIONS));
  });

  it('answers an unknown e-mail and a tier the framework does not appoint to clearly, and changes nothing', async () => {
    const before = await everythingStored();
    const unknown = await review(hr1, 'nobody@example.lg.jp');
    expect(textOf(unknown)).toContain(`「nobody@example.lg.jp」${NOT_ON_ROSTER}`);
    expect(button(unknown, 'hr.appointments').data).toEqual({});
    expect(textOf(await review(hr1, ''))).toContain(NOT_ON_ROSTER);
    // 一般職員 is a tier of the framework, but not one HR appoints to; "gold" is no tier at all.
    const general = await review(hr1, jiro.email, 'general');
    expect(textOf(general)).toContain(`「一般職員」${UNKNOWN_TIER}`);
    expect(textOf(general)).toContain('DX推進リーダー、高度専門人材');
    // A forged confirmation is judged again on the server.
    expect(textOf(await click(hr1, 'hr.appointment.confirm', { aadObjectId: jiro.aadObjectId, tier: 'gold', reviewed: '' }))).toContain(
      UNKNOWN_TIER,
    );
    expect(textOf(await click(hr1, 'hr.appointment.confirm', { aadObjectId: stranger.aadObjectId, tier: 'leader', reviewed: '' }))).toContain(
      NOT_ON_ROSTER,
    );
    expect(await everythingStored()).toBe(before);
  });

  it('does not overwrite a tier someone was certified for after applying', async () => {
    // A city may certify some tiers and appoint to others: the certification is kept, whatever HR asks.
    const { certifications } = harness.bot.repositories;
    const applicationId = `2026-advanced-${jiro.aadObjectId}`;
    await certifications.record({ frameworkId: harness.frameworkId, aadObjectId: jiro.aadObjectId, tier: 'advanced', fiscalYear: 2026, certifiedAt: new Date().toISOString(), applicationId });
    const before = await everythingStored();
    expect(textOf(await review(hr1, jiro.email))).toContain('国東 次郎さんは応募を経て「高度専門人材」に認定されています');
    expect(textOf(await click(hr1, 'hr.appointment.confirm', { aadObjectId: jiro.aadObjectId, tier: 'leader', reviewed: '' }))).toContain('応募を経て');
    expect(textOf(await click(hr1, 'hr.appointment.end', { aadObjectId: jiro.aadObjectId }))).toContain(NOT_APPOINTED);
    expect(await everythingStored()).toBe(before);
    const seeded = await certifications.findWithEtag(harness.frameworkId, jiro.aadObjectId);
    expect(await certifications.removeIfUnchanged(harness.frameworkId, jiro.aadObjectId, seeded!.etag)).toBe(true);
  });

  it('ends an appointment only after a confirmation, and tells the person', async () => {
    const news = inbox(ichiro);
    const coverage = await say(hr1, '任命');
    const question = await click(hr1, 'hr.appointment.end', button(coverage, 'hr.appointment.end', { aadObjectId: ichiro.aadObjectId }).data);
    expect(textOf(question)).toContain(`${LEADER_NAME}${CONFIRM_END}`);
    expect(textOf(question)).toContain('国東 一郎（主任）');
    expect((await stored()).some((r) => r.aadObjectId === ichiro.aadObjectId)).toBe(true);
    expect(news.take()).toEqual([]);

    const yes = button(question, 'hr.appointment.end', { confirmed: true });
    const done = await click(hr1, 'hr.appointment.end', yes.data);
    expect(textOf(done)).toContain(`国東 一郎さんの${LEADER_NAME}の任命を解除しました。`);
    expect((await stored()).some((r) => r.aadObjectId === ichiro.aadObjectId)).toBe(false);
    expect(news.take().map(textOf)).toEqual([expect.stringContaining(NOTIFIED_ENDED)]);
    expect(textOf(await say(hr1, '任命'))).toContain(summary(2, SECTIONS));

    // The same confirmation clicked again (or by a second officer) ends nothing more.
    const before = await everythingStored();
    expect(textOf(await click(hr2, 'hr.appointment.end', yes.data))).toContain(NOT_APPOINTED);
    expect(await everythingStored()).toBe(before);
    expect(news.take()).toEqual([]);
  });

  it('does not end an appointment that changed since the confirmation was shown', async () => {
    const question = await click(hr1, 'hr.appointment.end', { aadObjectId: kenta.aadObjectId });
    const yes = button(question, 'hr.appointment.end', { confirmed: true });
    // Meanwhile another officer makes kenta 高度専門人材 instead.
    expect(textOf(await appoint(hr2, kenta, 'advanced'))).toContain('武蔵 健太さんを高度専門人材に任命しました');
    expect(textOf(await click(hr1, 'hr.appointment.end', yes.data))).toContain(CHANGED_MEANWHILE);
    expect((await stored()).find((r) => r.aadObjectId === kenta.aadObjectId)?.tier).toBe('advanced');
    // The coverage lists him with the other appointments, and 課税係 as without a leader again.
    const coverage = await say(hr1, '任命');
    expect(linesUnder(coverage, 'そのほかの任命')).toContain('武蔵 健太：高度専門人材（税務課 課税係）');
    expect(linesUnder(coverage, 'DX推進リーダーがいない係（4）')).toContain('税務課 課税係（職員 1人）');
  });

  it('shows an employee only their own appointment, read-only', async () => {
    for (const word of ['任命', LEADER_NAME, 'appointments']) {
      const mine = await say(hanako, word);
      const text = textOf(mine);
      expect(text).toContain(MINE_HELD);
      for (const other of ['武蔵 健太', '国東 一郎', 'がいる係', 'がいない係']) expect({ word, other, shown: text.includes(other) }).toEqual({ word, other, shown: false });
      expect(executeActions(mine).map((a) => a.verb)).toEqual(['menu.show']);
    }
    expect(textOf(await say(jiro, '任命'))).toContain(MINE_NONE);
  });

  it('tells someone the roster does not know that they are not on it, shows no appointment, and keeps nothing', async () => {
    for (const word of ['任命', LEADER_NAME, 'appointments']) {
      const text = textOf(await say(stranger, word));
      expect({ word, notice: text.includes(ROSTER_REQUIRED), mine: text.includes(MINE_NONE), coverage: text.includes('がいる係') }).toEqual({
        word,
        notice: true,
        mine: false,
        coverage: false,
      });
    }
    expect(await keptAbout(stranger)).toEqual([]);
  });

  it('refuses every HR verb to someone who is not HR on the roster, and changes nothing', async () => {
    const before = await everythingStored();
    const attempts: [string, Record<string, unknown>][] = [
      ['hr.appointments', {}],
      ['hr.appointment.review', { appointEmail: jiro.email, appointTier: 'leader' }],
      ['hr.appointment.confirm', { aadObjectId: jiro.aadObjectId, tier: 'leader', reviewed: '' }],
      ['hr.appointment.end', { aadObjectId: hanako.aadObjectId }],
      ['hr.appointment.end', { aadObjectId: hanako.aadObjectId, confirmed: true, reviewed: 'W/"anything"' }],
    ];
    for (const who of [jiro, hanako]) {
      for (const [verb, data] of attempts) {
        const text = textOf(await click(who, verb, data));
        expect({ who: who.name, verb, refused: text.includes(HR_ONLY), leaks: text.includes('安岐 花子（係長）') }).toEqual({
          who: who.name,
          verb,
          refused: true,
          leaks: false,
        });
      }
    }
    // Someone the roster does not know is told so before anyone asks whether they are HR.
    for (const [verb, data] of attempts) {
      const text = textOf(await click(stranger, verb, data));
      expect({ verb, notice: text.includes(ROSTER_REQUIRED), hrOnly: text.includes(HR_ONLY), leaks: text.includes('安岐 花子（係長）') }).toEqual({
        verb,
        notice: true,
        hrOnly: false,
        leaks: false,
      });
    }
    expect(await everythingStored()).toBe(before);
    expect(await keptAbout(stranger)).toEqual([]);
  });

  it('answers outside a personal chat that appointments belong there, and shows nothing', async () => {
    const { body } = await clickInChannel(harness, hr1, 'hr.appointments');
    const text = textOf(body.value);
    expect(text).toContain('個人チャットでご覧ください');
    expect(text).not.toContain('がいる係');
  });
});

describe('appointments in a framework without them', () => {
  let kitakyushu: BotHarness;
  beforeAll(async () => {
    // On this file's storage, so the same roster: 次郎 is on it, the stranger is not.
    kitakyushu = await startBotHarness({ connectionString: azurite.connectionString });
  });
  afterAll(async () => {
    await kitakyushu?.stop();
  });

  it('answers the chat word that this city does not appoint, and refuses HR verbs to non-HR first', async () => {
    const reply = await sayTo(kitakyushu, jiro, '任命');
    expect(textOf(reply)).toContain(NO_APPOINTMENTS_HERE);
    // A tier name is a chat word only where that tier is appointed to: here it is left to the framework's search.
    const search = await sayTo(kitakyushu, jiro, LEADER_NAME);
    expect(textOf(search)).not.toContain('任命する制度');
    const { body } = await kitakyushu.click('hr.appointments', {}, { user: jiro });
    expect(textOf(body.value)).toContain(HR_ONLY);
    expect(textOf(body.value)).not.toContain(NO_APPOINTMENTS_HERE);
  });

  it('tells someone the roster does not know that they are not on it, before what the city does, but lets them search', async () => {
    const reply = textOf(await sayTo(kitakyushu, stranger, '任命'));
    expect({ notice: reply.includes(ROSTER_REQUIRED), city: reply.includes(NO_APPOINTMENTS_HERE) }).toEqual({ notice: true, city: false });
    const refused = textOf((await kitakyushu.click('hr.appointments', {}, { user: stranger })).body.value);
    expect({ notice: refused.includes(ROSTER_REQUIRED), hrOnly: refused.includes(HR_ONLY) }).toEqual({ notice: true, hrOnly: false });
    // Searching the framework is open to everyone: they get what someone on the roster gets.
    const search = await sayTo(kitakyushu, stranger, LEADER_NAME);
    expect(textOf(search)).not.toContain(ROSTER_REQUIRED);
    expect(search).toEqual(await sayTo(kitakyushu, jiro, LEADER_NAME));
  });
});
