import { randomUUID } from 'node:crypto';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import type { Evaluation, Rating } from '../../src/domain/evaluation/evaluation';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { newEvaluationId } from '../../src/storage/evaluationRepository';
import { executeActions, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import { clickInChannel, importRosterRows, meet, sayTo, talkingTo } from '../support/conversation';
import { elementsOf } from '../support/journey';
import { mokaLikeDocument } from '../support/mokaLike';

// Moka end to end: a bot whose framework certifies DXアドバイザー / エキスパート / スペシャリスト through an evaluation by
// several raters (政策的観点 by executives, リーダーシップ by colleagues, 技術的観点 by outside experts), through the real
// HTTP server and the fake Bot Connector. The roster is one data set per storage, so this file brings its own Azurite.

let azurite: Azurite;
let harness: BotHarness;
const fy = fiscalYearOf(new Date());

// ---------------------------------------------------------------------------------------------------------------
// What the bot says (the Japanese catalog).

const HR_ONLY = 'この操作は人事担当者のみ行えます';
const ROSTER_REQUIRED = '職員名簿にお名前が見つかりません';
const NO_EVALUATION_HERE = '北九州市の認定制度では、多面評価を行っていません。';
const NOT_RATER = 'この評価の評価者として依頼されていないため、評価できません';
const OWN = 'ご自身の評価は、評価も操作もできません';
const OFF_SCALE = '評価は選択肢の中から選んでください';
const INVALID_ACTION = 'ボタンの情報が正しくないか、古くなっています';
const THANKS = '評価を受け付けました';
const REQUEST_TITLE = '評価のお願い：久下田 一郎さん';
const POLICY = '政策的観点（幹部職員）';
const LEADERSHIP = 'リーダーシップ（同一所属職員、プロジェクトメンバー）';
const TECHNICAL = '技術的観点（委託業者等専門家）';
const EXPERT_CRITERIA = 'DXアドバイザーに認定された上でプロジェクトにリーダーとして参加し';
const SCALE = ['期待を下回る', 'やや下回る', '期待どおり', '期待を上回る'];

// ---------------------------------------------------------------------------------------------------------------
// The people: two HR officers, a candidate, raters for each viewpoint (the outside expert is on the roster as a
// guest), someone who never opened the bot, and people who are neither raters nor HR.

interface Person extends TestUser {
  readonly email: string;
}

const roster: { person: Person; row: string }[] = [];
function person(name: string, email: string, department: string, grade: string, roles = ''): Person {
  const aadObjectId = randomUUID();
  const p: Person = { id: `29:${aadObjectId}`, aadObjectId, name, email };
  roster.push({ person: p, row: [`M${roster.length + 1}`, name, email, aadObjectId, department, '', grade, '', roles].join(',') });
  return p;
}

const hr1 = person('真岡 人事', 'jinji@example.lg.jp', '総務部', '主任', 'hr');
const hr2 = person('二宮 誠', 'makoto@example.lg.jp', '総務部', '主事', 'hr');
const candidate = person('久下田 一郎', 'ichiro@example.lg.jp', '市民生活部', '主任');
const executive = person('根本 部長', 'nemoto@example.lg.jp', '総合政策部', '部長');
const colleague = person('荒町 花子', 'hanako@example.lg.jp', '市民生活部', '主事');
const member = person('長田 次郎', 'jiro@example.lg.jp', '建設部', '主事');
const expert = person('委託 専門', 'expert@example.com', '外部専門家', '委託業者');
const newcomer = person('大内 新', 'arata@example.lg.jp', '建設部', '主事');
const outsider = person('山前 三郎', 'saburo@example.lg.jp', '産業環境部', '主任');
/** Someone Teams knows but the roster does not. */
const stranger: TestUser = { id: '29:stranger', aadObjectId: randomUUID(), name: '名簿 にない' };

/** HR's form for the candidate as an エキスパート: one executive, two colleagues and the newcomer, one outside expert. */
const FORM = {
  candidateEmail: candidate.email,
  tier: 'expert',
  raters_policy: executive.email,
  raters_leadership: `${colleague.email}\n${member.email}, ${newcomer.email.toUpperCase()}`,
  raters_technical: expert.email,
};

beforeAll(async () => {
  azurite = await startAzurite();
  harness = await startBotHarness({ connectionString: azurite.connectionString, frameworkDocument: mokaLikeDocument });
  await importRosterRows(harness, roster.map((r) => r.row));
  // Everyone on the roster but the newcomer has talked to the bot, so the bot can reach them.
  await meet(harness, roster.map((r) => r.person).filter((p) => p !== newcomer));
}, 60_000);
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

// ---------------------------------------------------------------------------------------------------------------
// Helpers, so the tests read like the story they tell.

const { say, click, inbox } = talkingTo(() => harness);

/** The buttons on a card with this verb. */
function buttons(card: Card, verb: string): { title?: string; data: Record<string, unknown> }[] {
  return executeActions(card)
    .filter((a) => a.verb === verb)
    .map((a) => ({ title: a.title, data: a.data as Record<string, unknown> }));
}

/** The one button on a card with this verb. */
function button(card: Card, verb: string): Record<string, unknown> {
  const found = buttons(card, verb);
  expect(found).toHaveLength(1);
  return found[0]!.data;
}

/** Every input element on a card: its id, label and (for a choice set) its choices. */
function inputs(card: Card): { id: string; label?: string; value?: string; choices?: { title: string; value: string }[] }[] {
  return elementsOf(card, (e) => typeof e.type === 'string' && e.type.startsWith('Input.')) as {
    id: string;
    label?: string;
    value?: string;
    choices?: { title: string; value: string }[];
  }[];
}

async function openEvaluations(): Promise<Evaluation[]> {
  return (await harness.bot.repositories.evaluations.listOpen(harness.frameworkId)).map((s) => s.evaluation);
}

/** Everything an evaluation action could change, with ETags, to show that a refused action wrote nothing. */
async function everythingStored(): Promise<string> {
  const { evaluations, certifications } = harness.bot.repositories;
  const all = await evaluations.listRecent(harness.frameworkId, 100);
  const ratings = await Promise.all(all.map((s) => evaluations.listRatings(s.evaluation.id)));
  const certified = await Promise.all(roster.map((r) => certifications.findWithEtag(harness.frameworkId, r.person.aadObjectId)));
  return JSON.stringify({ all, ratings, certified });
}

/** What the bot keeps about someone the roster does not know: nothing, neither a rating nor a way to reach them. */
async function keptAbout(who: TestUser): Promise<unknown[]> {
  const { evaluations, conversations } = harness.bot.repositories;
  const kept = [
    ...(await Promise.all(['policy', 'leadership', 'technical'].map((v) => evaluations.findRating(evaluationId, v, who.aadObjectId)))),
    await conversations.find('user', who.aadObjectId),
  ];
  return kept.filter((k) => k !== undefined);
}

async function ratingOf(evaluationId: string, viewpoint: string, who: TestUser): Promise<Rating | undefined> {
  return (await harness.bot.repositories.evaluations.findRating(evaluationId, viewpoint, who.aadObjectId))?.rating;
}

/** A rater rates through the rating card's button; returns the answer. */
function rateAs(who: TestUser, evaluationId: string, viewpoint: string, rating: string, ratingComment = ''): Promise<Card> {
  return click(who, 'evaluation.rate', { evaluationId, viewpoint, rating, ratingComment });
}

/** HR reviews the form and confirms: returns the status card and the evaluation's id. */
async function startWith(form: Record<string, string>): Promise<{ card: Card; evaluationId: string }> {
  const review = await click(hr1, 'hr.evaluation.review', form);
  const start = button(review, 'hr.evaluation.start');
  const card = await click(hr1, 'hr.evaluation.start', start);
  return { card, evaluationId: start.draftId as string };
}

let evaluationId = '';

// ---------------------------------------------------------------------------------------------------------------

describe('a multi-rater evaluation in a framework that certifies that way', () => {
  it('opens HR\'s list by each chat word, and a rater\'s requests for anyone else', async () => {
    for (const word of ['評価', '多面評価', 'evaluation', '評価。']) {
      const card = await say(hr1, word);
      expect({ word, text: textOf(card) }).toEqual({ word, text: expect.stringContaining('評価中のものはありません') as unknown });
      expect(buttons(card, 'hr.evaluation.new')).toHaveLength(1);
    }
    const english = await say(hr1, 'evaluations', 'en-US');
    expect(textOf(english)).toContain('Multi-rater evaluations');
    const requests = await say(outsider, '評価');
    expect(textOf(requests)).toContain('いま評価を依頼されているものはありません');
    expect(buttons(requests, 'hr.evaluation.new')).toEqual([]);
  });

  it('asks for evaluations in the personal chat only', async () => {
    const { body } = await clickInChannel(harness, hr1, 'hr.evaluations');
    expect(textOf(body.value)).toContain('個人チャットでご利用ください');
  });

  it('offers HR a form with the evaluated tiers and one field of raters per viewpoint', async () => {
    const form = await click(hr1, 'hr.evaluation.new', {});
    const fields = inputs(form);
    expect(fields.map((f) => f.id)).toEqual(['candidateEmail', 'tier', 'raters_policy', 'raters_leadership', 'raters_technical']);
    expect(fields[1]!.choices).toEqual([
      { title: 'DXアドバイザー', value: 'advisor' },
      { title: 'DXエキスパート', value: 'expert' },
      { title: 'DXスペシャリスト', value: 'specialist' },
    ]);
    expect(fields.slice(2).map((f) => f.label)).toEqual([POLICY, LEADERSHIP, TECHNICAL]);
    expect(buttons(form, 'hr.evaluation.review')).toHaveLength(1);
  });

  it('explains bad input on the review, offers no "start", and stores nothing', async () => {
    const before = await everythingStored();
    const review = await click(hr1, 'hr.evaluation.review', {
      candidateEmail: 'nobody@example.lg.jp',
      tier: 'gold',
      raters_policy: `${executive.email}\nghost@example.lg.jp`,
      raters_leadership: '',
      raters_technical: expert.email,
    });
    const text = textOf(review);
    expect(text).toContain('対象者 nobody@example.lg.jp は職員名簿にありません');
    expect(text).toContain(`${POLICY}：ghost@example.lg.jp は職員名簿にありません`);
    expect(text).toContain(`${LEADERSHIP}の評価者を1人以上入力してください`);
    expect(text).toContain('認定区分を選んでください（DXアドバイザー、DXエキスパート、DXスペシャリスト）');
    // Known people are named on the review even so.
    expect(text).toContain('根本 部長（総合政策部・部長）');
    expect(buttons(review, 'hr.evaluation.start')).toEqual([]);
    // "Correct" brings the form back with what HR typed.
    const corrected = await click(hr1, 'hr.evaluation.new', button(review, 'hr.evaluation.new'));
    expect(inputs(corrected).find((f) => f.id === 'raters_policy')?.value).toBe(`${executive.email}\nghost@example.lg.jp`);

    const asRater = await click(hr1, 'hr.evaluation.review', { ...FORM, raters_technical: `${expert.email}, ${candidate.email}` });
    expect(textOf(asRater)).toContain(`${TECHNICAL}：対象者本人は評価者になれません`);
    expect(buttons(asRater, 'hr.evaluation.start')).toEqual([]);
    expect(await everythingStored()).toBe(before);
  });

  it('refuses to start from a forged or stale confirmation, storing nothing and telling nobody', async () => {
    const news = inbox(executive);
    const before = await everythingStored();
    // Straight to "start" without a review, with a rater missing: the review's problems come back instead.
    const forged = await click(hr1, 'hr.evaluation.start', { ...FORM, raters_technical: '', draftId: newEvaluationId(new Date()) });
    expect(textOf(forged)).toContain(`${TECHNICAL}の評価者を1人以上入力してください`);
    expect(buttons(forged, 'hr.evaluation.start')).toEqual([]);
    // A review from two days ago, and an id from the future.
    const stale = await click(hr1, 'hr.evaluation.start', { ...FORM, draftId: newEvaluationId(new Date(Date.now() - 2 * 24 * 3600 * 1000)) });
    expect(textOf(stale)).toContain('この確認画面は古くなっています');
    const future = await click(hr1, 'hr.evaluation.start', { ...FORM, draftId: newEvaluationId(new Date(Date.now() + 3600 * 1000)) });
    expect(textOf(future)).toContain('この確認画面は古くなっています');
    // A malformed id never reaches the flow.
    expect(textOf(await click(hr1, 'hr.evaluation.start', { ...FORM, draftId: 'not-an-id' }))).toContain(INVALID_ACTION);
    expect(await everythingStored()).toBe(before);
    expect(news.take()).toEqual([]);
  });

  it('reviews the names from the roster and who cannot be reached, then starts: each reachable rater gets a card', async () => {
    const inboxes = [executive, colleague, member, expert, newcomer, candidate].map((p) => ({ p, box: inbox(p) }));
    const review = await click(hr1, 'hr.evaluation.review', FORM);
    const text = textOf(review);
    for (const line of [
      '久下田 一郎（市民生活部・主任）',
      'DXエキスパート',
      POLICY,
      '根本 部長（総合政策部・部長）',
      '荒町 花子（市民生活部・主事）',
      '長田 次郎（建設部・主事）',
      '大内 新（建設部・主事）：まだDX Naviを開いていません（カードはDX Naviを開いたときに届きます）',
      '委託 専門（外部専門家・委託業者）',
    ]) {
      expect({ line, shown: text.includes(line) }).toEqual({ line, shown: true });
    }
    // Reviewing starts nothing.
    expect(await openEvaluations()).toEqual([]);
    expect(inboxes.flatMap(({ box }) => box.take())).toEqual([]);

    const start = button(review, 'hr.evaluation.start');
    const status = await click(hr1, 'hr.evaluation.start', start);
    evaluationId = start.draftId as string;
    expect(textOf(status)).toContain('評価を始めました。4件の評価依頼を送りました。');
    expect(textOf(status)).toContain('次の方にはカードがまだ届いていません：大内 新。DX Naviを開いたとき');
    expect((await harness.bot.repositories.outbox.waitingFor(newcomer.aadObjectId)).map((k) => k.letter)).toEqual([
      { kind: 'ratingRequest', frameworkId: harness.frameworkId, evaluationId: start.draftId, viewpoint: 'leadership' },
    ]);
    expect(textOf(status)).toContain('久下田 一郎さんの評価（DXエキスパート）');

    const [stored, ...others] = await openEvaluations();
    expect(others).toEqual([]);
    expect(stored).toMatchObject({
      id: evaluationId,
      tier: 'expert',
      state: 'open',
      fiscalYear: fy,
      candidate: { aadObjectId: candidate.aadObjectId, name: '久下田 一郎' },
      createdBy: { aadObjectId: hr1.aadObjectId },
    });
    expect(stored!.raters.map((r) => [r.viewpoint, r.raters.map((p) => p.name)])).toEqual([
      ['policy', ['根本 部長']],
      ['leadership', ['荒町 花子', '長田 次郎', '大内 新']],
      ['technical', ['委託 専門']],
    ]);

    const got = Object.fromEntries(inboxes.map(({ p, box }) => [p.name, box.take()]));
    expect(Object.fromEntries(Object.entries(got).map(([name, cards]) => [name, cards.length]))).toEqual({
      '根本 部長': 1,
      '荒町 花子': 1,
      '長田 次郎': 1,
      '委託 専門': 1,
      '大内 新': 0,
      '久下田 一郎': 0,
    });
    const request = got['根本 部長']![0]!;
    const requestText = textOf(request);
    for (const part of [REQUEST_TITLE, '久下田 一郎（市民生活部・主任）', POLICY, '市の政策や所属の目標に照らした取組の価値', 'DXエキスパートの認定基準', EXPERT_CRITERIA]) {
      expect({ part, shown: requestText.includes(part) }).toEqual({ part, shown: true });
    }
    expect(inputs(request).find((f) => f.id === 'rating')?.choices?.map((c) => c.title)).toEqual(SCALE);
    expect(button(request, 'evaluation.rate')).toEqual({ evaluationId, viewpoint: 'policy' });
    expect(button(got['荒町 花子']![0]!, 'evaluation.rate')).toEqual({ evaluationId, viewpoint: 'leadership' });
    expect(button(got['委託 専門']![0]!, 'evaluation.rate')).toEqual({ evaluationId, viewpoint: 'technical' });

    // The second click of "start" shows the same evaluation and starts nothing more.
    const again = await click(hr1, 'hr.evaluation.start', start);
    expect(textOf(again)).toContain('久下田 一郎さんの評価（DXエキスパート）');
    expect(textOf(again)).not.toContain('評価を始めました');
    expect((await openEvaluations()).map((e) => e.id)).toEqual([evaluationId]);
    expect(inboxes.flatMap(({ box }) => box.take())).toEqual([]);
    // A new review of the same candidate and tier says it is already under way.
    const second = await click(hr2, 'hr.evaluation.review', FORM);
    expect(textOf(second)).toContain('久下田 一郎さんのDXエキスパートの評価は、すでに評価中です');
    expect(buttons(second, 'hr.evaluation.start')).toEqual([]);
  });

  it('lets a rater rate from their viewpoint, see their rating again and change it while the evaluation is open', async () => {
    const thanks = await rateAs(executive, evaluationId, 'policy', '3', '  所属の目標に沿った改善案でした。 ');
    expect(textOf(thanks)).toContain(THANKS);
    expect(textOf(thanks)).toContain('久下田 一郎さんの政策的観点：期待どおり');
    const first = await ratingOf(evaluationId, 'policy', executive);
    expect(first).toMatchObject({ value: 3, comment: '所属の目標に沿った改善案でした。', rater: { name: '根本 部長' } });

    const reopened = await click(executive, 'evaluation.open', button(thanks, 'evaluation.open'));
    expect(inputs(reopened).find((f) => f.id === 'rating')?.value).toBe('3');
    expect(inputs(reopened).find((f) => f.id === 'ratingComment')?.value).toBe('所属の目標に沿った改善案でした。');
    expect(textOf(reopened)).toContain('変更を送信する');

    expect(textOf(await rateAs(executive, evaluationId, 'policy', '4', '期待以上でした。'))).toContain('期待を上回る');
    const changed = await ratingOf(evaluationId, 'policy', executive);
    expect(changed).toMatchObject({ value: 4, comment: '期待以上でした。', ratedAt: first!.ratedAt });
    expect(await harness.bot.repositories.evaluations.listRatings(evaluationId)).toHaveLength(1);

    // The rater's requests show it as rated.
    const requests = await say(executive, '評価');
    expect(textOf(requests)).toContain('久下田 一郎さん（DXエキスパート）');
    expect(textOf(requests)).toContain('政策的観点｜評価済み');
  });

  it('refuses a rating from anyone not asked for that viewpoint, from the candidate, and off the scale; nothing changes', async () => {
    const before = await everythingStored();
    expect(textOf(await rateAs(outsider, evaluationId, 'policy', '4'))).toContain(NOT_RATER);
    // Someone the roster does not know is told that first: whether they were asked to rate is not even looked at.
    for (const [verb, data] of [
      ['evaluation.rate', { evaluationId, viewpoint: 'leadership', rating: '4', ratingComment: '' }],
      ['evaluation.open', { evaluationId, viewpoint: 'leadership' }],
    ] as const) {
      const text = textOf(await click(stranger, verb, data));
      expect({ verb, notice: text.includes(ROSTER_REQUIRED), notRater: text.includes(NOT_RATER) }).toEqual({ verb, notice: true, notRater: false });
    }
    expect(await keptAbout(stranger)).toEqual([]);
    expect(textOf(await rateAs(hr1, evaluationId, 'policy', '4'))).toContain(NOT_RATER);
    // A rater for another viewpoint than theirs.
    expect(textOf(await rateAs(executive, evaluationId, 'technical', '1'))).toContain(NOT_RATER);
    expect(textOf(await rateAs(candidate, evaluationId, 'leadership', '4'))).toContain(OWN);
    expect(textOf(await click(outsider, 'evaluation.open', { evaluationId, viewpoint: 'policy' }))).toContain(NOT_RATER);
    expect(textOf(await click(candidate, 'evaluation.open', { evaluationId, viewpoint: 'policy' }))).toContain(OWN);
    // Off the scale: the card comes back with the rater's comment kept.
    for (const rating of ['5', '0', '', '9']) {
      const turnedBack = await rateAs(colleague, evaluationId, 'leadership', rating, 'とても頼りになります。');
      expect({ rating, text: textOf(turnedBack) }).toEqual({ rating, text: expect.stringContaining(OFF_SCALE) as unknown });
      expect(inputs(turnedBack).find((f) => f.id === 'ratingComment')?.value).toBe('とても頼りになります。');
    }
    expect(textOf(await rateAs(colleague, evaluationId, 'leadership', 'abc'))).toContain(INVALID_ACTION);
    // An evaluation nobody has.
    expect(textOf(await rateAs(colleague, newEvaluationId(new Date()), 'leadership', '4'))).toContain('この評価は見つかりませんでした');
    expect(await everythingStored()).toBe(before);
  });

  it('shows HR each viewpoint\'s raters, mean, spread and comments, and refuses to certify while a viewpoint has no rating', async () => {
    await rateAs(colleague, evaluationId, 'leadership', '4', '会議をよくまとめてくれました。');
    await rateAs(member, evaluationId, 'leadership', '3');
    const status = await click(hr1, 'hr.evaluation.status', { evaluationId });
    const lines = textOf(status).split('\n');
    const after = (heading: string, count: number): string[] => lines.slice(lines.indexOf(heading) + 1, lines.indexOf(heading) + 1 + count);
    expect(after(POLICY, 4)).toEqual(['評価済み 1/1人｜平均 4.0（4段階）', '期待を上回る 1件', '✓ 根本 部長（総合政策部）', 'コメント']);
    expect(after(LEADERSHIP, 5)).toEqual([
      '評価済み 2/3人｜平均 3.5（4段階）',
      '期待を上回る 1件、期待どおり 1件',
      '✓ 荒町 花子（市民生活部）',
      '✓ 長田 次郎（建設部）',
      '□ 大内 新（建設部）：未評価',
    ]);
    expect(after(TECHNICAL, 2)).toEqual(['評価済み 0/1人｜平均 —（4段階）', '□ 委託 専門（外部専門家）：未評価']);
    expect(lines).toContain('「期待以上でした。」');
    expect(lines).toContain('「会議をよくまとめてくれました。」');
    expect(textOf(status)).toContain(`まだ評価のない観点があります：${TECHNICAL}`);
    // Overall: the mean of the viewpoints' means, (4 + 3.5) / 2.
    expect(textOf(status)).toContain('3.8（4段階。観点ごとの平均の平均）');
    expect(textOf(status)).toContain('3/5人');
    expect(buttons(status, 'hr.evaluation.certify')).toEqual([]);
    expect(buttons(status, 'hr.evaluation.remind').map((b) => b.title)).toEqual(['未評価の2人に再依頼']);

    const before = await everythingStored();
    for (const confirmed of [undefined, true]) {
      const refused = await click(hr1, 'hr.evaluation.certify', { evaluationId, ...(confirmed ? { confirmed } : {}) });
      expect(textOf(refused)).toContain(`まだ評価のない観点があるため、認定できません：${TECHNICAL}`);
    }
    expect(await everythingStored()).toBe(before);
  });

  it('hands the newcomer the request kept for them when they first open the bot, once; reminds whoever has not rated', async () => {
    const boxes = { newcomer: inbox(newcomer), expert: inbox(expert), executive: inbox(executive), colleague: inbox(colleague) };
    await meet(harness, [newcomer]);
    // Their first message is answered with the menu; the request kept for them follows.
    const kept = (await boxes.newcomer.next(2)).filter((c) => textOf(c).includes(REQUEST_TITLE));
    expect(kept.map((c) => button(c, 'evaluation.rate'))).toEqual([{ evaluationId, viewpoint: 'leadership' }]);
    expect(await harness.bot.repositories.outbox.waitingFor(newcomer.aadObjectId)).toEqual([]);
    boxes.newcomer.take();
    const status = await click(hr2, 'hr.evaluation.remind', { evaluationId });
    expect(textOf(status)).toContain('未評価の評価者に、2件の評価依頼を送り直しました。');
    expect(boxes.newcomer.take().map((c) => button(c, 'evaluation.rate'))).toEqual([{ evaluationId, viewpoint: 'leadership' }]);
    expect(boxes.expert.take().map((c) => button(c, 'evaluation.rate'))).toEqual([{ evaluationId, viewpoint: 'technical' }]);
    expect(boxes.executive.take()).toEqual([]);
    expect(boxes.colleague.take()).toEqual([]);
    const stored = (await harness.bot.repositories.evaluations.find(harness.frameworkId, evaluationId))!.evaluation;
    expect(stored.trail.map((e) => [e.action, e.byName, e.reminded])).toEqual([
      ['start', '真岡 人事', undefined],
      ['remind', '二宮 誠', 2],
    ]);
  });

  it('refuses every HR step to anyone the roster does not say is HR, raters and the candidate included; nothing changes', async () => {
    const before = await everythingStored();
    const steps: [string, Record<string, unknown>][] = [
      ['hr.evaluations', {}],
      ['hr.evaluation.new', {}],
      ['hr.evaluation.review', FORM],
      ['hr.evaluation.start', { ...FORM, candidateEmail: outsider.email, draftId: newEvaluationId(new Date()) }],
      ['hr.evaluation.status', { evaluationId }],
      ['hr.evaluation.remind', { evaluationId }],
      ['hr.evaluation.certify', { evaluationId, confirmed: true }],
      ['hr.evaluation.close', { evaluationId, confirmed: true }],
    ];
    for (const who of [outsider, executive, candidate]) {
      for (const [verb, data] of steps) {
        const card = await click(who, verb, data);
        expect({ who: who.name, verb, text: textOf(card) }).toEqual({ who: who.name, verb, text: expect.stringContaining(HR_ONLY) as unknown });
      }
    }
    // Someone the roster does not know is told so before anyone asks whether they are HR.
    for (const [verb, data] of steps) {
      const text = textOf(await click(stranger, verb, data));
      expect({ verb, notice: text.includes(ROSTER_REQUIRED), hrOnly: text.includes(HR_ONLY) }).toEqual({ verb, notice: true, hrOnly: false });
    }
    expect(await everythingStored()).toBe(before);
    expect(await keptAbout(stranger)).toEqual([]);
  });

  it('certifies after a confirmation: the certification is stored for the tier and year, and the candidate is told', async () => {
    const news = inbox(candidate);
    await rateAs(expert, evaluationId, 'technical', '2', '技術面はこれから伸ばしてほしい。');
    const status = await click(hr1, 'hr.evaluation.status', { evaluationId });
    expect(textOf(status)).not.toContain('まだ評価のない観点があります');
    const certify = button(status, 'hr.evaluation.certify');

    const question = await click(hr1, 'hr.evaluation.certify', certify);
    expect(textOf(question)).toContain('久下田 一郎さんをDXエキスパートに認定します');
    expect(await harness.bot.repositories.certifications.find(harness.frameworkId, candidate.aadObjectId)).toBeUndefined();
    expect(news.take()).toEqual([]);

    const done = await click(hr1, 'hr.evaluation.certify', button(question, 'hr.evaluation.certify'));
    expect(textOf(done)).toContain('久下田 一郎さんをDXエキスパートに認定しました。');
    expect(textOf(done)).toContain('認定（真岡 人事、');
    // A closed evaluation offers no more steps.
    for (const verb of ['hr.evaluation.certify', 'hr.evaluation.remind', 'hr.evaluation.close']) expect(buttons(done, verb)).toEqual([]);
    expect(await harness.bot.repositories.certifications.find(harness.frameworkId, candidate.aadObjectId)).toMatchObject({
      tier: 'expert',
      fiscalYear: fy,
      applicationId: evaluationId,
    });
    const [notice, ...more] = news.take();
    expect(more).toEqual([]);
    expect(textOf(notice)).toContain('認定のお知らせ');
    expect(textOf(notice)).toContain('DXエキスパートに認定されました');
    expect((await harness.bot.repositories.evaluations.find(harness.frameworkId, evaluationId))?.evaluation.state).toBe('certified');

    // The other HR officer's click on an old card changes nothing and tells nobody again.
    const before = await everythingStored();
    const late = await click(hr2, 'hr.evaluation.certify', { evaluationId, confirmed: true });
    expect(textOf(late)).toContain('この評価はすでに終了しています（認定）');
    expect(await everythingStored()).toBe(before);
    expect(news.take()).toEqual([]);
  });

  it('tells a rater the evaluation is closed, and keeps their rating as it was', async () => {
    const before = await everythingStored();
    expect(textOf(await click(executive, 'evaluation.open', { evaluationId, viewpoint: 'policy' }))).toContain('この評価はすでに終了しています（認定）');
    expect(textOf(await rateAs(executive, evaluationId, 'policy', '1'))).toContain('この評価はすでに終了しています（認定）');
    expect(await everythingStored()).toBe(before);
    expect(textOf(await say(executive, '評価'))).toContain('いま評価を依頼されているものはありません');
  });

  it('closes an evaluation without certifying after a confirmation; nothing is certified and the list shows both', async () => {
    const { card, evaluationId: other } = await startWith({
      candidateEmail: colleague.email,
      tier: 'advisor',
      raters_policy: executive.email,
      raters_leadership: member.email,
      raters_technical: expert.email,
    });
    expect(textOf(card)).toContain('荒町 花子さんの評価（DXアドバイザー）');
    const question = await click(hr2, 'hr.evaluation.close', button(card, 'hr.evaluation.close'));
    expect(textOf(question)).toContain('荒町 花子さんのDXアドバイザーの評価を、認定せずに終了します');
    expect((await harness.bot.repositories.evaluations.find(harness.frameworkId, other))?.evaluation.state).toBe('open');

    const closed = await click(hr2, 'hr.evaluation.close', button(question, 'hr.evaluation.close'));
    expect(textOf(closed)).toContain('評価を認定せずに終了しました。');
    expect((await harness.bot.repositories.evaluations.find(harness.frameworkId, other))?.evaluation.state).toBe('notCertified');
    expect(await harness.bot.repositories.certifications.find(harness.frameworkId, colleague.aadObjectId)).toBeUndefined();

    const list = await say(hr1, '評価');
    const text = textOf(list);
    expect(text).toContain('評価中のものはありません');
    expect(text).toContain('久下田 一郎さん（DXエキスパート）');
    expect(text).toContain('市民生活部｜認定｜');
    expect(text).toContain('荒町 花子さん（DXアドバイザー）');
    expect(text).toContain('市民生活部｜認定せず終了｜');
    expect(buttons(list, 'hr.evaluation.status').map((b) => b.data.evaluationId)).toEqual([other, evaluationId]);
  });

  it('keeps an HR officer who is the candidate out of their own evaluation: no ratings to read, no step to take', async () => {
    const { evaluationId: own } = await startWith({
      candidateEmail: hr2.email,
      tier: 'specialist',
      raters_policy: executive.email,
      raters_leadership: colleague.email,
      raters_technical: expert.email,
    });
    await rateAs(colleague, own, 'leadership', '4', '頼れる存在です。');
    const before = await everythingStored();
    const steps: [string, Record<string, unknown>][] = [
      ['hr.evaluation.status', { evaluationId: own }],
      ['hr.evaluation.remind', { evaluationId: own }],
      ['hr.evaluation.certify', { evaluationId: own, confirmed: true }],
      ['hr.evaluation.close', { evaluationId: own, confirmed: true }],
    ];
    for (const [verb, data] of steps) {
      const text = textOf(await click(hr2, verb, data));
      expect({ verb, text }).toEqual({ verb, text: expect.stringContaining(OWN) as unknown });
      expect(text).not.toContain('頼れる存在です。');
    }
    expect(await everythingStored()).toBe(before);
    // Another HR officer sees it as any other.
    expect(textOf(await click(hr1, 'hr.evaluation.status', { evaluationId: own }))).toContain('「頼れる存在です。」');
  });
});

describe('a framework without multi-rater evaluation', () => {
  let kitakyushu: BotHarness;
  beforeAll(async () => {
    // On this file's storage, so the same roster: HR and 山前 are on it, the stranger is not.
    kitakyushu = await startBotHarness({ connectionString: azurite.connectionString });
  });
  afterAll(async () => {
    await kitakyushu?.stop();
  });

  it('answers the chat word, for HR or anyone on the roster, that the city does not evaluate this way', async () => {
    for (const who of [hr1, outsider]) {
      for (const word of ['評価', 'evaluation']) {
        const reply = await sayTo(kitakyushu, who, word);
        expect({ who: who.name, word, text: textOf(reply) }).toEqual({ who: who.name, word, text: expect.stringContaining(NO_EVALUATION_HERE) as unknown });
      }
    }
  });

  it('tells someone the roster does not know that they are not on it, before what the city does', async () => {
    for (const word of ['評価', 'evaluation']) {
      const text = textOf(await sayTo(kitakyushu, stranger, word));
      expect({ word, notice: text.includes(ROSTER_REQUIRED), city: text.includes(NO_EVALUATION_HERE) }).toEqual({ word, notice: true, city: false });
    }
  });
});
