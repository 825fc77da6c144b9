import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateFramework } from '../../src/domain/framework/validateFramework';
import type { ValidationIssue } from '../../src/domain/validation';

interface Doc {
  levels: { level: number }[];
  roles: { level: number; category: string; text?: string; highlights: string[] }[];
  requiredSkills: Record<string, unknown>[];
  recommendedSkillGroups: { skills: { id: string }[] }[];
  trainingFocusItems: Record<string, unknown>[];
  programs: { id: string; parts?: { tiers: string[] }[]; participationTarget?: { count: number } }[];
  rules: { questions: { topic: string; questions: string[]; answer?: string }[]; digitalExpert?: unknown };
}

const file = path.join(__dirname, '../../data/frameworks/kitakyushu.json');
const original = readFileSync(file, 'utf8');

/** A fresh, mutable copy of the Kitakyushu file. */
function copy(): Doc {
  return JSON.parse(original) as Doc;
}

function issuesOf(input: unknown): ValidationIssue[] {
  const result = validateFramework(input);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.issues;
}

function at<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

describe('validateFramework on broken copies of kitakyushu.json', () => {
  it('accepts the file itself', () => {
    expect(validateFramework(copy()).ok).toBe(true);
  });

  it('rejects a question about a rule the framework has no words on, naming the rule', () => {
    const doc = copy();
    delete doc.rules.digitalExpert;
    doc.rules.questions.push({ topic: 'levelsCertified', questions: ['レベルは認定される'] });
    const topics = doc.rules.questions.map((q) => q.topic);
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({ where: `rules.questions[${topics.indexOf('digitalExpert')}].answer`, item: 'digitalExpert' }),
      expect.objectContaining({ where: `rules.questions[${topics.length - 1}].answer`, item: 'levelsCertified' }),
    ]);
  });

  it('rejects a question about a rule the format does not know', () => {
    const doc = copy();
    doc.rules.questions.push({ topic: 'salary', questions: ['給料は'] });
    expect(issuesOf(doc)).toEqual([expect.objectContaining({ where: `rules.questions[${doc.rules.questions.length - 1}].topic` })]);
  });

  it('rejects a skill with an unknown category, naming the skill and the field', () => {
    const doc = copy();
    at(doc.requiredSkills, 4).category = 'leadership';
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({ where: 'requiredSkills[4].category', item: 'rs05', field: 'category' }),
    ]);
  });

  it('rejects a training focus item with an unknown level', () => {
    const doc = copy();
    at(doc.trainingFocusItems, 0).level = 6;
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({ where: 'trainingFocusItems[0].level', item: 'tf01', field: 'level' }),
    ]);
  });

  it('rejects a missing role, naming its level and category', () => {
    const doc = copy();
    doc.roles = doc.roles.filter((r) => !(r.level === 3 && r.category === 'external'));
    expect(issuesOf(doc)).toEqual([expect.objectContaining({ where: 'roles.text', item: 'Lv.3 external' })]);
  });

  it('rejects a second role for the same level and category', () => {
    const doc = copy();
    const index = doc.roles.findIndex((r) => r.level === 2 && r.category === 'thinking');
    doc.roles.push({ ...at(doc.roles, index) });
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({ where: `roles[${doc.roles.length - 1}].category`, item: 'Lv.2 thinking' }),
    ]);
  });

  it('rejects a duplicate id', () => {
    const doc = copy();
    at(doc.requiredSkills, 1).id = 'rs01';
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({ where: 'requiredSkills[1].id', item: 'rs01', field: 'id' }),
    ]);
  });

  it('rejects a duplicate id across recommended skill groups', () => {
    const doc = copy();
    at(at(doc.recommendedSkillGroups, 3).skills, 0).id = 'rec01';
    expect(issuesOf(doc)).toEqual([expect.objectContaining({ item: 'rec01', field: 'id' })]);
  });

  it('accepts a skill without a definition, for a source that defines none', () => {
    const doc = copy();
    delete at(doc.requiredSkills, 3).definition;
    expect(validateFramework(doc).ok).toBe(true);
  });

  it('accepts a role the source says nothing of, and refuses highlights on it', () => {
    const doc = copy();
    const role = at(doc.roles, 0);
    delete role.text;
    role.highlights = [];
    expect(validateFramework(doc).ok).toBe(true);
    role.highlights = ['担当業務'];
    expect(issuesOf(doc)).toEqual([expect.objectContaining({ where: 'roles[0].highlights[0]' })]);
  });

  it('rejects a program part meant for a tier the framework does not have', () => {
    const doc = copy();
    const project = doc.programs.findIndex((p) => p.id === 'dx-talent-project');
    at(at(doc.programs, project).parts!, 1).tiers = ['platinum'];
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({ where: `programs[${project}].parts[1].tiers[0]`, item: 'dx-talent-project', message: 'tier "platinum" is not defined' }),
    ]);
  });

  it('rejects a participation target of no one', () => {
    const doc = copy();
    at(doc.programs, 0).participationTarget = { count: 0 };
    expect(issuesOf(doc)).toEqual([expect.objectContaining({ where: 'programs[0].participationTarget.count' })]);
  });

  it('rejects a blank definition', () => {
    const doc = copy();
    at(doc.requiredSkills, 3).definition = '   ';
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({ where: 'requiredSkills[3].definition', item: 'rs04', field: 'definition' }),
    ]);
  });

  it('rejects an id that is not lower-case ASCII', () => {
    const doc = copy();
    at(doc.programs, 0).id = 'DX_Academy';
    expect(issuesOf(doc)).toEqual([expect.objectContaining({ where: 'programs[0].id', field: 'id' })]);
  });

  it('rejects a highlight that does not occur in the role text', () => {
    const doc = copy();
    at(doc.roles, 0).highlights.push('存在しない語句');
    const index = at(doc.roles, 0).highlights.length - 1;
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({
        where: `roles[0].highlights[${index}]`,
        item: `Lv.${at(doc.roles, 0).level} ${at(doc.roles, 0).category}`,
        field: `highlights[${index}]`,
      }),
    ]);
  });

  it('rejects levels with a gap', () => {
    const doc = copy();
    const lv5 = doc.levels.find((l) => l.level === 5);
    if (!lv5) throw new Error('no Lv.5');
    lv5.level = 6;
    for (const r of doc.roles) if (r.level === 5) r.level = 6;
    for (const s of doc.requiredSkills) if (s.level === 5) s.level = 6;
    for (const t of doc.trainingFocusItems) if (t.level === 5) t.level = 6;
    const issues = issuesOf(doc);
    expect(issues).toContainEqual(
      expect.objectContaining({ where: 'levels.level', message: expect.stringContaining('without gaps') as unknown }),
    );
  });

  it('rejects a program for an unknown tier', () => {
    const doc = copy();
    Object.assign(at(doc.programs, 0), { tiers: ['platinum'] });
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({ where: 'programs[0].tiers[0]', item: 'dx-academy' }),
    ]);
  });
});

describe('validateFramework on the unit a per-section KPI counts (kunisaki.json)', () => {
  const kunisaki = readFileSync(path.join(__dirname, '../../data/frameworks/kunisaki.json'), 'utf8');
  const appointmentOf = (doc: unknown): Record<string, unknown> => (doc as { rules: { appointment: Record<string, unknown> } }).rules.appointment;

  it('accepts the file, whose coverage counts 係', () => {
    const result = validateFramework(JSON.parse(kunisaki));
    expect(result.ok && result.value.rules.appointment?.coverageUnit).toBe('係');
  });

  it('rejects a per-section tier without the unit it is counted in', () => {
    const doc: unknown = JSON.parse(kunisaki);
    delete appointmentOf(doc).coverageUnit;
    expect(issuesOf(doc)).toEqual([expect.objectContaining({ where: 'rules.appointment.coverageUnit', field: 'coverageUnit' })]);
  });

  it('rejects a unit without a per-section tier to count', () => {
    const doc: unknown = JSON.parse(kunisaki);
    delete appointmentOf(doc).perSection;
    expect(issuesOf(doc)).toEqual([expect.objectContaining({ where: 'rules.appointment.coverageUnit', field: 'coverageUnit' })]);
  });
});
