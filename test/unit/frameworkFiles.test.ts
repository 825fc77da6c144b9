import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { frameworkJsonSchemaText } from '../../src/cli/writeFrameworkSchema';
import { validateFramework } from '../../src/domain/framework/validateFramework';
import type { FrameworkDocument } from '../../src/domain/framework/schema';

const folder = path.join(__dirname, '../../data/frameworks');
/** Every city's framework file: a new one is checked here without touching this test. */
const files = readdirSync(folder).filter((name) => name.endsWith('.json') && name !== 'framework.schema.json');
const raw = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as Record<string, unknown>;

function load(id: string): FrameworkDocument {
  const result = validateFramework(raw(`${id}.json`));
  if (!result.ok) throw new Error(`${id}.json is invalid:\n${JSON.stringify(result.issues, null, 2)}`);
  return result.value;
}

describe('data/frameworks/*.json', () => {
  it('holds the three cities of the seeds and the national model (and whatever a city adds)', () => {
    expect(files).toEqual(expect.arrayContaining(['kitakyushu.json', 'moka.json', 'kunisaki.json', 'national.json']));
  });

  it.each(files)('%s passes the import validation, points at the schema and is named after its id', (name) => {
    const result = validateFramework(raw(name));
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(raw(name).$schema).toBe('./framework.schema.json');
    expect(result.ok && `${result.value.id}.json`).toBe(name);
  });

  it('are described by the JSON Schema that `npm run framework:schema` writes from the zod schema', () => {
    expect(readFileSync(path.join(folder, 'framework.schema.json'), 'utf8')).toBe(frameworkJsonSchemaText());
  });
});

describe('moka.json (真岡市職員DX人材育成方針)', () => {
  const doc = load('moka');

  it('names the document', () => {
    expect([doc.city, doc.name, doc.published]).toEqual(['真岡市', '真岡市職員DX人材育成方針', '令和5年3月']);
  });

  it('has DXアドバイザー, DXエキスパート and DXスペシャリスト as tiers and levels 1–3, with their 目標人数', () => {
    expect(doc.tiers.map((t) => [t.id, t.name, t.targetCount])).toEqual([
      ['adviser', 'DXアドバイザー', 60],
      ['expert', 'DXエキスパート', 30],
      ['specialist', 'DXスペシャリスト', 10],
    ]);
    expect(doc.levels.map((l) => [l.level, l.title, l.tier])).toEqual([
      [1, 'DXアドバイザー', 'adviser'],
      [2, 'DXエキスパート', 'expert'],
      [3, 'DXスペシャリスト', 'specialist'],
    ]);
  });

  it('gives each tier the 認定基準 of the source', () => {
    const criteria = Object.fromEntries(doc.tiers.map((t) => [t.id, t.criteria]));
    expect(criteria.adviser).toBe('プロジェクトにメンバーとして参加し、報告会において一定以上の評価を得る。');
    expect(criteria.expert).toMatch(/^DXアドバイザーに認定された上でプロジェクトにリーダーとして参加し/);
    expect(criteria.specialist).toMatch(/^2年以上連続してプロジェクトにリーダーとして参加し/);
    expect(criteria.specialist).toContain('プロジェクト終了後、メンバーから一定以上の評価を得る。');
  });

  it('has one role category, 主な役割, with the source\'s bullets per level', () => {
    expect(doc.categories.map((c) => c.name)).toEqual(['主な役割']);
    expect(doc.roles.find((r) => r.level === 3)?.text?.split('\n')).toHaveLength(3);
    expect(doc.roles.find((r) => r.level === 1)?.text).toContain('プロジェクトにメンバーとして参加する。');
  });

  it('has the yearly targets of R5–R7 (fiscal years 2023–2025)', () => {
    expect(doc.rules.targets).toEqual([
      { fiscalYear: 2023, tier: 'adviser', count: 20 },
      { fiscalYear: 2024, tier: 'expert', count: 10 },
      { fiscalYear: 2024, tier: 'adviser', count: 30 },
      { fiscalYear: 2025, tier: 'specialist', count: 3 },
      { fiscalYear: 2025, tier: 'expert', count: 20 },
      { fiscalYear: 2025, tier: 'adviser', count: 40 },
    ]);
  });

  it('certifies every tier by an evaluation from three viewpoints, リーダーシップ for エキスパート and スペシャリスト only', () => {
    expect(doc.rules.evaluation?.tiers).toEqual(['adviser', 'expert', 'specialist']);
    expect(doc.rules.evaluation?.viewpoints.map((v) => [v.name, v.raters, v.tiers])).toEqual([
      ['政策的観点', '幹部職員', []],
      // Only their criteria ask for 「プロジェクト終了後、メンバーから一定以上の評価」.
      ['リーダーシップ', '同一所属職員、プロジェクトメンバー', ['expert', 'specialist']],
      ['技術的観点', '委託業者等専門家', []],
    ]);
    expect(doc.rules.evaluation?.text).toContain('多角的な観点から評価する。');
    expect(doc.rules.applicationWindow).toBeUndefined();
    expect(doc.rules.appointment).toBeUndefined();
  });

  it('assesses and certifies on the skill map, with the UI/UX note; it is neither recommended nor required skills', () => {
    const map = doc.rules.evaluation?.skillMap;
    expect(map?.skills.map((s) => s.name)).toEqual(['マネジメント', 'リーダーシップ', 'AI/RPA', 'データ利活用', 'UI/UX']);
    expect(map?.skills.find((s) => s.name === 'UI/UX')?.note).toMatch(/^UI\/UXとは、利用者がサービスを通じて得られる体験のこと。/);
    expect(map?.text).toBe('プロジェクト活動を通じてスキル(横軸)と段階(縦軸)で評価・認定される。');
    expect(doc.recommendedSkillGroups).toEqual([]);
    expect(doc.requiredSkills).toEqual([]);
  });

  it('has the 職員像 (the same five points as 人材育成の目標)', () => {
    expect(doc.aims).toEqual([
      {
        heading: 'DX推進に求められる職員像',
        items: [
          '自らの業務をよりよいものに変革していく意欲がある。',
          '前例にとらわれず変革による新しい価値を創出する意欲がある。',
          '業務知識やシステムの操作・運用スキルがある。',
          '課題解決のスキルがある。',
          '日々進化するデジタル技術等を学び続ける意欲がある。',
        ],
      },
    ]);
  });

  it('has the programs of the source', () => {
    expect(doc.programs.map((p) => p.name)).toEqual(
      expect.arrayContaining(['BPRプロジェクト', '幹部職員への意識改革研修', '市独自情報リテラシー研修', 'J-Lis等外部研修の積極活用', '情報処理関連資格取得促進']),
    );
  });
});

