import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import type { Framework } from '../../src/domain/framework/framework';
import { frameworkActive } from '../support/allCards';
import { executeActions, textOf, type Card } from '../support/botHarness';
import {
  choice,
  cityFor,
  elementsOf,
  inputIds,
  kitakyushuPeople,
  kunisakiPeople,
  nationalPeople,
  linesOf as lines,
  mokaPeople,
  openSilverWindow,
  type City,
  type Person,
} from '../support/journey';

// One story per city of data/frameworks, on the real file, through the real HTTP server, Azurite and the fake Bot
// Connector. An employee browses the framework and assesses themself, then becomes what the city makes of its DX
// talents: in Kitakyushu by applying (HR opens the window, the manager approves, HR selects and certifies), in Moka
// through an evaluation by several raters, in Kunisaki by appointment in their 係. HR's KPI then counts them. The
// national model, a city's starting point, certifies nobody and names no skills: its story is browsing, a
// self-assessment by role alone, and a KPI of who assessed themself and what the programs plan for.
// Everyone types in their chat or presses the buttons of the cards they received, by the titles the cards show;
// the texts looked for are the catalog's and the framework file's.

const fy = fiscalYearOf(new Date());

// ---------------------------------------------------------------------------------------------------------------
// Steps every city shares.

/** From the menu to the ladder and a level, then to that level's first required skill if it has one. */
async function browse(city: City, who: Person, framework: Framework, level: number): Promise<Card> {
  const menu = await city.say(who, 'メニュー');
  expect(textOf(menu)).toContain(framework.document.name);
  const ladder = await city.press(who, menu, `レベル一覧（${framework.levels.length}段階）`);
  for (const l of framework.levels) expect(textOf(ladder)).toContain(l.title);

  const card = await city.press(who, ladder, `Lv.${level}を開く`);
  // The card marks the phrases the framework emphasises in bold; the words are the file's.
  const shown = textOf(card).replaceAll('**', '');
  expect(shown).toContain(`Lv.${level} ${framework.level(level)!.title}`);
  for (const role of framework.document.roles.filter((r) => r.level === level)) {
    for (const line of (role.text ?? '（資料には、この区分の役割の記載がありません。）').split('\n').filter(Boolean)) expect(shown).toContain(line);
  }
  const [skill] = framework.requiredSkillsAt(level);
  if (skill) {
    const skillCard = await city.press(who, card, skill.name);
    // A skill the source does not define (Kunisaki's knowledge areas) shows no definition rather than a made-up one.
    if (skill.definition) expect(textOf(skillCard)).toContain(skill.definition);
    else expect(textOf(skillCard)).not.toContain('定義');
    await city.press(who, skillCard, `Lv.${level}に戻る`);
  }
  return card;
}

/**
 * The whole self-assessment from the chat word: the role of Lv.`role` in every category, the required skills up to
 * that level practised and those above not known yet, then the target. Returns the result.
 */
async function selfAssess(city: City, who: Person, framework: Framework, answers: { role: number; target: number }): Promise<Card> {
  let card = await city.press(who, await city.say(who, '診断'), '診断を始める');
  while (executeActions(card).some((a) => a.title === 'これに近い')) {
    card = await city.press(who, card, 'これに近い', { where: { level: answers.role } });
  }
  while (executeActions(card).some((a) => a.title === '次へ')) {
    const level = Number(/Lv\.(\d+)の必須スキル/.exec(textOf(card))![1]);
    const answer = level <= answers.role ? '実践できる' : 'まだ知らない';
    const ratings = inputIds(card).filter((id) => id.startsWith('r_'));
    card = await city.press(who, card, '次へ', { typed: Object.fromEntries(ratings.map((id) => [id, choice(card, id, answer)])) });
  }
  const target = `Lv.${answers.target} ${framework.level(answers.target)!.title}`;
  return city.press(who, card, '結果を見る', { typed: { target: choice(card, 'target', target) } });
}

/** The series of the KPI card's chart of self-assessed levels, by legend. */
function levelChartLegends(card: Card): string[] {
  const [chart] = elementsOf(card, (e) => e.type === 'Chart.Line' && String(e.title).startsWith('自己診断のレベル分布'));
  return ((chart?.data ?? []) as { legend: string }[]).map((series) => series.legend);
}

