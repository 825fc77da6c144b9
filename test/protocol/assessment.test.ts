import type { Activity } from 'botbuilder';
import { loadConfig } from '../../src/config';
import type { Assessment } from '../../src/domain/assessment/assessment';
import { formatDate } from '../../src/i18n/formatDate';
import { silentLogger } from '../../src/logger';
import { newAssessmentId } from '../../src/storage/assessmentRepository';
import { storageStatus } from '../../src/storage/storageErrors';
import { startBot, type RunningBot } from '../../src/runtime';
import {
  cardOf,
  executeActions,
  conversationWith,
  someone,
  startBotHarness,
  textOf,
  type ActivityOptions,
  type BotHarness,
  type Card,
  type InvokeBody,
  type TestUser,
} from '../support/botHarness';
import { PATIENCE_MS } from '../support/waitFor';

/** The staff on the roster, each test's employee a new one of them: the self-assessment is for the staff only. */
const STAFF = Array.from({ length: 60 }, () => someone('北九 花子'));
let nextOnRoster = 0;

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness({ staff: STAFF });
});
afterAll(async () => {
  await harness.stop();
});

// ---------------------------------------------------------------------------------------------------------------
// Messages the tests look for (the Japanese catalog).

const REFUSED = 'この回答は受け付けられません';
const ALREADY_ENDED = 'この診断はすでに終了しています';
const NOT_FOUND = 'この診断は見つかりませんでした';
const INVALID_CHOICE = '選んだ内容が正しくありません';
const RATE_EVERY_SKILL = 'すべてのスキルについて選んでください';
const INVALID_ACTION = 'この操作は実行できません';
const IN_PROGRESS = '途中の診断があります';
const START = '診断を始める';
const CONTINUE = '続きから再開';
const RESTART = '最初からやり直す';
const STOP = 'やめる';
const KEEP_GOING = '続ける';
const BACK = '前へ';
const LATER = 'あとで続ける';
const CHOSEN = '✓ いまの回答';
const CATEGORY_NAMES = ['使命感', '思考・認識', '業務遂行', '組織運営', '外部影響'];