describe('kunisaki.json (国東市 人材育成・確保基本方針（デジタル部分）)', () => {
  const doc = load('kunisaki');

  it('names the document', () => {
    expect([doc.city, doc.name, doc.published]).toEqual(['国東市', '人材育成・確保基本方針（デジタル部分）', '令和8年3月']);
  });

  it('has 一般職員, DX推進リーダー and 高度専門人材 as tiers and levels 1–3', () => {
    expect(doc.tiers.map((t) => [t.id, t.name])).toEqual([
      ['general', '一般職員'],
      ['dx-leader', 'DX推進リーダー'],
      ['advanced', '高度専門人材'],
    ]);
    expect(doc.levels.map((l) => [l.level, l.tier])).toEqual([
      [1, 'general'],
      [2, 'dx-leader'],
      [3, 'advanced'],
    ]);
  });

  it('has the roles (Ⅲ), the target levels (Ⅳ) as level summaries, and the knowledge areas (Ⅴ(2))', () => {
    expect(doc.categories.map((c) => c.name)).toEqual(['階層別の役割', '知識・スキルの主な内容']);
    expect(doc.roles.find((r) => r.level === 2 && r.category === 'role')?.text).toContain('所属業務のDXを推進する。');
    expect(doc.levels[1]?.summary).toMatch(/^研修等に積極的に参加して、ノーコードツールや生成AIなどのスキルを獲得する。/);
    expect(doc.roles.find((r) => r.level === 3 && r.category === 'knowledge')?.text).toBe(
      'マネジメント、ネットワーク、情報セキュリティ、施策の立案等に関する高度な知識、スキルの習得。',
    );
    expect(doc.requiredSkills.filter((s) => s.level === 1).map((s) => s.name)).toEqual(['デジタルツールの基本的知識', '情報セキュリティ', 'ITリテラシー']);
  });

  it('gives the knowledge areas no definition: the document defines none', () => {
    expect(doc.requiredSkills.map((s) => s.definition)).toEqual(doc.requiredSkills.map(() => undefined));
  });

  it('has the 職員像 and めざす姿 of Ⅲ', () => {
    expect(doc.aims.map((a) => [a.heading, a.items.length])).toEqual([
      ['職員に求められるデジタル人材像', 1],
      ['国東市がめざすデジタル人材の姿', 4],
    ]);
    expect(doc.aims[1]?.items[0]).toBe('全職員が基本的なデジタルリテラシーを有する');
  });

  it('has HR appoint only DX推進リーダー (指名, one in every 係), and no application window', () => {
    expect(doc.rules.appointment?.tiers).toEqual(['dx-leader']);
    // 高度専門人材 are defined by their post and grown by training: nobody appoints them.
    expect(doc.rules.appointment?.text).not.toContain('高度専門人材');
    expect(doc.rules.appointment?.perSection).toBe('dx-leader');
    expect(doc.rules.appointment?.text).toContain('各係に1人（総括リーダー）');
    // The unit its coverage counts is the document's: "各係に1人", "係ごとに1名配置".
    expect(doc.rules.appointment?.coverageUnit).toBe('係');
    expect(doc.rules.appointment?.text).toContain('係ごとに1名配置');
    expect(doc.rules.applicationWindow).toBeUndefined();
    expect(doc.rules.evaluation).toBeUndefined();
  });

  it('has the training of the source, the external one at 大分県自治人材育成センター and J-LIS', () => {
    expect(doc.programs.map((p) => p.name)).toEqual(['内部研修', '外部研修', 'DXや業務改善に役立つ情報の共有']);
    expect(doc.programs.find((p) => p.id === 'external-training')?.description).toContain('大分県自治人材育成センター');
  });

  it('says how it secures 高度専門人材 (training, outside talent) in its notes, not as a program', () => {
    expect(doc.rules.notes).toEqual([
      expect.stringContaining('基本的には、職員の育成により確保していくこととする'),
      expect.stringMatching(/^外部人材の活用\u3000内部の人材育成を基本としつつ/),
    ]);
  });
});