// ---------------------------------------------------------------------------------------------------------------

describe('Kitakyushu (kitakyushu.json): from browsing to a certified Silver, counted in the KPI', () => {
  const { framework } = frameworkActive('kitakyushu');
  const { employee, manager, hr } = kitakyushuPeople();
  const motivation = '窓口のオンライン予約を全区に広げ、待ち時間を減らしたいです。';
  const city = cityFor('kitakyushu', [employee, manager, hr]);

  it('browses, self-assesses, applies in the window HR opened, is approved, selected, trained, certified and counted', async () => {
    const level = await browse(city, employee, framework, 2);
    expect(textOf(level)).toContain('Lv.1の必須スキルは身につけている前提です。');

    const result = textOf(await selfAssess(city, employee, framework, { role: 2, target: 3 }));
    expect(result).toContain('役割の位置（全体）：Lv.2');
    expect(result).toContain('必須スキル：Lv.2まで身についています');
    expect(result).toContain(`目標：Lv.3 ${framework.level(3)!.title}`);
    expect(result).toContain(`次の一歩：まずLv.3の『${framework.requiredSkillsAt(3)[0]!.name}』から`);

    // HR opens this year's Silver window from now for a week, on the windows card.
    const saved = await openSilverWindow(city, hr);
    expect(textOf(saved)).toContain('シルバーの募集期間を保存しました');

    // The employee applies with their self-assessment attached.
    const home = await city.say(employee, '応募');
    expect(textOf(home)).toContain('受付中：');
    const form = await city.press(employee, home, '応募する', { where: { track: 'silver' } });
    expect(textOf(form)).toContain('シルバーに応募する');
    const confirmation = await city.press(employee, form, '確認へ進む', { typed: { motivation, attachAssessment: 'true' } });
    expect(lines(confirmation)).toEqual(expect.arrayContaining(['承認者', manager.name, motivation]));
    const managerInbox = city.inbox(manager);
    const employeeInbox = city.inbox(employee);
    const submitted = await city.press(employee, confirmation, '応募する');
    expect(textOf(submitted)).toContain(`${manager.name}さんに承認依頼を送りました`);

    // The manager approves from the card they received; the employee hears of it.
    const [request, ...moreRequests] = managerInbox.take();
    expect(moreRequests).toEqual([]);
    expect(textOf(request)).toContain('承認依頼：シルバーへの応募');
    expect(textOf(request)).toContain(employee.name);
    expect(textOf(request)).toContain('役割 Lv.2・スキル Lv.2・目標 Lv.3');
    const approved = await city.press(manager, request!, '承認する', { typed: { comment: 'ぜひ挑戦してください。' } });
    expect(textOf(approved)).toContain(`上司が承認（選考待ち）：${manager.name}`);
    expect(executeActions(approved).map((a) => a.title)).not.toContain('承認する');
    expect(employeeInbox.take().map(textOf)).toEqual([expect.stringContaining('シルバーへの応募：上司が承認（選考待ち）')]);

    // HR selects; the city's file records the required training; HR records its completion and certifies after a
    // confirmation; the employee hears of each step.
    let detail = await city.press(hr, await city.say(hr, '応募一覧'), employee.name);
    detail = await city.press(hr, detail, '選考通過');
    expect(lines(detail)).toContain('・DX人材育成プロジェクト（R5.10～）：未受講');
    await city.recordTraining(employee, 'dx-talent-project', `${fiscalYearOf(new Date())}-07-01`, 'completed');
    detail = await city.press(hr, await city.say(hr, '応募一覧'), employee.name);
    expect(textOf(detail)).toContain('・DX人材育成プロジェクト（R5.10～）：受講済み');
    for (const step of ['必須研修修了', '認定する']) detail = await city.press(hr, detail, step);
    expect(textOf(detail)).toContain(`${employee.name}さんをシルバーに認定します。認定は元に戻せず`);
    detail = await city.press(hr, detail, 'はい、認定する');
    expect(lines(detail)).toContain('認定');
    expect(employeeInbox.take().map(textOf)).toEqual([
      expect.stringContaining('シルバーへの応募：選考通過（必須研修の受講へ）'),
      expect.stringContaining('シルバーへの応募：必須研修を修了（認定待ち）'),
      expect.stringContaining('シルバーへの応募：認定'),
    ]);

    const kpi = lines(await city.say(hr, 'KPI'));
    expect(kpi).toContain(`${fy}年度の認定者：1人（目標は未設定）`);
    expect(kpi).toEqual(expect.arrayContaining(['・シルバー：1人', '・ゴールド：0人']));
  });
});

