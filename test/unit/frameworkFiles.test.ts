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
  it('holds the three cities of the seeds (and whatever a city adds)', () => {
    expect(files).toEqual(expect.arrayContaining(['kitakyushu.json', 'moka.json', 'kunisaki.json']));
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
    expect(doc.roles.find((r) => r.level === 3)?.text.split('\n')).toHaveLength(3);
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

  it('certifies every tier by an evaluation from three viewpoints, and has no application window', () => {
    expect(doc.rules.evaluation?.tiers).toEqual(['adviser', 'expert', 'specialist']);
    expect(doc.rules.evaluation?.viewpoints.map((v) => [v.name, v.raters])).toEqual([
      ['政策的観点', '幹部職員'],
      ['リーダーシップ', '同一所属職員、プロジェクトメンバー'],
      ['技術的観点', '委託業者等専門家'],
    ]);
    expect(doc.rules.evaluation?.text).toContain('多角的な観点から評価する。');
    expect(doc.rules.applicationWindow).toBeUndefined();
    expect(doc.rules.appointment).toBeUndefined();
  });

  it('has the skill map with the UI/UX note, and no required skills (the source defines none)', () => {
    expect(doc.requiredSkills).toEqual([]);
    const [map] = doc.recommendedSkillGroups;
    expect(map?.skills.map((s) => s.name)).toEqual(['マネジメント', 'リーダーシップ', 'AI/RPA', 'データ利活用', 'UI/UX']);
    expect(map?.skills.find((s) => s.name === 'UI/UX')?.note).toMatch(/^UI\/UXとは、利用者がサービスを通じて得られる体験のこと。/);
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

  it('has HR appoint DX推進リーダー (one in every 係) and 高度専門人材, and no application window', () => {
    expect(doc.rules.appointment?.tiers).toEqual(['dx-leader', 'advanced']);
    expect(doc.rules.appointment?.perSection).toBe('dx-leader');
    expect(doc.rules.appointment?.text).toContain('各係に1人（総括リーダー）');
    // The unit its coverage counts is the document's: "各係に1人", "係ごとに1名配置".
    expect(doc.rules.appointment?.coverageUnit).toBe('係');
    expect(doc.rules.appointment?.text).toContain('係ごとに1名配置');
    expect(doc.rules.applicationWindow).toBeUndefined();
    expect(doc.rules.evaluation).toBeUndefined();
  });

  it('has the training of the source, the external one at 大分県自治人材育成センター and J-LIS', () => {
    expect(doc.programs.map((p) => p.name)).toEqual(['内部研修', '外部研修', 'DXや業務改善に役立つ情報の共有', '外部人材の活用']);
    expect(doc.programs.find((p) => p.id === 'external-training')?.description).toContain('大分県自治人材育成センター');
  });
});
