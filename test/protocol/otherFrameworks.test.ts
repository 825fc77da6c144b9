import { randomUUID } from 'node:crypto';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { createTableStorage } from '../../src/storage/tableStorage';
import { executeActions, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import { clickForBelow, clickOn, importRosterRows, sayTo } from '../support/conversation';
import { loadFrameworkFile } from '../unit/realFramework';

// The other cities of the seeds, and the national model, on the same bot: a bot started with Moka's, Kunisaki's or the
// national guide's framework is browsed, an employee takes the whole self-assessment, and applying says there is no
// window and how one becomes certified there instead (or to ask, where the framework says nothing of it); HR finds no
// window to open and writes a notice without Apply buttons. Every text looked for comes
// from the city's framework file. The roster is one data set per storage, so this file brings its own Azurite.

const CITIES = ['moka', 'kunisaki', 'national'] as const;
type City = (typeof CITIES)[number];

// ---------------------------------------------------------------------------------------------------------------
// What the bot says (the Japanese catalog).

const NO_APPLY_MENU = '認定のしくみ';
const NO_WINDOW_TITLE = 'DX人材の認定・指名';
const UNKNOWN_TRACK = 'この区分には応募できません。';
const ERRORS = ['申し訳ありません', 'この操作は実行できません'];
const ROSTER_REQUIRED = '職員名簿にお名前が見つかりません';

// ---------------------------------------------------------------------------------------------------------------
// The people.

function person(name: string): TestUser & { email: string } {
  const aadObjectId = randomUUID();
  return { id: `29:${aadObjectId}`, aadObjectId, name, email: `${aadObjectId}@example.city.jp` };
}
const boss = person('真岡 一郎');
const hr = person('国東 由美');
/**
 * The employees of each city's story, made as its tests are declared (before any beforeAll runs): the
 * self-assessment and applying answer only people on the roster, so they all go on this file's roster.
 */
const staff: (TestUser & { email: string })[] = [];
function employeeOnRoster(name: string): TestUser & { email: string } {
  const p = person(name);
  staff.push(p);
  return p;
}

let azurite: Azurite;
const bots = new Map<City, BotHarness>();

beforeAll(async () => {
  azurite = await startAzurite();
  const storage = createTableStorage({ connectionString: azurite.connectionString });
  await storage.ensureTables();
  for (const city of CITIES) bots.set(city, await startBotHarness({ connectionString: azurite.connectionString, frameworkFile: city }));
  // One roster for both bots: it is one data set per storage.
  await importRosterRows(bots.get('moka')!, [
    `M1,${boss.name},${boss.email},${boss.aadObjectId},総務部,総務係,部長,,`,
    `M2,${hr.name},${hr.email},${hr.aadObjectId},総務部,人事係,主任,${boss.email},hr`,
    ...staff.map((p, n) => `S${n + 1},${p.name},${p.email},${p.aadObjectId},市民部,市民係,主事,${boss.email},`),
  ]);
});

afterAll(async () => {
  for (const bot of bots.values()) await bot.stop();
  await azurite?.stop();
});

describe.each(CITIES)('a bot started with FRAMEWORK_ID %s', (city) => {
  const framework = loadFrameworkFile(city);
  const doc = framework.document;
  const bot = (): BotHarness => bots.get(city)!;
  const employee = employeeOnRoster('職員 花子');
  /** The lines of a role's text; none where the framework says nothing of it. */
  const roleLines = (level: number, category: string): string[] => framework.role(level, category)?.text?.split('\n') ?? [];

  /** A card as the framework's data filled it: no template expression and no message placeholder left. */
  function filled(card: Card): Card {
    expect(JSON.stringify(card)).not.toContain('${');
    expect(textOf(card)).not.toMatch(/\{[A-Za-z][\w-]*\}/);
    return card;
  }
  async function say(who: TestUser, text: string): Promise<Card> {
    return filled(await sayTo(bot(), who, text));
  }
  async function click(who: TestUser, verb: string, data: Record<string, unknown>): Promise<Card> {
    const card = await clickOn(bot(), who, verb, data);
    const text = textOf(card);
    for (const error of ERRORS) expect(text).not.toContain(error);
    return filled(card);
  }
  /** A click answered below the card clicked: the cards sent below, each checked as `click` checks its card. */
  async function clickBelow(who: TestUser, verb: string, data: Record<string, unknown>): Promise<Card[]> {
    const cards = await clickForBelow(bot(), who, verb, data);
    for (const card of cards) for (const error of ERRORS) expect(textOf(card)).not.toContain(error);
    return cards.map(filled);
  }
  const verbsOf = (card: Card): string[] => executeActions(card).map((a) => a.verb);
  const buttonOf = (card: Card, verb: string, match: (data: Record<string, unknown>) => boolean = () => true): Record<string, unknown> => {
    const found = executeActions(card).find((a) => a.verb === verb && match(a.data as Record<string, unknown>));
    if (!found) throw new Error(`no ${verb} on the card:\n${textOf(card)}`);
    return found.data as Record<string, unknown>;
  };

  describe('browsing', () => {
    it('shows the menu with as many levels as the framework has, and "how certification works" instead of applying', async () => {
      const menu = await say(employee, 'メニュー');
      const text = textOf(menu);
      expect(text).toContain(doc.name);
      expect(text).toContain(`レベル一覧（${doc.levels.length}段階）`);
      expect(text).toContain(NO_APPLY_MENU);
      expect(text).not.toContain('応募');
      // Recommended skills only where the framework has some.
      expect(verbsOf(menu).includes('framework.recommended')).toBe(doc.recommendedSkillGroups.length > 0);
    });

    it('shows the ladder of the three levels with their titles and tiers, and the staff the framework aims for', async () => {
      const ladder = await click(employee, 'framework.ladder', {});
      const text = textOf(ladder);
      expect(text).toContain(`DX人材の${doc.levels.length}つのレベル`);
      for (const level of doc.levels) expect(text).toContain(level.title);
      for (const tier of doc.tiers) expect(text).toContain(tier.name);
      expect(doc.aims.length).toBeGreaterThan(0);
      for (const aim of doc.aims) {
        expect(text).toContain(aim.heading);
        for (const item of aim.items) expect(text).toContain(`・${item}`);
      }
    });

    it('shows a level with its roles in every category, its tier\'s criteria and target, and its required skills', async () => {
      const card = await click(employee, 'framework.level', { level: 2 });
      const text = textOf(card);
      for (const category of doc.categories) for (const line of roleLines(2, category.id)) expect(text).toContain(line);
      const tier = framework.tier(framework.level(2)!.tier)!;
      if (tier.criteria) expect(text).toContain(`認定基準：${tier.criteria}`);
      if (tier.targetCount) expect(text).toContain(`目標人数：${tier.targetCount}名`);
      if (framework.level(2)!.summary) expect(text).toContain(framework.level(2)!.summary!.split('\n')[0]);
      // The hint about bold phrases only where the framework emphasises some.
      expect(text).not.toContain('太字は');
      const skills = framework.requiredSkillsAt(2);
      expect(text.includes('このレベルの必須スキル')).toBe(doc.requiredSkills.length > 0);
      for (const skill of skills) expect(text).toContain(skill.name);
      expect(verbsOf(card).filter((v) => v === 'framework.skill')).toHaveLength(skills.length);
    });

    it('shows a skill with its definition (and no empty example or definition), or a level\'s programs', async () => {
      const [skill] = doc.requiredSkills;
      if (skill) {
        const card = await click(employee, 'framework.skill', { skillId: skill.id });
        const text = textOf(card);
        expect(text).toContain(skill.name);
        expect(text.includes('定義')).toBe(skill.definition !== undefined);
        if (skill.definition) expect(text).toContain(skill.definition);
        expect(text.includes('活用例')).toBe(skill.example !== undefined);
      }
      const training = textOf(await click(employee, 'framework.training', { level: 1 }));
      for (const program of framework.programsFor(1)) expect(training).toContain(program.name);
      expect(training.includes('重点育成項目')).toBe(framework.focusItemsAt(1).length > 0);
    });

    it('says so where the framework says nothing of a level\'s role, rather than leaving it blank', async () => {
      const unsaid = doc.roles.find((r) => r.text === undefined);
      const text = textOf(await click(employee, 'framework.level', { level: unsaid?.level ?? 1 }));
      expect(text.includes('（資料には、この区分の役割の記載がありません。）')).toBe(unsaid !== undefined);
    });

    it('shows the recommended skills with what the framework says of them, or says there are none', async () => {
      const text = textOf(await click(employee, 'framework.recommended', {}));
      if (doc.recommendedSkillGroups.length === 0) {
        expect(text).toContain(`${doc.name}には、推奨スキルの定めはありません。`);
        return;
      }
      for (const skill of doc.recommendedSkillGroups.flatMap((g) => g.skills)) {
        expect(text).toContain(skill.name);
        if (skill.note) expect(text).toContain(skill.note);
      }
      if (doc.skillNotes?.recommended) expect(text).toContain(doc.skillNotes.recommended);
    });

    it('finds a program by keyword', async () => {
      const program = doc.programs[0]!;
      const text = textOf(await say(employee, `検索 ${program.name}`));
      expect(text).toContain(program.name);
    });
  });

  describe('the self-assessment, start to result', () => {
    const assessing = employeeOnRoster('診断 次郎');
    let result: Card;

    beforeAll(async () => {
      const start = await say(assessing, '診断');
      const intro = textOf(start);
      expect(intro).toContain(`${doc.categories.length}つのカテゴリ`);
      let card = await click(assessing, 'assessment.start', buttonOf(start, 'assessment.start'));
      // Each role step: the lowest level's role whole, each level above by what changes from the one below; Lv.2 chosen.
      for (const category of doc.categories) {
        const text = textOf(card);
        expect(text).toContain(`${category.name}：今の自分に近いのは？`);
        for (const line of roleLines(1, category.id)) expect(text).toContain(line);
        for (const level of [2, 3]) {
          // What changes is shown where the framework says both roles; a role it does not say says so.
          const both = roleLines(level - 1, category.id).length > 0 && roleLines(level, category.id).length > 0;
          expect(text.includes(`Lv.${level - 1}から変わるところ`)).toBe(both);
        }
        expect(text.includes('（資料には、この区分の役割の記載がありません。）')).toBe(doc.roles.some((r) => !r.text));
        card = await click(assessing, 'assessment.role', buttonOf(card, 'assessment.role', (d) => Number(d.level) === 2));
      }
      // Skills steps only for levels with required skills: Lv.3 rated "まだ知らない", the rest "実践できる".
      const askedLevels: number[] = [];
      while (verbsOf(card).includes('assessment.skills')) {
        const level = framework.levels.find((l) => textOf(card).includes(`Lv.${l.level}の必須スキル`))!.level;
        askedLevels.push(level);
        const ratings = Object.fromEntries(framework.requiredSkillsAt(level).map((s) => [`r_${s.id}`, level === 3 ? '0' : '2']));
        card = await click(assessing, 'assessment.skills', { ...buttonOf(card, 'assessment.skills'), ...ratings });
      }
      expect(askedLevels).toEqual(framework.levels.map((l) => l.level).filter((l) => framework.requiredSkillsAt(l).length > 0));
      expect(textOf(card)).toContain(doc.requiredSkills.length > 0 ? '③ 目標レベル' : '② 目標レベル');
      result = await click(assessing, 'assessment.target', { ...buttonOf(card, 'assessment.target'), target: '3' });
    });

    it('ends with where one stands and the target', () => {
      const text = textOf(result);
      expect(text).toContain('自己診断の結果');
      expect(text).toContain('役割の位置（全体）：Lv.2');
      expect(text).toContain(`目標：Lv.3 ${framework.level(3)!.title}`);
    });

    it('lists the skills to learn when the framework names some, and says nothing of skills when it names none', () => {
      const text = textOf(result);
      const gaps = framework.requiredSkillsAt(3);
      if (gaps.length === 0) {
        expect(text).not.toContain('必須スキル');
        expect(text).not.toContain('これから身につけたいスキル');
        return;
      }
      expect(text).toContain('必須スキル：Lv.2まで身についています');
      expect(text).toContain(`これから身につけたいスキル（${gaps.length}）`);
      expect(text).toContain(`次の一歩：まずLv.3の『${gaps[0]!.name}』から`);
      expect(verbsOf(result).filter((v) => v === 'framework.skill')).toHaveLength(gaps.length);
    });

    it('offers the programs for the target and explains how to join without a window, with no Apply button', () => {
      const text = textOf(result);
      const programs = framework.programsFor(3).filter((p) => p.kind !== 'hierarchical-training');
      for (const program of programs) expect(text).toContain(program.name);
      expect(text).toContain(`認定・指名のしかたは、メニューの「${NO_APPLY_MENU}」で確認できます。`);
      expect(text).not.toContain('毎年');
      expect(verbsOf(result)).not.toContain('application.form');
    });

    it('keeps the result in the history, without a skill level when the framework names no skills', async () => {
      const text = textOf(await click(assessing, 'assessment.history', {}));
      expect(text).toContain(doc.requiredSkills.length > 0 ? '役割 Lv.2・スキル Lv.2・目標 Lv.3' : '役割 Lv.2・目標 Lv.3');
    });
  });

  describe('applying', () => {
    it('says the city has no application window and how one becomes certified or appointed, in the framework\'s words', async () => {
      const card = await say(employee, '応募');
      const text = textOf(card);
      expect(text).toContain(NO_WINDOW_TITLE);
      expect(text).toContain(`${doc.city}では、応募の受付期間はありません。`);
      const { evaluation, appointment } = doc.rules;
      if (!evaluation && !appointment) {
        // The national model certifies nobody: the city is to say how, and until then the card says to ask.
        expect(text).toContain(`${doc.city}では、応募の受付期間はありません。認定のしかたは担当部署にお問い合わせください。`);
        expect(verbsOf(card)).toEqual(['menu.show']);
        return;
      }
      if (evaluation) {
        expect(text).toContain(`評価による認定（${evaluation.tiers.map((id) => framework.tier(id)!.name).join('・')}）`);
        expect(text).toContain(evaluation.text);
      }
      if (appointment) {
        expect(text).toContain(`指名・配置（${appointment.tiers.map((id) => framework.tier(id)!.name).join('・')}）`);
        for (const line of appointment.text.split('\n')) expect(text).toContain(line);
      }
      if (evaluation?.skillMap) {
        expect(text).toContain('評価・認定されるスキル');
        for (const skill of evaluation.skillMap.skills) expect(text).toContain(`・${skill.name}`);
        expect(text).toContain(evaluation.skillMap.text);
      }
      for (const tier of doc.tiers.filter((t) => t.criteria)) expect(text).toContain(`${tier.name}の認定基準`);
      for (const note of doc.rules.notes) expect(text).toContain(note);
      expect(verbsOf(card)).toEqual(['menu.show']);
    });

    it('refuses a forged application form for any tier, changing nothing', async () => {
      for (const tier of doc.tiers) {
        const card = await click(employee, 'application.form', { track: tier.id });
        expect(textOf(card)).toContain(UNKNOWN_TRACK);
      }
      const fy = fiscalYearOf(new Date());
      expect(await bot().bot.repositories.applications.listYears(bot().frameworkId, [fy], {})).toEqual([]);
    });
  });

  describe('someone the roster does not know', () => {
    const stranger = person('名簿 にない');

    it('browses the same framework as the staff', async () => {
      for (const word of ['メニュー', `検索 ${doc.programs[0]!.name}`]) {
        expect({ word, card: await say(stranger, word) }).toEqual({ word, card: await say(employee, word) });
      }
      expect(await click(stranger, 'framework.ladder', {})).toEqual(await click(employee, 'framework.ladder', {}));
    });

    it('is told why before a self-assessment or an application, and nothing of theirs is stored', async () => {
      for (const word of ['診断', '応募']) {
        const text = textOf(await say(stranger, word));
        expect({ word, notice: text.includes(ROSTER_REQUIRED) }).toEqual({ word, notice: true });
      }
      for (const [verb, data] of [
        ['assessment.start', {}],
        ['application.form', { track: doc.tiers[0]!.id }],
      ] as const) {
        const text = textOf(await click(stranger, verb, data));
        expect({ verb, notice: text.includes(ROSTER_REQUIRED), unknownTrack: text.includes(UNKNOWN_TRACK) }).toEqual({
          verb,
          notice: true,
          unknownTrack: false,
        });
      }
      const { assessments, applications, conversations } = bot().bot.repositories;
      expect(await assessments.findCurrent(stranger.aadObjectId)).toBeUndefined();
      expect(await assessments.listRecent(stranger.aadObjectId, 10)).toEqual([]);
      expect(await applications.listYears(bot().frameworkId, [fiscalYearOf(new Date())], {})).toEqual([]);
      expect(await conversations.find('user', stranger.aadObjectId)).toBeUndefined();
    });
  });

  describe('HR', () => {
    it('finds no window to open', async () => {
      const card = await say(hr, '募集期間');
      expect(textOf(card)).toContain(`${doc.name}には応募の受付期間の定めがないため、開く募集期間はありません。`);
      expect(verbsOf(card)).not.toContain('hr.window.save');
    });

    it('writes a notice on how one becomes certified, with no Apply buttons, and previews it', async () => {
      const [form] = (await clickBelow(hr, 'hr.broadcast.compose', {})) as [Card];
      const { broadcastId } = buttonOf(form, 'hr.broadcast.preview');
      expect(textOf(form)).toContain('お知らせに応募ボタンは付きません');
      const inputs = new Map<string, unknown>();
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          const record = node as Record<string, unknown>;
          if (typeof record.id === 'string' && String(record.type).startsWith('Input.')) inputs.set(record.id, record.value);
          Object.values(record).forEach(walk);
        }
      };
      walk(form);
      expect([...inputs.keys()].sort()).toEqual(['body', 'title']);
      expect(inputs.get('title')).toBe(`令和${fiscalYearOf(new Date()) - 2018}年度 ${doc.name}のお知らせ`);
      const body = String(inputs.get('body'));
      const way = doc.rules.evaluation ?? doc.rules.appointment;
      if (way) expect(body).toContain(way.text.split('\n')[0]);

      const [preview, controls] = (await clickBelow(hr, 'hr.broadcast.preview', { broadcastId, title: inputs.get('title'), body })) as [Card, Card];
      expect(verbsOf(controls)).toContain('hr.broadcast.audience');
      expect(textOf(controls)).not.toContain('押しても受け付けられない応募ボタンがあります');
      expect(textOf(preview)).toContain(String(inputs.get('title')));
      expect(verbsOf(preview)).not.toContain('application.form');
      const stored = await bot().bot.repositories.broadcasts.find(bot().frameworkId, String(broadcastId));
      expect(stored?.notice.apply).toEqual([]);
    });
  });
});