describe('Moka (moka.json): from browsing to a DXアドバイザー certified by raters, counted in the KPI', () => {
  const { framework } = frameworkActive('moka');
  const [adviser] = framework.rules.evaluation!.tiers.map((id) => framework.tier(id)!);
  /** `raters`: one per viewpoint of the file, in its order. */
  const { employee, manager, executive, colleague, expert, hr, raters } = mokaPeople();
  const city = cityFor('moka', [employee, manager, executive, colleague, expert, hr]);

  it('browses, self-assesses, is rated from every viewpoint, certified by HR, told, and counted', async () => {
    const level = textOf(await browse(city, employee, framework, 1));
    expect(level).toContain(`認定基準：${adviser!.criteria}`);
    expect(level).toContain(`目標人数：${adviser!.targetCount}名`);

    const result = textOf(await selfAssess(city, employee, framework, { role: 1, target: 1 }));
    expect(result).toContain('役割の位置（全体）：Lv.1');
    expect(result).toContain(`目標：Lv.1 ${framework.level(1)!.title}`);
    expect(result).not.toContain('必須スキル');

    // HR starts the evaluation with one rater per viewpoint, reviews it, and starts it: each rater gets a card.
    const form = await city.press(hr, await city.say(hr, '評価'), '新しい評価を始める');
    const viewpoints = framework.rules.evaluation!.viewpoints;
    const review = await city.press(hr, form, '内容を確認する', {
      typed: {
        candidateEmail: employee.email,
        tier: choice(form, 'tier', adviser!.name),
        ...Object.fromEntries(viewpoints.map((v, i) => [`raters_${v.id}`, raters[i]!.email])),
      },
    });
    for (const [i, v] of viewpoints.entries()) {
      if (v.tiers.length > 0 && !v.tiers.includes(adviser!.id)) continue;
      expect(textOf(review)).toContain(`${v.name}（${v.raters}）\n${raters[i]!.name}（${raters[i]!.department}・${raters[i]!.grade}）`);
    }
    // A viewpoint the file limits to other tiers (リーダーシップ: エキスパート and スペシャリスト) is not asked for this one.
    const asked = viewpoints.flatMap((v, i) => (v.tiers.length === 0 || v.tiers.includes(adviser!.id) ? [{ viewpoint: v, rater: raters[i]! }] : []));
    const skipped = viewpoints.filter((v) => !asked.some((a) => a.viewpoint === v));
    expect(skipped.map((v) => v.name)).toEqual(['リーダーシップ']);
    for (const v of skipped) expect(textOf(review)).not.toContain(`${v.name}（${v.raters}）`);
    const inboxes = raters.map((r) => city.inbox(r));
    const employeeInbox = city.inbox(employee);
    const started = await city.press(hr, review, '評価を始める');
    expect(textOf(started)).toContain(`評価を始めました。${asked.length}件の評価依頼を送りました。`);

    // Each rater asked rates from the card they received; the one of the skipped viewpoint gets none.
    for (const [i, rater] of raters.entries()) {
      const viewpoint = asked.find((a) => a.rater === rater)?.viewpoint;
      const [card, ...more] = inboxes[i]!.take();
      if (!viewpoint) {
        expect(card).toBeUndefined();
        continue;
      }
      expect(more).toEqual([]);
      expect(textOf(card)).toContain(`評価のお願い：${employee.name}さん`);
      expect(textOf(card)).toContain(`${viewpoint.name}（${viewpoint.raters}）`);
      const rated = await city.press(rater, card!, '評価を送信する', {
        typed: { rating: choice(card!, 'rating', '期待どおり'), ratingComment: '報告会での提案が具体的でした。' },
      });
      expect(textOf(rated)).toContain(`${employee.name}さんの${viewpoint.name}：期待どおり。`);
    }

    // HR sees every viewpoint rated and certifies, after a confirmation; the employee is told.
    const status = await city.press(hr, await city.say(hr, '評価'), '開く');
    expect(lines(status)).toContain(`${asked.length}/${asked.length}人`);
    const question = await city.press(hr, status, '認定する');
    expect(textOf(question)).toContain('元に戻せません');
    const certified = await city.press(hr, question, '認定する');
    expect(textOf(certified)).toContain(`${employee.name}さんを${adviser!.name}に認定しました。`);
    expect(employeeInbox.take().map(textOf)).toEqual([expect.stringContaining(`${adviser!.name}に認定されました`)]);

    // The KPI counts them against this year's target of the plan, if the plan sets one.
    const kpi = await city.say(hr, 'KPI');
    const target = framework.rules.targets.find((t) => t.fiscalYear === fy && t.tier === adviser!.id);
    expect(lines(kpi)).toContain(target ? `・${adviser!.name}：1人／目標 ${target.count}人（計画の値）` : `・${adviser!.name}：1人`);
    // Whatever the year, the plan's head count of each tier (目標人数) against those who hold it now.
    for (const tier of framework.document.tiers) {
      const holders = tier.id === adviser!.id ? 1 : 0;
      const percent = Math.round((holders / tier.targetCount!) * 100);
      expect(lines(kpi)).toContain(`計画の目標：${tier.name} ${tier.targetCount}人（現在 ${holders}人、達成率 ${percent}%）`);
    }
    // Moka names no required skills: the levels are counted by role only.
    expect(levelChartLegends(kpi)).toEqual(['役割レベル']);
    expect(lines(kpi)).toContain('役割 1人');
  });
});