describe('national.json (自治体DX全体手順書, 令和5年1月改定)', () => {
  const doc = load('national');

  it('names the guide', () => {
    expect([doc.city, doc.name, doc.published]).toEqual(['総務省', '自治体DX全体手順書', '令和5年1月改定']);
  });

  it('has 一般職員, DX推進リーダー and 高度専門人材 on the axes マネジメントレベル（職階） and 専門性の高さ', () => {
    expect(doc.levels.map((l) => [l.level, l.title])).toEqual([
      [1, '一般職員'],
      [2, 'DX推進リーダー'],
      [3, '高度専門人材'],
    ]);
    expect(doc.categories[0]?.aspects.map((a) => a.name)).toEqual(['マネジメントレベル（職階）', '専門性の高さ']);
    expect(doc.roles.find((r) => r.level === 2)?.text).toBe('デジタル分野の専門知識を身につけ、一般職員や高度専門人材と連携し、実務の中核を担う');
    // The seed says nothing of 高度専門人材's role: it has none, rather than an invented one.
    expect(doc.roles.find((r) => r.level === 3)?.text).toBeUndefined();
  });

  it('has the trainings by rank the cases name, with 東京都\'s participation targets', () => {
    const byId = (id: string) => doc.programs.find((p) => p.id === id)!;
    expect(byId('tokyo-digital-literacy').participationTarget).toEqual({ count: 40000, years: 1 });
    expect(byId('tokyo-reskilling').participationTarget).toEqual({ count: 5000, years: 5 });
    expect(byId('tokyo-digital-literacy').parts.map((p) => [p.name, p.ranks])).toEqual([
      ['エグゼクティブセミナー', ['局長級等']],
      ['管理職向け研修/セミナー', ['管理職層']],
      ['デジタルリテラシー教育', ['管理職層', '一般職層']],
    ]);
    expect(byId('kobe-dx-talent').parts.map((p) => p.ranks)).toEqual([['係長級以下'], ['管理職']]);
    expect(byId('tokyo-job-rotation').kind).toBe('job-rotation');
  });

  it('names no skills, certifies nobody and sets no KPI: a city adds those', () => {
    expect([doc.requiredSkills, doc.recommendedSkillGroups, doc.trainingFocusItems]).toEqual([[], [], []]);
    expect(doc.rules.levelsCertified).toBe(false);
    expect([doc.rules.applicationWindow, doc.rules.evaluation, doc.rules.appointment, doc.rules.kpi]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
