import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateFramework } from '../../src/domain/framework/validateFramework';
import type { FrameworkDocument } from '../../src/domain/framework/schema';

const file = path.join(__dirname, '../../data/frameworks/kitakyushu.json');
const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

function load(): FrameworkDocument {
  const result = validateFramework(raw);
  if (!result.ok) throw new Error(`kitakyushu.json is invalid:\n${JSON.stringify(result.issues, null, 2)}`);
  return result.value;
}

const doc = load();

function countBy<T>(items: readonly T[], key: (item: T) => string | number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[String(key(item))] = (out[String(key(item))] ?? 0) + 1;
  return out;
}

describe('data/frameworks/kitakyushu.json', () => {
  it('validates against the schema and its cross-references', () => {
    const result = validateFramework(raw);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('points at the generated JSON Schema and names the document', () => {
    expect(Object.keys(raw)[0]).toBe('$schema');
    expect(raw.$schema).toBe('./framework.schema.json');
    expect(doc.id).toBe('kitakyushu');
    expect(doc.name).toBe('北九州市DX・AI人財戦略');
    expect(doc.city).toBe('北九州市');
    expect(doc.published).toBe('令和8年6月');
    expect(doc.source).toContain('北九州市DX・AI人財戦略（令和8年6月）');
  });

  it('has the three tiers', () => {
    expect(doc.tiers).toEqual([
      { id: 'bronze', name: 'ブロンズ', audience: '全職員' },
      { id: 'silver', name: 'シルバー', audience: 'DX変革リーダー' },
      { id: 'gold', name: 'ゴールド', audience: 'DX変革リーダー' },
    ]);
  });

  it('has five levels with their titles and tiers', () => {
    expect(doc.levels.map((l) => [l.level, l.title, l.tier])).toEqual([
      [1, '導入されたDXツールを活用できる職員', 'bronze'],
      [2, '各職場でDXを実行する人材', 'silver'],
      [3, '各職場でDXを企画・実行する人材', 'silver'],
      [4, 'DXプロジェクトの企画から完了までの全工程を統括する人材', 'gold'],
      [5, '市全体のDX戦略を立案・統括する人材', 'gold'],
    ]);
    expect(doc.levels[0]?.summary).toBe('Lv.1は導入されたDXツールを活用できるレベルです。');
    expect(doc.levels[2]?.summary).toBe('Lv.2は各職場でのDXの実行を、Lv.3はそれに加えて企画も担うことができるレベルです。');
  });

  it('has the five categories with their groups and aspects', () => {
    expect(doc.categories.map((c) => [c.id, c.name, c.group])).toEqual([
      ['mission', '使命感', undefined],
      ['thinking', '思考・認識', '業務遂行・市政変革力'],
      ['execution', '業務遂行', '業務遂行・市政変革力'],
      ['organization', '組織運営', '組織・対人力／組織マネジメント・エンゲージメント向上力'],
      ['external', '外部影響', '組織・対人力／組織マネジメント・エンゲージメント向上力'],
    ]);
    for (const c of doc.categories) {
      expect(c.aspects).toHaveLength(3);
      expect(c.aspects[2]).toEqual({ name: 'スタンス・アプローチなど', lowest: '低次元', highest: '高次元' });
    }
    const mission = doc.categories.find((c) => c.id === 'mission');
    expect(mission?.aspects[0]).toEqual({ name: '変革対象の範囲', lowest: '担当業務', highest: '北九州市・市役所全体' });
    expect(mission?.note).toBe('マインドとスキルを切り離して考えるため、「使命感」カテゴリに該当するスキルはありません。');
    const thinking = doc.categories.find((c) => c.id === 'thinking');
    expect(thinking?.aspects[1]).toEqual({ name: '思考フェーズ', lowest: 'How解決策', highest: 'What課題' });
    const external = doc.categories.find((c) => c.id === 'external');
    expect(external?.aspects[1]).toEqual({ name: '説明・説得・調整の難易度', lowest: '平易', highest: '困難' });
  });

  it('has one role per level and category, each with its emphasised phrases', () => {
    expect(doc.roles).toHaveLength(25);
    const keys = new Set(doc.roles.map((r) => `${r.level}/${r.category}`));
    expect(keys.size).toBe(25);
    for (const role of doc.roles) {
      expect(role.highlights.length).toBeGreaterThan(0);
      for (const h of role.highlights) expect(role.text).toContain(h);
      // extraction artefacts must be gone
      expect(role.text).not.toMatch(/\s/);
      expect(role.text).not.toContain('一步');
    }
  });

  it('keeps the full text of a role cell', () => {
    const role = doc.roles.find((r) => r.level === 5 && r.category === 'mission');
    expect(role?.text).toBe(
      '新ビジョン・プランおよびDX推進計画の理念を深く理解し、市全体で「一歩先の価値観」を体現するため、北九州市および市役所全体を対象とした業務、組織、プロセスの変革（トランスフォーメーション）を自らの使命として捉える。抵抗や失敗を恐れず大胆に従来の慣習を打破し、逆境から学びながら自らを鼓舞して最後まで粘り強くやりぬく姿を示すことで、組織風土としてDXが根付くよう先頭に立って挑戦し続ける。',
    );
    expect(role?.highlights).toEqual([
      '市全体で「一歩先の価値観」',
      '北九州市および市役所全体',
      '業務、組織、プロセスの変革（トランスフォーメーション）',
      '組織風土としてDXが根付く',
    ]);
    const lv3 = doc.roles.find((r) => r.level === 3 && r.category === 'mission');
    expect(lv3?.text).toContain('「一歩先の価値観」を体現するため、各職場の業務改善・改革を自らの使命として捉える。');
    expect(lv3?.highlights).toEqual(['一歩先の価値観', '各職場の業務改善・改革', '各職場でDXが継続的に進むよう挑戦し続ける']);
  });

  it('has the 33 required skills, none in 使命感, ordered Lv.1 first', () => {
    expect(doc.requiredSkills).toHaveLength(33);
    expect(doc.requiredSkills.map((s) => s.id)).toEqual(
      Array.from({ length: 33 }, (_, i) => `rs${String(i + 1).padStart(2, '0')}`),
    );
    expect(doc.requiredSkills.filter((s) => s.category === 'mission')).toEqual([]);
    expect(countBy(doc.requiredSkills, (s) => s.level)).toEqual({ 1: 8, 2: 6, 3: 6, 4: 7, 5: 6 });
    const levels = doc.requiredSkills.map((s) => s.level);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(countBy(doc.requiredSkills, (s) => s.origin ?? 'none')).toEqual({ standard: 18, city: 15 });
  });

  it('puts each Lv.5 skill in its category', () => {
    const lv5 = doc.requiredSkills.filter((s) => s.level === 5).map((s) => [s.name, s.category]);
    expect(lv5).toEqual([
      ['ビジネス戦略策定・実行', 'thinking'],
      ['革新力', 'thinking'],
      ['案件化／プロジェクト化', 'execution'],
      ['情報発信', 'execution'],
      ['リーダーシップ', 'organization'],
      ['共創力', 'external'],
    ]);
  });

  it('keeps a skill definition and example word for word', () => {
    const skill = doc.requiredSkills.find((s) => s.name === 'ビジネス戦略策定・実行');
    expect(skill).toMatchObject({ id: 'rs28', level: 5, category: 'thinking', origin: 'standard' });
    expect(skill?.definition).toBe(
      '課題・成果指標などをデータ・事実に基づいて検討のうえ、最適な資源配分を行い、高い成果が見込まれるDX戦略を示し実現する力。',
    );
    expect(skill?.example).toBe(
      '市民と職員の負担軽減、費用対効果などの観点から定量的な成果指標を設定する。関連する定量データや定性情報などに基づいて課題を特定し、窓口のオンライン予約を主要施策に位置づけ、最も成果が見込める予算や人員の配分を決定する。',
    );
    for (const s of doc.requiredSkills) {
      expect(s.definition).not.toMatch(/^定義/);
      expect(s.example).not.toMatch(/^活用例/);
    }
  });

  it('names the Lv.2 organisation skill フォロワーシップ', () => {
    const skill = doc.requiredSkills.find((s) => s.level === 2 && s.category === 'organization');
    expect(skill).toMatchObject({ id: 'rs13', name: 'フォロワーシップ', origin: 'city' });
    expect(skill?.definition).toBe('プロジェクトメンバーの動きを理解しながら、互いに意欲と成果を高め合って組織目標を達成する力。');
  });

  it('has 31 recommended skills in four groups', () => {
    expect(doc.recommendedSkillGroups.map((g) => [g.id, g.name, g.skills.length])).toEqual([
      ['business-transformation', 'ビジネス変革', 7],
      ['data', 'データ活用', 5],
      ['technology', 'テクノロジー', 13],
      ['security', 'セキュリティ', 6],
    ]);
    const skills = doc.recommendedSkillGroups.flatMap((g) => g.skills);
    expect(skills.map((s) => s.id)).toEqual(Array.from({ length: 31 }, (_, i) => `rec${String(i + 1).padStart(2, '0')}`));
    expect(skills[0]?.name).toBe('プロダクトマネジメント');
    expect(skills[30]?.name).toBe('セキュリティ運用・保守・監視');
  });

  it('has the 51 training focus items with their levels', () => {
    expect(doc.trainingFocusItems).toHaveLength(51);
    expect(countBy(doc.trainingFocusItems, (t) => t.level)).toEqual({ 1: 11, 2: 11, 3: 10, 4: 12, 5: 7 });
    expect(doc.trainingFocusItems[0]).toEqual({ id: 'tf01', name: '北九州市職員の心構え', level: 1, category: 'mission', keywords: [] });
    const lv5Execution = doc.trainingFocusItems.filter((t) => t.level === 5 && t.category === 'execution');
    expect(lv5Execution.map((t) => t.name)).toEqual(['プロジェクト立ち上げ', 'マスマーケティング']);
    expect(doc.trainingFocusItems.filter((t) => t.level === 5 && t.category === 'mission')).toEqual([]);
  });

  it('lists the programs by kind', () => {
    const byKind = (kind: string): string[] => doc.programs.filter((p) => p.kind === kind).map((p) => p.name);
    expect(byKind('off-jt')).toEqual(['DXアカデミー', 'KITAQ改善提案DXスクール']);
    expect(byKind('ojt')).toEqual(['ローコードツール・AIなどの利用環境整備', 'DX相談窓口']);
    expect(byKind('job-rotation')).toEqual(['民間企業・省庁に派遣']);
    expect(byKind('self-development')).toEqual(['学外研修受講支援', 'DX関連資格取得等サポート制度', 'オンライン動画学習サービス']);
    expect(byKind('career-support')).toEqual(['DXプロジェクトへの優先配置', 'デジタルエキスパートへのキャリアパス']);
  });

  it('has the case study\'s hierarchical trainings as its one sentence, 「等」 kept', () => {
    const [hierarchical, ...more] = doc.programs.filter((p) => p.kind === 'hierarchical-training');
    expect(more).toEqual([]);
    expect(hierarchical?.description).toBe(
      '職員研修部門と連携した、新規採用、採用3年次、新任部長・課長等、階層別のDX研修を実施し、DXの考え方の浸透やデジタルリテラシーの向上を図る',
    );
  });

  it('has the tier trainings as one project with a part per tier, and the press release\'s note on its renewal', () => {
    const [project, ...more] = doc.programs.filter((p) => p.kind === 'tier-training');
    expect(more).toEqual([]);
    expect(project?.name).toBe('DX人材育成プロジェクト（R5.10～）');
    expect(project?.tiers).toEqual([]);
    expect(project?.parts.map((part) => [part.name, part.tiers])).toEqual([
      ['ゴールド', ['gold']],
      ['シルバー', ['silver']],
      ['ブロンズ', ['bronze']],
    ]);
    expect(project?.parts[0]?.description).toBe('IT企業への派遣や専門的な研修の受講などにより、高度専門人材を育成');
    expect(project?.description).toContain('令和8年度からは研修内容を「業務効率化」に加え、「新たな価値創造」に向けて大幅に更新予定');
  });

  it('states the rules as the strategy does', () => {
    const { rules } = doc;
    expect(rules.applicationWindow).toEqual({
      month: 6,
      tiers: ['gold', 'silver'],
      text: '毎年6月頃、ゴールド・シルバー認定の候補者を募ります。必須研修の受講などそれぞれの認定プロセスを経ることで認定されます。',
    });
    expect(rules.levelsCertified).toBe(false);
    expect(rules.requiredSkillsAtApplication).toBe(false);
    expect(rules.skillsAccumulate).toContain('必須スキルをLv.1→Lv.5と着実に積み上げて習得していくことが重要');
    expect(rules.professionalTrack?.eligibleGrades).toBe('係長以下');
    expect(rules.professionalTrack?.text).toMatch(/^職位が係長以下など、応募要件を満たす場合、プロフェッショナルトラック（DX）/);
    expect(rules.digitalExpert?.minLevel).toBe(3);
    expect(rules.digitalExpert?.text).toMatch(/^Lv\.3以上の知識を持つなどの要件を満たし/);
    expect(rules.kpi).toMatchObject({ target: 2400, fromFiscalYear: 2023, toFiscalYear: 2025, achieved: 2228 });
    expect(rules.notes).toContain('成長ステップ・目標としての概念的な区分のため、レベル認定（Lv.1→Lv.2→Lv.3→Lv.4→Lv.5）は行いません。');
    expect(rules.notes.some((n) => n.endsWith('ただし、選出・応募時点で求めるものではありません。'))).toBe(true);
    expect(rules.notes.some((n) => n.startsWith('認定プロセスや研修内容は年度ごとに変更になる可能性があります。'))).toBe(true);
  });
});