describe('Kunisaki (kunisaki.json): from browsing to a DX推進リーダー appointed in their 係, seen in the coverage', () => {
  const { framework } = frameworkActive('kunisaki');
  const leader = framework.tier(framework.rules.appointment!.perSection!)!;
  const { employee, manager, hr } = kunisakiPeople();
  const theirs = '総務課 総務係';
  const hrs = '政策企画課 広報・DX推進係';
  const city = cityFor('kunisaki', [employee, manager, hr]);

  it('browses, self-assesses, is appointed by HR, is told, and their 係 counts as covered', async () => {
    await browse(city, employee, framework, 2);
    const result = textOf(await selfAssess(city, employee, framework, { role: 2, target: 2 }));
    expect(result).toContain('役割の位置（全体）：Lv.2');
    expect(result).toContain('必須スキル：Lv.2まで身についています');

    // HR sees no 係 covered, appoints the employee after a confirmation that shows who and where.
    const coverage = await city.say(hr, '任命');
    expect(textOf(coverage)).toContain(`${leader.name}がいる係：0 / 2`);
    const confirmation = await city.press(hr, coverage, '確認へ進む', {
      typed: { appointEmail: employee.email, appointTier: choice(coverage, 'appointTier', leader.name) },
    });
    expect(textOf(confirmation)).toContain(`次の職員を${leader.name}に任命しますか？`);
    expect(lines(confirmation)).toEqual(expect.arrayContaining([`${employee.name}（${employee.grade}）`, employee.department, employee.section]));
    const employeeInbox = city.inbox(employee);
    const appointed = await city.press(hr, confirmation, '任命する');
    expect(textOf(appointed)).toContain(`${employee.name}さんを${leader.name}に任命しました。`);
    // The notice tells what their own tier is about, from the file, and nothing of the other tier.
    const [notice, ...moreNews] = employeeInbox.take().map(textOf);
    expect(moreNews).toEqual([]);
    expect(notice).toContain(`あなたは${leader.name}に任命されました`);
    expect(notice).toContain(`対象：${leader.audience}`);
    const role = framework.levels.find((l) => l.tier === leader.id)!.summary!;
    for (const line of role.split('\n')) expect(notice).toContain(line);
    for (const other of framework.document.tiers.filter((t) => t.id !== leader.id)) expect(notice).not.toContain(other.name);

    // Their 係 is covered, the other not: on the appointments card and on the KPI.
    const after = textOf(await city.say(hr, '任命'));
    expect(after).toContain(`${leader.name}がいる係：1 / 2`);
    expect(after).toContain(`${leader.name}がいない係（1）\n${hrs}（職員 1人）`);
    expect(after).toContain(`${leader.name}がいる係（1）\n${theirs}（職員 2人）\n${employee.name}（${employee.grade}）`);
    const kpi = lines(await city.say(hr, 'KPI'));
    expect(kpi).toEqual(expect.arrayContaining([`${leader.name}の配置（係ごと）`, '2係のうち配置済みは1（50%）、未配置は1です。', `・${hrs}`]));
    // Kunisaki appoints: the KPI speaks of appointments (任命), never of certification (認定).
    expect(kpi).toEqual(expect.arrayContaining([`${fy}年度の任命者：1人（目標は未設定）`, `・${leader.name}：1人`]));
    expect(kpi.join('\n')).not.toContain('認定');
    expect(kpi).not.toContain(`・${theirs}`);

    expect(textOf(await city.say(employee, '任命'))).toContain(`あなたは${leader.name}に任命されています`);
  });
});

