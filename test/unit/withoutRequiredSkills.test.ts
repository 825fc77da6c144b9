import { scoreAssessment } from '../../src/domain/assessment/scoring';
import type { Framework } from '../../src/domain/framework/framework';
import type { Employee } from '../../src/domain/roster/employee';
import { assessmentLine } from '../../src/features/applications/views/describe';
import { resultCard } from '../../src/features/assessment/views/resultCard';
import { summarizeTeam } from '../../src/features/team/teamSummary';
import { teamCard } from '../../src/features/team/views/teamCard';
import { translator } from '../../src/i18n';
import type { AssessmentSummary } from '../../src/storage/assessmentSummaryRepository';
import { textOf } from '../support/botHarness';
import { loadFrameworkFile, loadKitakyushu } from './realFramework';

// Moka's framework names no required skills, so scoring reaches its top "skill level" without a single skill: a level
// nobody earned. Framework.hasRequiredSkills decides, once, that no view shows it; Kitakyushu's, with skills, does.
// Also the result card of someone who lacks nothing up to their target.

const t = translator('ja');
const moka = loadFrameworkFile('moka');
const kitakyushu = loadKitakyushu();

const manager: Employee = {
  employeeNo: 'M001',
  name: '荒町 課長',
  email: 'kacho@example.city.jp',
  aadObjectId: 'cccccccc-0000-4000-8000-000000000001',
  department: '市民生活部',
  section: '市民課',
  grade: '課長',
  roles: [],
};
const report: Employee = { ...manager, employeeNo: 'R001', name: '久下田 一郎', aadObjectId: 'cccccccc-0000-4000-8000-000000000002', grade: '主任' };

/** The summary the assessment flow stores for someone at role Lv.1 aiming at Lv.2, with every skill rated as mastered. */
function summaryIn(framework: Framework): AssessmentSummary {
  const roles = Object.fromEntries(framework.categories.map((c) => [c.id, 1]));
  const ratings = Object.fromEntries(framework.document.requiredSkills.map((s) => [s.id, 3]));
  const result = scoreAssessment(framework, roles, ratings, 2);
  return {
    frameworkId: framework.id,
    aadObjectId: report.aadObjectId,
    assessmentId: '8219676000000-0000000a',
    completedAt: '2026-05-31T03:00:00.000Z',
    overallRoleLevel: result.overallRoleLevel,
    skillLevel: result.skillLevel,
    target: result.target,
    rolePositions: result.rolePositions,
    gapSkillIds: result.gaps.map((g) => g.skillId),
  };
}

describe('a framework without required skills (Moka)', () => {
  const summary = summaryIn(moka);

  it('is told apart by the framework itself', () => {
    expect(moka.hasRequiredSkills).toBe(false);
    expect(kitakyushu.hasRequiredSkills).toBe(true);
    // What scoring gives, and what no view may show.
    expect(summary.skillLevel).toBe(moka.highestLevel);
  });

  it('gets a team view without the skill level, the gaps column or the common gaps', () => {
    const card = teamCard(manager, summarizeTeam([{ employee: report, summary }], () => 0, 5), moka, { t, locale: 'ja', isHr: false });
    const text = textOf(card);
    expect(text).toContain('Lv.1');
    expect(text).toContain('Lv.2');
    expect(text).not.toContain(`Lv.${moka.highestLevel}`);
    for (const label of ['スキル', '不足', 'チームに多い不足スキル', '不足スキルのある人はいません。']) expect(text.split('\n')).not.toContain(label);
  });

  it('gets an application summary line without a skill level', () => {
    expect(assessmentLine(moka, summary, t, 'ja')).toBe('2026年5月31日：役割 Lv.1・目標 Lv.2');
  });
});

describe('a framework with required skills (Kitakyushu)', () => {
  const summary = summaryIn(kitakyushu);

  it('shows the skill level in the team view and the application summary line', () => {
    const card = teamCard(manager, summarizeTeam([{ employee: report, summary }], () => 0, 5), kitakyushu, { t, locale: 'ja', isHr: false });
    const text = textOf(card).split('\n');
    expect(text).toEqual(expect.arrayContaining(['スキル', '不足', 'チームに多い不足スキル', `Lv.${kitakyushu.highestLevel}`]));
    expect(assessmentLine(kitakyushu, summary, t, 'ja')).toBe(`2026年5月31日：役割 Lv.1・スキル Lv.${kitakyushu.highestLevel}・目標 Lv.2`);
  });

  it('shows a kind line, not "skills to learn (0)", on the result of someone who lacks nothing up to their target', () => {
    const roles = Object.fromEntries(kitakyushu.categories.map((c) => [c.id, 2]));
    const ratings = Object.fromEntries(kitakyushu.document.requiredSkills.map((s) => [s.id, 3]));
    const result = scoreAssessment(kitakyushu, roles, ratings, 3);
    expect(result.gaps).toEqual([]);
    const text = textOf(resultCard(kitakyushu, result, '2026-05-31T03:00:00.000Z', [], t, 'ja', { records: [], sessions: [], today: '2026-05-31' }));
    expect(text).toContain(t('assessment.result.noGaps'));
    expect(text).not.toContain('これから身につけたいスキル');
  });
});