/** The heading of the role step of the n-th category (0-based). */
function roleHeading(index: number): string {
  return `${CATEGORY_NAMES[index]}：今の自分に近いのは？`;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading cards.

/** The Action.Execute on a card whose verb (and title, if given) match; fails the test if there is none. */
function button(card: Card, verb: string, title?: string): { verb: string; data: Record<string, unknown> } {
  const found = executeActions(card).find((a) => a.verb === verb && (title === undefined || a.title === title));
  if (!found) throw new Error(`no ${verb} ${title ?? ''} on the card:\n${textOf(card)}`);
  return { verb: found.verb, data: found.data as Record<string, unknown> };
}

/** The "choose this level" button of a role step card. */
function roleButton(card: Card, level: number): { verb: string; data: Record<string, unknown> } {
  const found = executeActions(card).find(
    (a) => a.verb === 'assessment.role' && Number((a.data as { level: unknown }).level) === level,
  );
  if (!found) throw new Error(`no role choice Lv.${level} on the card:\n${textOf(card)}`);
  return { verb: found.verb, data: found.data as Record<string, unknown> };
}

/** The assessment a step card belongs to (read from its cancel button). */
function assessmentIdOf(card: Card): string {
  return button(card, 'assessment.cancel').data.assessmentId as string;
}

/** The rating inputs on a skills step card, each id (e.g. "r_rs01") with the value it shows ('' for none). */
function ratingsShown(card: Card): Record<string, string> {
  const shown: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Input.ChoiceSet' && typeof record.id === 'string' && record.id.startsWith('r_')) shown[record.id] = String(record.value);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return shown;
}

/** The ids of the rating inputs on a skills step card, e.g. "r_rs01". */
function ratingInputs(card: Card): string[] {
  return Object.keys(ratingsShown(card));
}

/** Every skill from rs{from} to rs{to} rated 2, as card inputs ("r_rs01": "2"). */
function allRated(from: number, to: number): Record<string, string> {
  const ids = Array.from({ length: to - from + 1 }, (_, i) => `r_rs${String(from + i).padStart(2, '0')}`);
  return Object.fromEntries(ids.map((id) => [id, '2']));
}

function isSkillsStep(card: Card): boolean {
  return executeActions(card).some((a) => a.verb === 'assessment.skills');
}

/** A refusal notice saying `message`, with no change to what is stored (checked by the caller). */
function expectRefusal(card: Card, message: string): void {
  const text = textOf(card);
  expect(text).toContain(REFUSED);
  expect(text).toContain(message);
}

// ---------------------------------------------------------------------------------------------------------------
// Employees: each test has its own, so tests never see each other's assessments.

/** Where an employee's activities go: the file's harness, or a bot a test started itself. */
interface BotEndpoint {
  readonly bot: RunningBot;
  say(text: string, options?: ActivityOptions): Promise<Partial<Activity>>;
  click(verb: string, data: unknown, options?: ActivityOptions): Promise<{ status: number; body: InvokeBody }>;
}

/** A rating for every skill of a step, or one per skill id ("rs01"). */
type Rating = string | ((skillId: string) => string);

interface AssessmentPlan {
  /** The role level chosen in each category, in the framework's order. */
  roles?: readonly number[];
  rating?: Rating;
  target?: number;
  /** A card to start from (e.g. the step card after "retake"); by default a new assessment is started. */
  from?: Card;
}

class Employee {
  readonly user: TestUser;

  constructor(
    private readonly endpoint: BotEndpoint = harness,
    readonly locale = 'ja-JP',
    user?: TestUser,
  ) {
    const next = STAFF[nextOnRoster++];
    if (!user && !next) throw new Error('more employees than STAFF has: add to it');
    this.user = user ?? next!;
  }

  /** The same person talking to another bot instance (after a restart). */
  via(endpoint: BotEndpoint): Employee {
    return new Employee(endpoint, this.locale, this.user);
  }

  private get options(): ActivityOptions {
    return { user: this.user, locale: this.locale };
  }

  async say(text: string): Promise<Card> {
    return cardOf(await this.endpoint.say(text, this.options));
  }

  /** Clicks an Action.Execute with the given data (forged or not); returns the card that replaces the clicked one. */
  async click(verb: string, data: Record<string, unknown>): Promise<Card> {
    const { status, body } = await this.endpoint.click(verb, data, this.options);
    expect(status).toBe(200);
    return body.value;
  }

  /** Clicks a button that is on the card. */
  async press(card: Card, verb: string, title?: string): Promise<Card> {
    const { data } = button(card, verb, title);
    return this.click(verb, data);
  }

  /** "診断", then "start": the first role step. */
  async start(): Promise<Card> {
    return this.press(await this.say('診断'), 'assessment.start');
  }

  async chooseRole(card: Card, level: number): Promise<Card> {
    const { verb, data } = roleButton(card, level);
    return this.click(verb, data);
  }

  /** Answers role steps in order, one level per category. */
  async answerAllRoles(card: Card, levels: readonly number[]): Promise<Card> {
    for (const level of levels) card = await this.chooseRole(card, level);
    return card;
  }

  /** Rates every skill on a skills step card and presses "next". */
  async rateLevel(card: Card, rating: Rating): Promise<Card> {
    const { verb, data } = button(card, 'assessment.skills');
    const rate = typeof rating === 'string' ? () => rating : rating;
    const ratings = Object.fromEntries(ratingInputs(card).map((id) => [id, rate(id.slice(2))]));
    return this.click(verb, { ...data, ...ratings });
  }

  async chooseTarget(card: Card, target: number): Promise<Card> {
    const { verb, data } = button(card, 'assessment.target');
    return this.click(verb, { ...data, target: String(target) });
  }

  /** Presses a cancel button (by title, if given) and confirms discarding the answers (やめる, or 最初からやり直す). */
  async cancel(card: Card, title?: string): Promise<Card> {
    const question = await this.press(card, 'assessment.cancel', title);
    return this.press(question, 'assessment.cancel', title === RESTART ? RESTART : STOP);
  }

  /** 前へ on a step card. */
  async back(card: Card): Promise<Card> {
    return this.press(card, 'assessment.back', BACK);
  }

  /** A whole assessment, from a new start (or `from`) to its result. */
  async finishAssessment(plan: AssessmentPlan = {}): Promise<{ result: Card; assessmentId: string }> {
    let card = plan.from ?? (await this.start());
    const assessmentId = assessmentIdOf(card);
    card = await this.answerAllRoles(card, plan.roles ?? [2, 2, 2, 2, 2]);
    while (isSkillsStep(card)) card = await this.rateLevel(card, plan.rating ?? '2');
    const result = await this.chooseTarget(card, plan.target ?? 3);
    expect(textOf(result)).toContain('自己診断の結果');
    return { result, assessmentId };
  }

  /** The assessment as stored, with its ETag. */
  async stored(assessmentId: string): Promise<{ assessment: Assessment; etag: string }> {
    const found = await this.endpoint.bot.repositories.assessments.find(this.user.aadObjectId, assessmentId);
    if (!found) throw new Error(`assessment ${assessmentId} is not stored for ${this.user.aadObjectId}`);
    return found;
  }

  async storedAll(): Promise<Assessment[]> {
    return (await this.endpoint.bot.repositories.assessments.listRecent(this.user.aadObjectId, 50)).map((s) => s.assessment);
  }
}

/** A bot started by a test, reached with the harness's activities and fake connector (the same Teams side). */
function endpointAt(base: BotHarness, bot: RunningBot): BotEndpoint {
  return { bot, ...conversationWith(`http://127.0.0.1:${bot.server.port}/api/messages`, base.activity, base.connector) };
}

/** A second bot process as it would boot after a restart: same storage, same framework id. */
async function restartedBot(base: BotHarness): Promise<RunningBot> {
  const config = loadConfig({
    PORT: '0',
    STORAGE_CONNECTION_STRING: base.connectionString,
    FRAMEWORK_ID: base.frameworkId,
    BOT_LANGUAGE: 'auto',
  });
  return startBot(config, silentLogger, { host: '127.0.0.1', recheckMs: 0 });
}

// ---------------------------------------------------------------------------------------------------------------

describe('self-assessment', () => {
  it('walks from 診断 through roles, skills and target to a result', async () => {
    const taro = new Employee();
    const intro = await taro.say('診断');
    expect(textOf(intro)).toContain('DX人材 自己診断');
    let card = await taro.press(intro, 'assessment.start');
    // Five role steps: Lv.2 everywhere. (How progress is shown is the cards' business: these tests follow the headings.)
    for (let i = 0; i < 5; i++) {
      expect(textOf(card)).toContain(roleHeading(i));
      card = await taro.chooseRole(card, 2);
    }
    // Skills of Lv.1..3 (one above the highest role position): rate everything 実践できる except one Lv.2 skill.
    for (const level of [1, 2, 3]) {
      expect(textOf(card)).toContain(`Lv.${level}の必須スキル`);
      card = await taro.rateLevel(card, (skill) => (skill === 'rs12' ? '1' : '2'));
    }
    expect(textOf(card)).toContain('目標とするレベル');
    card = await taro.chooseTarget(card, 3);
    const result = textOf(card);
    expect(result).toContain('自己診断の結果');
    expect(result).toContain('役割の位置（全体）：Lv.2');
    expect(result).toContain('必須スキル：Lv.1まで身についています');
    expect(result).toContain('次の一歩：まずLv.2の『');
    expect(result).toContain('レベルそのものの認定は行いません');
    expect(result).toContain('参加方法：毎年6月頃に届く案内を確認するか、政策局 DX・AI戦略室（093-582-3020）にお問い合わせください。');
    expect(JSON.stringify(card)).toContain('Chart.HorizontalBar.Stacked');
  });

  describe('saving progress', () => {
    it('saves every answer as it is given', async () => {
      const hana = new Employee();
      let card = await hana.start();
      const id = assessmentIdOf(card);
      expect((await hana.stored(id)).assessment).toMatchObject({ status: 'inProgress', rolePositions: {}, ratings: {} });

      card = await hana.answerAllRoles(card, [2, 3]);
      expect((await hana.stored(id)).assessment.rolePositions).toEqual({ mission: 2, thinking: 3 });

      card = await hana.answerAllRoles(card, [1, 2, 2]);
      card = await hana.rateLevel(card, '3');
      const { assessment } = await hana.stored(id);
      expect(assessment.ratings).toEqual({ rs01: 3, rs02: 3, rs03: 3, rs04: 3, rs05: 3, rs06: 3, rs07: 3, rs08: 3 });
      expect(textOf(card)).toContain('Lv.2の必須スキル');
    });

    it('offers to continue an unfinished assessment on 診断, and continues at the next unanswered step', async () => {
      const hana = new Employee();
      let card = await hana.start();
      const id = assessmentIdOf(card);
      card = await hana.answerAllRoles(card, [2, 2]);
      // She leaves: あとで続ける says her answers are kept, and how to come back to them.
      const before = await hana.stored(id);
      const saved = await hana.press(card, 'assessment.later', LATER);
      expect(textOf(saved)).toContain('回答を保存しました');
      expect(textOf(saved)).toContain('ここまでの回答（2/9ステップ）は保存されています。続きは「診断」と送るか、メニューの「自己診断」から');
      expect(await hana.stored(id)).toEqual(before);
      expect(textOf(await hana.press(saved, 'assessment.continue', CONTINUE))).toContain(roleHeading(2));

      const intro = await hana.say('診断');
      const { assessment } = await hana.stored(id);
      expect(textOf(intro)).toContain(IN_PROGRESS);
      expect(textOf(intro)).toContain(`${formatDate(assessment.startedAt, 'ja')}開始`);
      expect(executeActions(intro).map((a) => a.title)).toEqual(expect.arrayContaining([CONTINUE, RESTART]));
      expect(executeActions(intro).some((a) => a.verb === 'assessment.start')).toBe(false);

      const resumed = await hana.press(intro, 'assessment.continue', CONTINUE);
      expect(textOf(resumed)).toContain(roleHeading(2));
      expect(assessmentIdOf(resumed)).toBe(id);
    });

    it('does not start a second assessment while one is in progress', async () => {
      const hana = new Employee();
      const card = await hana.start();
      await hana.answerAllRoles(card, [3]);
      const again = await hana.click('assessment.start', {});
      expect(textOf(again)).toContain(IN_PROGRESS);
      expect(await hana.storedAll()).toHaveLength(1);
    });

    it('continues where the employee left off after the bot restarts', async () => {
      const own = await startBotHarness({ staff: STAFF });
      let restarted: RunningBot | undefined;
      try {
        const jiro = new Employee(own);
        let card = await jiro.start();
        const id = assessmentIdOf(card);
        card = await jiro.answerAllRoles(card, [2, 3, 2, 2, 2]);
        card = await jiro.rateLevel(card, '2');
        expect(textOf(card)).toContain('Lv.2の必須スキル');

        await own.bot.stop();
        restarted = await restartedBot(own);
        const later = jiro.via(endpointAt(own, restarted));

        const intro = await later.say('診断');
        expect(textOf(intro)).toContain(IN_PROGRESS);
        card = await later.press(intro, 'assessment.continue', CONTINUE);
        expect(textOf(card)).toContain('Lv.2の必須スキル');
        expect(assessmentIdOf(card)).toBe(id);

        // …and carries on to the end with the answers given before the restart.
        const { result } = await later.finishAssessment({ from: card, roles: [], target: 4 });
        expect(textOf(result)).toContain('役割の位置（全体）：Lv.2');
        expect(textOf(result)).toContain('必須スキル：Lv.4まで身についています');
        const { assessment } = await later.stored(id);
        expect(assessment).toMatchObject({ status: 'completed', rolePositions: { mission: 2, thinking: 3 }, target: 4 });
        expect(Object.keys(assessment.ratings)).toHaveLength(8 + 6 + 6 + 7);
      } finally {
        await restarted?.stop();
        // Everything the harness started, its storage included (stopping its bot again is harmless).
        await own.stop();
      }
    });
  });

  describe('clicks that come twice', () => {
    it('makes one assessment out of two starts clicked at once', async () => {
      const taro = new Employee();
      await Promise.all([taro.click('assessment.start', {}), taro.click('assessment.start', {}), taro.click('assessment.start', {})]);
      const running = await harness.bot.repositories.assessments.listRecent(taro.user.aadObjectId, 10, 'inProgress');
      expect(running).toHaveLength(1);
      expect(await harness.bot.repositories.assessments.listRecent(taro.user.aadObjectId, 10)).toHaveLength(1);
    });

    it('tells a click from a step not reached yet apart from a repeated one', async () => {
      const taro = new Employee();
      const card = await taro.start();
      const skipped = await taro.click('assessment.target', { assessmentId: assessmentIdOf(card), step: 'target', target: 3 });
      expect(textOf(skipped)).toContain('この質問にはまだ進んでいません');
    });

    it('answers a second click on an answered step with the current question, and changes nothing', async () => {
      const taro = new Employee();
      const first = await taro.start();
      const id = assessmentIdOf(first);

      const next = await taro.chooseRole(first, 2);
      expect(textOf(next)).toContain(roleHeading(1));
      const afterFirst = await taro.stored(id);

      // The same answer again (a double click), or another one on the old card: the current question, as it was.
      expect(await taro.chooseRole(first, 2)).toEqual(next);
      expect(await taro.chooseRole(first, 4)).toEqual(next);
      expect(await taro.stored(id)).toEqual(afterFirst);
      expect(afterFirst.assessment.rolePositions).toEqual({ mission: 2 });
    });

    it('answers a second click on an answered skills step with the current question', async () => {
      const taro = new Employee();
      const skills = await taro.answerAllRoles(await taro.start(), [1, 1, 1, 1, 1]);
      const id = assessmentIdOf(skills);
      const next = await taro.rateLevel(skills, '2');
      expect(textOf(next)).toContain('Lv.2の必須スキル');
      const afterFirst = await taro.stored(id);

      expect(await taro.rateLevel(skills, '0')).toEqual(next);
      expect(await taro.stored(id)).toEqual(afterFirst);
    });

    it('answers the last answer clicked twice with the result, and completes one assessment', async () => {
      const taro = new Employee();
      let card = await taro.answerAllRoles(await taro.start(), [2, 2, 2, 2, 2]);
      while (isSkillsStep(card)) card = await taro.rateLevel(card, '2');
      const id = assessmentIdOf(card);
      const [one, two] = await Promise.all([taro.chooseTarget(card, 3), taro.chooseTarget(card, 3)]);
      const again = await taro.chooseTarget(card, 4);
      for (const result of [one, two, again]) expect(textOf(result)).toContain('自己診断の結果');
      expect(textOf(again)).toContain('目標：Lv.3');
      expect((await taro.stored(id)).assessment).toMatchObject({ status: 'completed', target: 3 });
      expect(await taro.storedAll()).toHaveLength(1);
    });

    it('makes one transition out of two different answers clicked at once, and shows both the next question', async () => {
      const taro = new Employee();
      const card = await taro.start();
      const id = assessmentIdOf(card);

      const [low, high] = await Promise.all([taro.chooseRole(card, 1), taro.chooseRole(card, 3)]);
      expect(textOf(low)).toContain(roleHeading(1));
      expect(textOf(high)).toContain(roleHeading(1));

      const { assessment } = await taro.stored(id);
      expect(Object.keys(assessment.rolePositions)).toEqual(['mission']);
      expect([1, 3]).toContain(assessment.rolePositions.mission);
    });

    it('lets the ETag decide when both clicks start from the same version: one write, one 412, both shown the next question', async () => {
      const taro = new Employee();
      const card = await taro.start();
      const id = assessmentIdOf(card);
      // Hold every write of this assessment until both clicks have made theirs, so both write with the ETag this
      // instance last saw (neither reads first: the start was written here).
      const repository = harness.bot.repositories.assessments;
      const find = repository.find.bind(repository);
      const update = repository.update.bind(repository);
      let [reads, updates] = [0, 0];
      let bothWriting!: () => void;
      const barrier = new Promise<void>((resolve) => (bothWriting = resolve));
      // Only for a click that never writes (a bug): the counts below then fail, rather than the test hanging.
      // Long enough for the second click to reach its write on a busy machine.
      const fallback = setTimeout(bothWriting, PATIENCE_MS);
      const writes: (number | 'ok')[] = [];
      const findSpy = jest.spyOn(repository, 'find').mockImplementation(async (userId, assessmentId) => {
        if (assessmentId === id) reads++;
        return find(userId, assessmentId);
      });
      const updateSpy = jest.spyOn(repository, 'update').mockImplementation(async (assessment, etag) => {
        if (assessment.id === id && ++updates === 2) bothWriting();
        await barrier;
        try {
          const saved = await update(assessment, etag);
          writes.push('ok');
          return saved;
        } catch (err) {
          writes.push(storageStatus(err) ?? -1);
          throw err;
        }
      });
      let cards: Card[];
      try {
        cards = await Promise.all([taro.chooseRole(card, 2), taro.chooseRole(card, 4)]);
      } finally {
        clearTimeout(fallback);
        findSpy.mockRestore();
        updateSpy.mockRestore();
      }

      // Two writes with the same ETag, and one read by the loser, to show what the winner left.
      expect({ updates, reads }).toEqual({ updates: 2, reads: 1 });
      expect([...writes].sort()).toEqual([412, 'ok']);
      for (const shown of cards) expect(textOf(shown)).toContain(roleHeading(1));
      const { rolePositions } = (await taro.stored(id)).assessment;
      expect(Object.keys(rolePositions)).toEqual(['mission']);
      expect([2, 4]).toContain(rolePositions.mission);
    });

    it('makes one transition out of five answers clicked at once', async () => {
      const taro = new Employee();
      const card = await taro.start();
      const id = assessmentIdOf(card);

      const cards = await Promise.all([1, 2, 3, 4, 5].map((level) => taro.chooseRole(card, level)));
      for (const shown of cards) expect(textOf(shown)).toContain(roleHeading(1));
      const { rolePositions } = (await taro.stored(id)).assessment;
      expect(Object.keys(rolePositions)).toEqual(['mission']);
    });
  });

  describe('going back with 前へ', () => {
    it('shows the step before with the answer given, keeps every answer, and leads on to where one was', async () => {
      const hana = new Employee();
      let card = await hana.answerAllRoles(await hana.start(), [2, 3, 2]);
      const id = assessmentIdOf(card);
      const answered = await hana.stored(id);

      card = await hana.back(card);
      expect(textOf(card)).toContain(roleHeading(2));
      expect(textOf(card)).toContain(CHOSEN);
      card = await hana.back(card);
      expect(textOf(card)).toContain(roleHeading(1));
      expect((await hana.stored(id)).assessment.rolePositions).toEqual(answered.assessment.rolePositions);

      // Another level for 思考・認識; the next category comes again with its answer, then the first open one.
      card = await hana.chooseRole(card, 1);
      expect(textOf(card)).toContain(roleHeading(2));
      expect(textOf(card)).toContain(CHOSEN);
      card = await hana.chooseRole(card, 2);
      expect(textOf(card)).toContain(roleHeading(3));
      expect(textOf(card)).not.toContain(CHOSEN);
      expect((await hana.stored(id)).assessment).toMatchObject({ rolePositions: { mission: 2, thinking: 1, execution: 2 } });
    });

    it('goes back from the first step to the introduction, which offers to continue', async () => {
      const hana = new Employee();
      const first = await hana.start();
      const intro = await hana.press(first, 'assessment.open', BACK);
      expect(textOf(intro)).toContain(IN_PROGRESS);
      expect(textOf(await hana.press(intro, 'assessment.continue', CONTINUE))).toContain(roleHeading(0));
    });

    it('shows the ratings given when going back to a skills step, and keeps them when answered again', async () => {
      const hana = new Employee();
      let card = await hana.answerAllRoles(await hana.start(), [1, 1, 1, 1, 1]);
      const id = assessmentIdOf(card);
      card = await hana.rateLevel(card, (skill) => (skill === 'rs03' ? '3' : '1'));
      expect(textOf(card)).toContain('Lv.2の必須スキル');

      card = await hana.back(card);
      expect(textOf(card)).toContain('Lv.1の必須スキル');
      const shown = ratingsShown(card);
      expect(shown).toMatchObject({ r_rs01: '1', r_rs02: '1', r_rs03: '3' });
      card = await hana.rateLevel(card, (skill) => shown[`r_${skill}`]!);
      expect(textOf(card)).toContain('Lv.2の必須スキル');
      expect((await hana.stored(id)).assessment.ratings).toMatchObject({ rs01: 1, rs03: 3 });
    });

    it('answers 前へ clicked twice with the step gone back to', async () => {
      const hana = new Employee();
      const card = await hana.answerAllRoles(await hana.start(), [2, 2]);
      const id = assessmentIdOf(card);
      const [one, two] = await Promise.all([hana.back(card), hana.back(card)]);
      const again = await hana.back(card);
      for (const shown of [one, two, again]) expect(textOf(shown)).toContain(roleHeading(1));
      expect((await hana.stored(id)).assessment.revisiting).toBe('role:thinking');
    });

    it('continues at the step gone back to, after leaving and after a restart', async () => {
      const own = await startBotHarness({ staff: STAFF });
      let restarted: RunningBot | undefined;
      try {
        const jiro = new Employee(own);
        let card = await jiro.answerAllRoles(await jiro.start(), [2, 2, 2]);
        card = await jiro.back(card);
        expect(textOf(card)).toContain(roleHeading(2));

        await own.bot.stop();
        restarted = await restartedBot(own);
        const later = jiro.via(endpointAt(own, restarted));
        const intro = await later.say('診断');
        expect(textOf(intro)).toContain('3/9ステップ回答済み');
        card = await later.press(intro, 'assessment.continue', CONTINUE);
        expect(textOf(card)).toContain(roleHeading(2));
        expect(textOf(card)).toContain(CHOSEN);
      } finally {
        await restarted?.stop();
        await own.stop();
      }
    });

    it('continues an assessment the previous version saved (no step gone back to), whose old cards still answer', async () => {
      const hana = new Employee();
      // As the version before 前へ stored it: answers and times, nothing else.
      const startedAt = new Date();
      const old = {
        id: newAssessmentId(startedAt),
        userId: hana.user.aadObjectId,
        frameworkId: harness.frameworkId,
        status: 'inProgress',
        rolePositions: { mission: 2, thinking: 2, execution: 2, organization: 2, external: 2 },
        ratings: {},
        startedAt: startedAt.toISOString(),
        updatedAt: startedAt.toISOString(),
      } as const;
      await harness.bot.repositories.assessments.create(old);
      await harness.bot.repositories.assessments.claimCurrent(hana.user.aadObjectId, old.id, undefined);

      const intro = await hana.say('診断');
      expect(textOf(intro)).toContain('5/9ステップ回答済み');
      const card = await hana.press(intro, 'assessment.continue', CONTINUE);
      expect(textOf(card)).toContain('Lv.1の必須スキル');
      // An old skills card (a dropdown per skill) sent the same payload: it is answered as today's is.
      const next = await hana.click('assessment.skills', { assessmentId: old.id, step: 'skills:1', ...allRated(1, 8) });
      expect(textOf(next)).toContain('Lv.2の必須スキル');
      expect(textOf(await hana.back(next))).toContain('Lv.1の必須スキル');
    });
  });

  describe('leaving', () => {
    it('asks before discarding answers, with 続ける next to やめる, which leads back to the question', async () => {
      const taro = new Employee();
      const card = await taro.answerAllRoles(await taro.start(), [2, 2]);
      const id = assessmentIdOf(card);
      const before = await taro.stored(id);

      const question = await taro.press(card, 'assessment.cancel');
      expect(textOf(question)).toContain('診断をやめますか？');
      expect(executeActions(question).map((a) => a.title)).toEqual([STOP, KEEP_GOING, 'メニューに戻る']);
      const resumed = await taro.press(question, 'assessment.continue', KEEP_GOING);
      expect(textOf(resumed)).toContain(roleHeading(2));
      expect(await taro.stored(id)).toEqual(before);
    });

    it('says あとで続ける of a finished assessment has ended, and leads to its result', async () => {
      const taro = new Employee();
      const { assessmentId } = await taro.finishAssessment();
      const card = await taro.click('assessment.later', { assessmentId });
      expectRefusal(card, ALREADY_ENDED);
      expect(textOf(await taro.press(card, 'assessment.continue', CONTINUE))).toContain('自己診断の結果');
    });
  });

  describe('forged skill ratings are refused and change nothing', () => {
    let taro: Employee;
    let skills: Card;
    let id: string;
    let before: { assessment: Assessment; etag: string };
    /** The Lv.1 card's own payload with every skill rated 2, then changed by a test. */
    let valid: Record<string, unknown>;

    beforeAll(async () => {
      taro = new Employee();
      skills = await taro.answerAllRoles(await taro.start(), [1, 1, 1, 1, 1]);
      expect(textOf(skills)).toContain('Lv.1の必須スキル');
      id = assessmentIdOf(skills);
      before = await taro.stored(id);
      valid = { ...button(skills, 'assessment.skills').data, ...Object.fromEntries(ratingInputs(skills).map((i) => [i, '2'])) };
      expect(Object.keys(valid)).toEqual(expect.arrayContaining(['r_rs01', 'r_rs08']));
    });

    afterEach(async () => {
      expect(await taro.stored(id)).toEqual(before);
    });

    it.each([
      ['a rating above the scale', { r_rs01: '7' }, INVALID_CHOICE],
      ['a rating as a number above the scale', { r_rs01: 4 }, INVALID_CHOICE],
      ['a negative rating', { r_rs01: '-1' }, INVALID_CHOICE],
      ['a rating that is not a number', { r_rs01: 'x' }, INVALID_CHOICE],
      ['a fractional rating', { r_rs01: 1.5 }, INVALID_CHOICE],
      ['an unknown skill', { r_rs99: '2' }, INVALID_CHOICE],
      ['a Lv.2 skill on the Lv.1 card', { r_rs09: '2' }, INVALID_CHOICE],
    ])('%s', async (_, change, message) => {
      expectRefusal(await taro.click('assessment.skills', { ...valid, ...change }), message);
    });

    it('a missing rating', async () => {
      const missing = { ...valid };
      delete missing.r_rs08;
      expectRefusal(await taro.click('assessment.skills', missing), RATE_EVERY_SKILL);
    });

    it('no ratings at all', async () => {
      expectRefusal(await taro.click('assessment.skills', button(skills, 'assessment.skills').data), RATE_EVERY_SKILL);
    });

    it('(and the untouched card still works afterwards)', async () => {
      expect(textOf(await taro.click('assessment.skills', valid))).toContain('Lv.2の必須スキル');
      before = await taro.stored(id);
      expect(before.assessment.ratings.rs01).toBe(2);
    });
  });

  describe('answers for a step that is not the current one are refused and change nothing', () => {
    let taro: Employee;
    let id: string;
    let before: { assessment: Assessment; etag: string };

    beforeAll(async () => {
      taro = new Employee();
      id = assessmentIdOf(await taro.start());
      before = await taro.stored(id);
    });

    afterEach(async () => {
      expect(await taro.stored(id)).toEqual(before);
    });

    it.each([
      ['the Lv.1 skills while on the first role', 'assessment.skills', { step: 'skills:1', ...allRated(1, 8) }],
      ['the target while on the first role', 'assessment.target', { step: 'target', target: '3' }],
      ['the second role while on the first', 'assessment.role', { step: 'role:thinking', level: '2' }],
      ['a role category the framework does not have', 'assessment.role', { step: 'role:leadership', level: '2' }],
    ])('%s', async (_, verb, data) => {
      const card = await taro.click(verb, { assessmentId: id, ...data });
      expect(textOf(card)).toContain(REFUSED);
      const back = await taro.press(card, 'assessment.continue', CONTINUE);
      expect(textOf(back)).toContain(roleHeading(0));
    });

    it('a role level the framework does not have (Lv.6)', async () => {
      const card = await taro.click('assessment.role', { assessmentId: id, step: 'role:mission', level: '6' });
      expectRefusal(card, INVALID_CHOICE);
    });

    it('a later skills level while on the Lv.1 skills', async () => {
      const skills = await taro.answerAllRoles(await taro.click('assessment.continue', { assessmentId: id }), [3, 3, 3, 3, 3]);
      before = await taro.stored(id);
      const lv1 = button(skills, 'assessment.skills').data;
      const card = await taro.click('assessment.skills', { ...lv1, step: 'skills:2', ...allRated(9, 14) });
      expect(textOf(card)).toContain(REFUSED);
    });
  });

  describe('an assessment id that is not the clicker’s own', () => {
    it('is not found for another user, and the owner’s assessment stays as it was', async () => {
      const owner = new Employee();
      const card = await owner.start();
      const id = assessmentIdOf(card);
      const role = roleButton(card, 3).data;
      const before = await owner.stored(id);

      const intruder = new Employee();
      for (const [verb, data] of [
        ['assessment.role', role],
        ['assessment.continue', { assessmentId: id }],
        ['assessment.result', { assessmentId: id }],
        ['assessment.cancel', { assessmentId: id }],
        ['assessment.cancel', { assessmentId: id, confirmed: true }],
        ['assessment.cancel', { assessmentId: id, then: 'restart', confirmed: true }],
      ] as const) {
        const answer = await intruder.click(verb, data);
        expectRefusal(answer, NOT_FOUND);
        expect(textOf(answer)).not.toContain(roleHeading(0));
      }
      expect(await owner.stored(id)).toEqual(before);
      expect(await intruder.storedAll()).toEqual([]);
    });

    it('is not found when it was never created', async () => {
      const taro = new Employee();
      const card = await taro.click('assessment.continue', { assessmentId: '8217000000000-0123abcd' });
      expectRefusal(card, NOT_FOUND);
      expect(button(card, 'assessment.open').verb).toBe('assessment.open');
    });

    it.each([
      ['not an assessment id', 'assessment.role', { assessmentId: 'abc', step: 'role:mission', level: 2 }],
      ['an id in upper case', 'assessment.role', { assessmentId: '8217000000000-0123ABCD', step: 'role:mission', level: 2 }],
      ['an id with a path in it', 'assessment.continue', { assessmentId: '../8217000000000-0123abcd' }],
      ['no id', 'assessment.result', {}],
      ['a step that is not a step', 'assessment.role', { assessmentId: '8217000000000-0123abcd', step: 'role:../x', level: 2 }],
      ['a level below 1', 'assessment.role', { assessmentId: '8217000000000-0123abcd', step: 'role:mission', level: '0' }],
      ['an unknown "then" on cancel', 'assessment.cancel', { assessmentId: '8217000000000-0123abcd', then: 'delete' }],
      ['a confirmation that is not true', 'assessment.cancel', { assessmentId: '8217000000000-0123abcd', confirmed: 'yes' }],
    ])('is refused as an invalid action when malformed: %s', async (_, verb, data) => {
      const taro = new Employee();
      const card = await taro.click(verb, data);
      expect(textOf(card)).toContain(INVALID_ACTION);
      expect(await taro.storedAll()).toEqual([]);
    });
  });

  describe('old cards and cancelled assessments', () => {
    it('refuses any answer from the cards of a finished assessment', async () => {
      const taro = new Employee();
      const firstRole = await taro.start();
      const skills = await taro.answerAllRoles(firstRole, [2, 2, 2, 2, 2]);
      const { assessmentId: id } = await taro.finishAssessment({ from: skills, roles: [] });
      const finished = await taro.stored(id);

      for (const old of [roleButton(firstRole, 3), button(skills, 'assessment.skills')]) {
        const card = await taro.click(old.verb, old.data);
        expectRefusal(card, ALREADY_ENDED);
        // The way back leads to the result.
        expect(textOf(await taro.press(card, 'assessment.continue', CONTINUE))).toContain('自己診断の結果');
      }
      // The answer that finished it, clicked once more, shows the result as it was.
      expect(textOf(await taro.click('assessment.target', { assessmentId: id, step: 'target', target: '5' }))).toContain('目標：Lv.3');
      // Cancelling it is refused at once (no "discard?" question), and so is a forged confirmation.
      expectRefusal(await taro.press(firstRole, 'assessment.cancel'), ALREADY_ENDED);
      expectRefusal(await taro.click('assessment.cancel', { assessmentId: id, confirmed: true }), ALREADY_ENDED);
      expect(await taro.stored(id)).toEqual(finished);
    });

    it('cancels, and then refuses to continue, offering a new start', async () => {
      const taro = new Employee();
      const card = await taro.answerAllRoles(await taro.start(), [2]);
      const id = assessmentIdOf(card);

      // Discarding answers takes a second, deliberate click; the question alone changes nothing.
      const before = await taro.stored(id);
      const question = await taro.press(card, 'assessment.cancel');
      expect(textOf(question)).toContain('ここまでの回答は破棄されます');
      expect(await taro.stored(id)).toEqual(before);

      const cancelled = await taro.press(question, 'assessment.cancel', STOP);
      expect(textOf(cancelled)).toContain('診断をやめました');
      expect(button(cancelled, 'assessment.start', START).data).toEqual({});
      const stored = await taro.stored(id);
      expect(stored.assessment).toMatchObject({ status: 'cancelled', rolePositions: { mission: 2 } });

      const refused = await taro.click('assessment.continue', { assessmentId: id });
      expectRefusal(refused, ALREADY_ENDED);
      expect(executeActions(refused).map((a) => a.title)).toContain(START);
      expect(executeActions(refused).some((a) => a.verb === 'assessment.continue')).toBe(false);
      expectRefusal(await taro.chooseRole(card, 2), ALREADY_ENDED);
      expectRefusal(await taro.press(card, 'assessment.cancel'), ALREADY_ENDED);
      expectRefusal(await taro.press(question, 'assessment.cancel', STOP), ALREADY_ENDED);
      expectRefusal(await taro.press(question, 'assessment.continue', KEEP_GOING), ALREADY_ENDED);
      expect(await taro.stored(id)).toEqual(stored);

      // 診断 no longer offers to continue it.
      const intro = await taro.say('診断');
      expect(textOf(intro)).not.toContain(IN_PROGRESS);
      expect(textOf(await taro.press(intro, 'assessment.start', START))).toContain(roleHeading(0));
    });

    it('starts over with 最初からやり直す: the old one is cancelled, a new one begins at step 1', async () => {
      const taro = new Employee();
      const card = await taro.answerAllRoles(await taro.start(), [2, 2, 2]);
      const oldId = assessmentIdOf(card);

      const intro = await taro.say('診断');
      const fresh = await taro.cancel(intro, RESTART);
      expect(textOf(fresh)).toContain(roleHeading(0));
      const newId = assessmentIdOf(fresh);
      expect(newId).not.toBe(oldId);

      expect((await taro.stored(oldId)).assessment).toMatchObject({
        status: 'cancelled',
        rolePositions: { mission: 2, thinking: 2, execution: 2 },
      });
      expect((await taro.stored(newId)).assessment).toMatchObject({ status: 'inProgress', rolePositions: {}, ratings: {} });
      expect((await taro.storedAll()).map((a) => a.id)).toEqual([newId, oldId]);
      // The old cards are dead.
      expectRefusal(await taro.chooseRole(card, 2), ALREADY_ENDED);
    });
  });

  describe('retaking and history', () => {
    it('retakes after a result, and lists both results with dates and how they moved; a past result opens', async () => {
      const hana = new Employee();
      const oneLv2Gap = (skill: string): string => (skill === 'rs12' ? '1' : '2');
      const first = await hana.finishAssessment({ roles: [2, 2, 2, 2, 2], rating: oneLv2Gap, target: 3 });

      // もう一度診断する on the result starts a new one.
      const retake = await hana.press(first.result, 'assessment.start', 'もう一度診断する');
      expect(textOf(retake)).toContain(roleHeading(0));
      const second = await hana.finishAssessment({ from: retake, roles: [3, 3, 3, 3, 3], rating: oneLv2Gap, target: 4 });
      expect(second.assessmentId).not.toBe(first.assessmentId);
      expect(textOf(second.result)).toContain('役割の位置（全体）：Lv.3');

      const third = await hana.finishAssessment({ roles: [2, 2, 1, 1, 1], rating: '0', target: 2 });
      expect(textOf(third.result)).toContain('役割の位置（全体）：Lv.1');
      expect(textOf(third.result)).toContain('Lv.1の必須スキルがまだそろっていません');

      const history = await hana.press(third.result, 'assessment.history', 'これまでの結果');
      expect(textOf(history)).toContain('自己診断の履歴');
      const rows = entriesOf(history);
      const completedAt = async (id: string): Promise<string> => formatDate((await hana.stored(id)).assessment.completedAt!, 'ja');
      const row = async (id: string, summary: string, moved: string) => ({ assessmentId: id, text: [await completedAt(id), summary, moved] });
      // Newest first, each compared with the one before it.
      expect(rows).toEqual([
        await row(third.assessmentId, '役割 Lv.1・スキル Lv.1未満・目標 Lv.2', '役割 ↓2・スキル ↓1'),
        await row(second.assessmentId, '役割 Lv.3・スキル Lv.1・目標 Lv.4', '役割 ↑1・スキル →'),
        await row(first.assessmentId, '役割 Lv.2・スキル Lv.1・目標 Lv.3', '初回'),
      ]);

      // Opening the first result from the history shows it as it was.
      const past = await hana.click('assessment.result', { assessmentId: rows[2]!.assessmentId });
      expect(textOf(past)).toContain('自己診断の結果');
      expect(textOf(past)).toContain('役割の位置（全体）：Lv.2');
      expect(textOf(past)).toContain('目標：Lv.3');
      expect(textOf(past)).toContain(`${await completedAt(first.assessmentId)}の診断`);
    });

    it('leaves cancelled and unfinished assessments out of the history', async () => {
      const hana = new Employee();
      const { assessmentId } = await hana.finishAssessment();
      const cancelled = await hana.answerAllRoles(await hana.click('assessment.start', {}), [1]);
      await hana.cancel(cancelled);
      await hana.answerAllRoles(await hana.click('assessment.start', {}), [4]);

      const history = await hana.click('assessment.history', {});
      expect(entriesOf(history).map((e) => e.assessmentId)).toEqual([assessmentId]);
      expect(textOf(history)).toContain('初回');
    });

    it('says there is nothing yet when no assessment was finished', async () => {
      const history = await new Employee().click('assessment.history', {});
      expect(textOf(history)).toContain('まだ完了した診断はありません');
      expect(entriesOf(history)).toEqual([]);
    });
  });

  describe('English', () => {
    it('shows the role step in English for an en-US client', async () => {
      const emily = new Employee(harness, 'en-US');
      const intro = await emily.say('assessment');
      const card = await emily.press(intro, 'assessment.start', 'Start');
      const text = textOf(card);
      expect(text).toContain('This is me');
      expect(text).toContain('Read it all');
      expect(text).toContain('What changes from Lv.1');
      expect(text).toContain('which is closest to you today?');
      expect(text).not.toContain('これに近い');
      expect(text).not.toContain('全文を読む');

      // Refusals speak English too.
      const skipped = await emily.click('assessment.target', { assessmentId: assessmentIdOf(card), step: 'target', target: 3 });
      expect(textOf(skipped)).toContain('This answer cannot be accepted');
      expect(textOf(skipped)).toContain('You have not reached this question yet.');
    });
  });

  // Last in the file: it opens an application window for the harness's framework (and closes it again).
  describe('the application window', () => {
    it('says nothing about applying when no window is open', async () => {
      const now = Date.now();
      await harness.bot.repositories.applicationWindows.save({
        frameworkId: harness.frameworkId,
        fiscalYear: 2000,
        track: 'gold',
        opensAt: new Date(now - 30 * 86_400_000).toISOString(),
        closesAt: new Date(now - 86_400_000).toISOString(),
      });
      const { result } = await new Employee().finishAssessment();
      expect(textOf(result)).not.toContain('募集期間中');
      expect(textOf(result)).not.toContain('必須スキルは応募時点');
    });

    it('points to applying during an open window, saying required skills are not required to apply', async () => {
      const now = Date.now();
      const closesAt = new Date(now + 7 * 86_400_000).toISOString();
      const windows = ['gold', 'silver'].map((track) => ({
        frameworkId: harness.frameworkId,
        fiscalYear: 2001,
        track,
        opensAt: new Date(now - 86_400_000).toISOString(),
        closesAt,
      }));
      for (const window of windows) await harness.bot.repositories.applicationWindows.save(window);
      try {
        const hana = new Employee();
        // Even with many gaps (everything rated まだ知らない), applying is a pointer, never a requirement.
        const { result, assessmentId } = await hana.finishAssessment({ rating: '0' });
        const text = textOf(result);
        const until = formatDate(closesAt, 'ja');
        expect(text).toContain(`いまゴールド・シルバー認定候補の募集期間中です（${until}まで）`);
        expect(text).toContain('必須スキルは応募時点で求められるものではありません');
        // Opening the result later while the window is open shows the pointer too.
        expect(textOf(await hana.click('assessment.result', { assessmentId }))).toContain('募集期間中');
      } finally {
        for (const window of windows) await harness.bot.repositories.applicationWindows.save({ ...window, closesAt: window.opensAt });
      }
    });
  });
});

/** The rows of a history card: the assessment each opens, and its texts (date, summary, movement). */
function entriesOf(card: Card): { assessmentId: string; text: string[] }[] {
  type Row = { selectAction?: { verb?: string; data?: { assessmentId?: string } }; items?: unknown };
  return ((card.body ?? []) as Row[])
    .filter((row) => row.selectAction?.verb === 'assessment.result')
    .map((row) => ({ assessmentId: row.selectAction!.data!.assessmentId!, text: textOf(row.items).split('\n') }));
}