describe('the national model (national.json): browsing, a self-assessment by role alone, and the KPI of a city starting from it', () => {
  const { framework } = frameworkActive('national');
  const { employee, manager, hr } = nationalPeople();
  const city = cityFor('national', [employee, manager, hr]);

  it('browses the levels and the programs by rank, self-assesses without skills, and is counted in the KPI', async () => {
    const ladder = textOf(await city.press(employee, await city.say(employee, 'メニュー'), `レベル一覧（${framework.levels.length}段階）`));
    for (const item of framework.document.aims[0]!.items) expect(ladder).toContain(item);
    // 高度専門人材's role is not in the guide: the level says so instead of a text nobody wrote.
    expect(textOf(await browse(city, employee, framework, 3))).toContain('（資料には、この区分の役割の記載がありません。）');

    // The programs say whom each part is for and how many people the plan means to reach.
    const training = lines(await city.press(employee, await browse(city, employee, framework, 1), 'このレベルの研修'));
    expect(training).toEqual(
      expect.arrayContaining([
        'ジョブローテーション',
        'エグゼクティブセミナー　対象：局長級等',
        'デジタルリテラシー教育　対象：管理職層、一般職層',
        '受講者規模：40,000人/年',
        '受講者規模：5,000人/5年',
        'デジタルツールを活用する人材の育成　対象：係長級以下',
      ]),
    );

    // The self-assessment says there are no skills to rate, places by role, and points to the target's programs.
    const start = await city.say(employee, '診断');
    expect(textOf(start)).toContain(`${framework.document.name}には必須スキルの定めがないため、スキルは診断しません。`);
    const result = textOf(await selfAssess(city, employee, framework, { role: 2, target: 3 }));
    expect(result).toContain('役割の位置（全体）：Lv.2');
    expect(result).toContain(`目標：Lv.3 ${framework.level(3)!.title}`);
    expect(result).not.toContain('必須スキル');

    // Nobody is certified or appointed; the KPI counts the self-assessment, and no participant yet against each
    // program's target for a year (the plan's own words below it); no tier requires a training.
    const kpi = lines(await city.say(hr, 'KPI'));
    expect(kpi).toEqual(
      expect.arrayContaining([
        `研修の受講者（${fy}年度）`,
        'デジタルリテラシー向上（東京都）',
        '0人 / 年40,000人（0%）',
        '受講者規模：40,000人/年',
        'リスキリング人材育成（東京都）',
        '0人 / 年1,000人（0%）',
        '受講者規模：5,000人/5年',
        'この市の区分には必須研修がないため、必須研修の修了は数えていません。研修の受講者は下に数えています。',
      ]),
    );
    expect(levelChartLegends(await city.say(hr, 'KPI'))).toEqual(['役割レベル']);
  });
});
