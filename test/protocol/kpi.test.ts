import { randomUUID } from 'node:crypto';
import { submitApplication, type ApplicationState } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { APPOINTMENT } from '../../src/domain/appointment/appointment';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import type { Logger } from '../../src/logger';
import { buttonData, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import { clickOn, importRosterRows, sayTo } from '../support/conversation';
import { elementsOf } from '../support/journey';
import { kunisakiLikeDocument } from '../support/kunisakiLike';
import { recordSelfAssessed } from '../support/selfAssessed';

// HR's KPI through the real HTTP server and the fake Bot Connector: figures counted from what is stored (a roster,
// assessment summaries, applications, certifications), targets and the baseline set from the card, bad input and a
// stale form refused, everyone else refused. Two bots share one Azurite (and so one roster): Kitakyushu's, and a
// Kunisaki-like one whose KPI is a DX推進リーダー in every 係.

let azurite: Azurite;
let kitakyushu: BotHarness;
let kunisaki: BotHarness;
const fy = fiscalYearOf(new Date());

/** What the bot logs as a warning: refusals are logged. */
const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
const recordingLogger: Logger = { info: () => undefined, warn: (message, fields) => warnings.push({ message, fields }), error: () => undefined };

// ---------------------------------------------------------------------------------------------------------------
// What the bot says (the Japanese catalog).

const HR_ONLY = 'この操作は人事担当者のみ行えます';
const SAVED = '目標・基準値を保存しました';
const INVALID = '次の項目は0〜100,000の整数で入力してください：';
const NOTHING_SAVED = '何も保存していません';
const CHANGED_MEANWHILE = 'ほかの担当者が先に目標・基準値を変更しました';

// ---------------------------------------------------------------------------------------------------------------
// The people: an HR officer, staff in three departments (nobody in 建設局 has assessed), someone who left.

interface Person extends TestUser {
  readonly department: string;
}

const roster: { person: Person; row: string }[] = [];
function person(name: string, department: string, section: string, roles = ''): Person {
  const aadObjectId = randomUUID();
  const p: Person = { id: `29:${aadObjectId}`, aadObjectId, name, department };
  const n = roster.length + 1;
  roster.push({ person: p, row: [`P${n}`, name, `p${n}@example.city.jp`, aadObjectId, department, section, '主任', '', roles].join(',') });
  return p;
}

const hr = person('到津 由美', '政策局', 'DX推進係', 'hr');
const a1 = person('門司 花子', '市民局', '窓口係');
const a2 = person('小倉 美香', '市民局', '窓口係');
const a3 = person('戸畑 健二', '市民局', '戸籍係');
const b1 = person('八幡 次郎', '建設局', '道路係');
const b2 = person('折尾 幸', '建設局', '道路係');
const c1 = person('若松 誠', '政策局', 'DX推進係');
/** Certified once, then left the city: not on the roster. */
const GONE = randomUUID();

beforeAll(async () => {
  azurite = await startAzurite();
  kitakyushu = await startBotHarness({ connectionString: azurite.connectionString, logger: recordingLogger });
  kunisaki = await startBotHarness({ connectionString: azurite.connectionString, frameworkDocument: kunisakiLikeDocument });
  await importRosterRows(kitakyushu, roster.map((r) => r.row));
  await seedKitakyushu();
  await seedKunisaki();
}, 60_000);
afterAll(async () => {
  await kitakyushu?.stop();
  await kunisaki?.stop();
  await azurite?.stop();
});

/** Three summaries (none in 建設局), a year's applications in every state, certifications over three years. */
async function seedKitakyushu(): Promise<void> {
  const { assessmentSummaries, applications, certifications } = kitakyushu.bot.repositories;
  const frameworkId = kitakyushu.frameworkId;
  const summary = (who: Person, overallRoleLevel: number, skillLevel: number): Promise<void> =>
    recordSelfAssessed(assessmentSummaries, frameworkId, who.aadObjectId, { overallRoleLevel, skillLevel });
  await Promise.all([summary(a1, 2, 1), summary(a2, 3, 2), summary(c1, 1, 0)]);

  const application = (who: Person, track: string, state: ApplicationState): Promise<unknown> => {
    const submitted = submitApplication(
      {
        frameworkId,
        fiscalYear: fy,
        track,
        applicant: { aadObjectId: who.aadObjectId, name: who.name, employeeNo: 'P', department: who.department, grade: '主任' },
        approver: { aadObjectId: hr.aadObjectId, name: hr.name },
        motivation: '窓口のオンライン化を進めたいです。',
      },
      new Date(),
    );
    return applications.create({ ...submitted, state });
  };
  await Promise.all([
    application(a1, 'gold', 'certified'),
    application(a2, 'silver', 'withdrawn'),
    application(a3, 'silver', 'approved'),
    application(b1, 'gold', 'rejected'),
    application(b2, 'silver', 'submitted'),
    application(c1, 'silver', 'selected'),
  ]);

  const certify = (aadObjectId: string, tier: string, fiscalYear: number): Promise<void> =>
    certifications.record({ frameworkId, aadObjectId, tier, fiscalYear, certifiedAt: new Date(Date.UTC(fiscalYear, 9, 1)).toISOString(), applicationId: `${fiscalYear}-${tier}-${aadObjectId}` });
  await Promise.all([certify(a1.aadObjectId, 'gold', fy), certify(GONE, 'silver', fy), certify(b2.aadObjectId, 'silver', fy - 1)]);
  // Silver two years ago, Gold last year: one person, counted last year.
  await certify(c1.aadObjectId, 'silver', fy - 2);
  await certify(c1.aadObjectId, 'gold', fy - 1);
}

/** DX推進リーダー appointed in two of the four 係. */
async function seedKunisaki(): Promise<void> {
  const appoint = (who: Person): Promise<void> =>
    kunisaki.bot.repositories.certifications.record({
      frameworkId: kunisaki.frameworkId,
      aadObjectId: who.aadObjectId,
      tier: 'leader',
      fiscalYear: fy,
      certifiedAt: new Date().toISOString(),
      applicationId: APPOINTMENT,
    });
  await Promise.all([appoint(a3), appoint(c1)]);
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers, so the tests read like the story they tell.

/** Every element of a card with this type (charts among them). */
function elements(card: Card, type: string): Record<string, unknown>[] {
  return elementsOf(card, (e) => e.type === type);
}

/** The one chart of a type on a card. */
function chart(card: Card, type: string): Record<string, unknown> {
  const charts = elements(card, type);
  expect(charts).toHaveLength(1);
  return charts[0]!;
}

/** The chart with this title (each chart announces its title to screen readers). */
function chartTitled(card: Card, title: string): Record<string, unknown> {
  const charts = elementsOf(card, (e) => typeof e.type === 'string' && e.type.startsWith('Chart.') && e.title === title);
  expect(charts).toHaveLength(1);
  return charts[0]!;
}

/** The chart of the years, and of the funnel, as this card titles them. */
const YEARS_CHART = '年度別の認定者数と目標';
const funnelChart = (fiscalYear: number): string => `自己診断から認定まで（${fiscalYear}年度）`;

/** The KPI settings as stored, with their version: what a refused save must leave as it was. */
async function storedSettings(): Promise<unknown> {
  const { settings, version } = await kitakyushu.bot.repositories.kpiSettings.read(kitakyushu.frameworkId);
  return { settings, version };
}

// ---------------------------------------------------------------------------------------------------------------

describe('HR opens the KPI', () => {
  it('sees the year\'s certified people against the plan, counted from storage', async () => {
    const card = await sayTo(kitakyushu, hr, 'KPI');
    const text = textOf(card);
    expect(text).toContain(`DX人材のKPI（${fy}年度）`);
    // This year: a1 (Gold) and someone who has left (Silver); nobody set a target yet.
    expect(text).toContain(`${fy}年度の認定者：2人（目標は未設定）`);
    expect(text).toContain('・シルバー：1人');
    expect(text).toContain('・ゴールド：1人');
    // The baseline is the plan's 2,228 until HR enters one; c1, certified twice, counts once.
    expect(text).toContain('累計：2,232人（DX Navi導入前の認定者 2,228人 ＋ DX Naviで認定 4人）（計画の値）');
    expect(text).toContain('計画の目標：2023〜2025年度で2,400人（累計の達成率 93%）');
    // The plan's 2,400 as a gauge, the 2,228 before the bot and the 4 since as its parts.
    expect(chart(card, 'Chart.Gauge')).toMatchObject({
      min: 0,
      max: 2400,
      value: 2232,
      segments: [
        { legend: 'DX Navi導入前の認定者 2,228人', size: 2228 },
        { legend: 'DX Naviで認定 4人', size: 4 },
      ],
    });
    // The years from the first with anyone certified (the years before were the bot's baseline), without a target
    // line when no year has a target, on an axis of whole people.
    const years = chartTitled(card, YEARS_CHART);
    expect(years).toMatchObject({ type: 'Chart.Line', yMin: 0, yMax: 4 });
    expect(years.data).toEqual([
      { legend: '認定者', color: 'categoricalBlue', values: [{ x: `${fy - 1}年度`, y: 2 }, { x: `${fy}年度`, y: 2 }] },
    ]);
    // Without charts, the same figures as rows.
    expect(textOf(years.fallback)).toContain(`${fy - 1}年度\n■■■■■■■■■■\n2人（目標なし）`);
  });

  it('sees the funnel in people: withdrawn left out, each step counting those who got that far', async () => {
    const card = await sayTo(kitakyushu, hr, '実績');
    const funnel = chartTitled(card, funnelChart(fy));
    // Five people at most: an axis of 0, 2, 4, 6 and 8 people.
    expect(funnel).toMatchObject({ type: 'Chart.Line', yMin: 0, yMax: 8 });
    expect(funnel.data).toEqual([
      {
        legend: '人数',
        color: 'categoricalTeal',
        values: [
          { x: '診断済み', y: 3 },
          { x: '応募', y: 5 },
          { x: '上司が承認', y: 3 },
          { x: '選考通過', y: 2 },
          { x: '認定', y: 1 },
        ],
      },
    ]);
    expect(textOf(funnel.fallback)).toContain('認定\n■■□□□□□□□□\n1人（前の段階の50%）');
  });

  it('sees each department, 建設局 with nobody assessed, and those who left apart', async () => {
    const text = textOf(await sayTo(kitakyushu, hr, 'ダッシュボード'));
    // Department, staff, assessed, applied (this year), certified.
    expect(text).toContain('市民局\n3\n2\n2\n1');
    expect(text).toContain('建設局\n2\n0\n2\n1');
    expect(text).toContain('政策局\n2\n1\n1\n1');
    expect(text).toContain('名簿にない職員\n0\n0\n0\n1');
  });

  it('sees the self-assessed levels, role and skill side by side', async () => {
    const card = await sayTo(kitakyushu, hr, 'kpi');
    expect(textOf(card)).toContain('自己診断のレベル分布（3人）');
    const chart = chartTitled(card, '自己診断のレベル分布（3人）');
    expect(chart).toMatchObject({ type: 'Chart.Line', yMin: 0, yMax: 4 });
    const levels = ['Lv.0', 'Lv.1', 'Lv.2', 'Lv.3', 'Lv.4', 'Lv.5'];
    expect(chart.data).toEqual([
      { legend: '役割レベル', color: 'categoricalPurple', values: levels.map((x, i) => ({ x, y: [0, 1, 1, 1, 0, 0][i] })) },
      { legend: 'スキルレベル', color: 'categoricalLightBlue', values: levels.map((x, i) => ({ x, y: [1, 1, 1, 0, 0, 0][i] })) },
    ]);
  });

  it('chooses another year: last year\'s certified people and funnel', async () => {
    const card = await clickOn(kitakyushu, hr, 'hr.kpi', { kpiYear: String(fy - 1) });
    const text = textOf(card);
    expect(text).toContain(`DX人材のKPI（${fy - 1}年度）`);
    expect(text).toContain(`${fy - 1}年度の認定者：2人（目標は未設定）`);
    expect(text).toContain('累計：2,230人');
    // Nobody applied last year.
    expect((chartTitled(card, funnelChart(fy - 1)).data as { values: unknown }[])[0]!.values).toEqual([
      { x: '診断済み', y: 3 },
      { x: '応募', y: 0 },
      { x: '上司が承認', y: 0 },
      { x: '選考通過', y: 0 },
      { x: '認定', y: 0 },
    ]);
  });
});

describe('HR sets the year\'s targets and the baseline', () => {
  it('refuses a target that is not a whole number from 0 to 100,000, keeps what was typed and changes nothing', async () => {
    const form = await clickOn(kitakyushu, hr, 'hr.kpi.targets', { fiscalYear: fy });
    const save = buttonData(form, 'hr.kpi.save');
    const before = await storedSettings();
    for (const bad of ['12.5', '-1', '100001', '百']) {
      const refused = await clickOn(kitakyushu, hr, 'hr.kpi.save', { ...save, targetAll: bad, baseline: '2300' });
      const text = textOf(refused);
      expect(text).toContain(`${INVALID}「${fy}年度の目標（全区分の合計）」。`);
      expect(text).toContain(NOTHING_SAVED);
      expect(elements(refused, 'Input.Text').find((i) => i.id === 'targetAll')?.value).toBe(bad);
      expect(await storedSettings()).toEqual(before);
    }
  });

  it('saves them and sees them on the KPI', async () => {
    const form = await clickOn(kitakyushu, hr, 'hr.kpi.targets', { fiscalYear: fy });
    expect(textOf(form)).toContain(`目標と基準値の設定（${fy}年度）`);
    expect(textOf(form)).toContain('現在：2,228（計画の値）');
    const save = buttonData(form, 'hr.kpi.save');
    const card = await clickOn(kitakyushu, hr, 'hr.kpi.save', { ...save, targetAll: '120', tierTarget_silver: '', tierTarget_gold: '３０', baseline: '2,300' });
    const text = textOf(card);
    expect(text).toContain(SAVED);
    expect(text).toContain(`${fy}年度の認定者：2人／目標 120人（2%）（人事が設定）`);
    expect(text).toContain('・ゴールド：1人／目標 30人（人事が設定）');
    expect(text).toContain('・シルバー：1人');
    expect(text).toContain('累計：2,304人（DX Navi導入前の認定者 2,300人 ＋ DX Naviで認定 4人）（人事が設定）');
    // This year's target is a point of its own line, and the top of an axis of 0, 30, 60, 90 and 120 people.
    const years = chartTitled(card, YEARS_CHART);
    expect((years.data as { legend: string; values: unknown }[])[1]).toEqual({ legend: '目標', color: 'neutral', values: [{ x: `${fy}年度`, y: 120 }] });
    expect(years.yMax).toBe(120);
    const stored = await kitakyushu.bot.repositories.kpiSettings.read(kitakyushu.frameworkId);
    expect(stored.settings).toEqual({
      targets: [
        { fiscalYear: fy, count: 120 },
        { fiscalYear: fy, tier: 'gold', count: 30 },
      ],
      baseline: 2300,
    });
    // Opening the form again shows the values now in force.
    expect(textOf(await clickOn(kitakyushu, hr, 'hr.kpi.targets', { fiscalYear: fy }))).toContain('現在：2,300');
  });

  it('refuses a save from a form shown before another change, and changes nothing', async () => {
    const old = buttonData(await clickOn(kitakyushu, hr, 'hr.kpi.targets', { fiscalYear: fy }), 'hr.kpi.save');
    const fresh = buttonData(await clickOn(kitakyushu, hr, 'hr.kpi.targets', { fiscalYear: fy }), 'hr.kpi.save');
    expect(textOf(await clickOn(kitakyushu, hr, 'hr.kpi.save', { ...fresh, targetAll: '150' }))).toContain(SAVED);
    const before = await storedSettings();
    const refused = await clickOn(kitakyushu, hr, 'hr.kpi.save', { ...old, targetAll: '90' });
    expect(textOf(refused)).toContain(CHANGED_MEANWHILE);
    expect(textOf(refused)).toContain('現在：150');
    expect(await storedSettings()).toEqual(before);
  });

  it('refuses a year the selector does not offer', async () => {
    const card = await clickOn(kitakyushu, hr, 'hr.kpi.targets', { fiscalYear: fy - 10 });
    expect(textOf(card)).toContain(`${fy - 10}年度の目標はここでは設定できません`);
  });
});

describe('anyone who is not HR', () => {
  it('is refused every chat word and every verb, the attempt logged and nothing changed', async () => {
    const before = await storedSettings();
    const refusedBefore = warnings.filter((w) => w.message === 'HR action refused').length;
    const words = ['KPI', '実績', 'ダッシュボード', 'kpi'];
    for (const word of words) expect(textOf(await sayTo(kitakyushu, a1, word))).toContain(HR_ONLY);
    const save = { fiscalYear: fy, seen: 'whatever', targetAll: '1', baseline: '1' };
    const verbs: [string, Record<string, unknown>][] = [
      ['hr.kpi', {}],
      ['hr.kpi', { kpiYear: String(fy - 1) }],
      ['hr.kpi.targets', { fiscalYear: fy }],
      ['hr.kpi.save', save],
    ];
    for (const [verb, data] of verbs) expect({ verb, text: textOf(await clickOn(kitakyushu, a1, verb, data)) }).toEqual({ verb, text: expect.stringContaining(HR_ONLY) as unknown });
    const refused = warnings.filter((w) => w.message === 'HR action refused').slice(refusedBefore);
    expect(refused).toHaveLength(words.length + verbs.length);
    expect(refused.every((w) => w.fields?.by === a1.aadObjectId.toLowerCase())).toBe(true);
    expect(await storedSettings()).toEqual(before);
  });
});

describe('a city whose KPI is a DX推進リーダー in every 係', () => {
  it('shows which sections have one and which do not, and a funnel from assessed to appointed', async () => {
    const card = await sayTo(kunisaki, hr, 'KPI');
    const text = textOf(card);
    expect(text).toContain('DX推進リーダーの配置（係ごと）');
    expect(text).toContain('4係のうち配置済みは2（50%）、未配置は2です。');
    expect(text).toContain('未配置の係');
    expect(text).toContain('・市民局 窓口係');
    expect(text).toContain('・建設局 道路係');
    expect(text).not.toContain('・市民局 戸籍係');
    // HR appoints here: the figures speak of appointments (任命), never of certification (認定).
    expect((chartTitled(card, `自己診断から任命まで（${fy}年度）`).data as { values: unknown }[])[0]!.values).toEqual([
      { x: '診断済み', y: 0 },
      { x: '任命', y: 2 },
    ]);
    expect(text).toContain(`${fy}年度の任命者：2人（目標は未設定）`);
    expect(text).toContain('累計：2人（DX Naviで任命。導入前の任命者数は未設定）');
    // One year with appointments is no chart of years, and without a plan over several years there is no gauge.
    expect(text).toContain(`任命者か目標があるのは${fy}年度だけのため、年度別のグラフはありません`);
    expect(elements(card, 'Chart.Gauge')).toEqual([]);
    expect(text).not.toContain('認定');
    // The per-section tier's head count is one per 係: the coverage measures it, not a plan line.
    expect(text).not.toContain('計画の目標');
  });
});
