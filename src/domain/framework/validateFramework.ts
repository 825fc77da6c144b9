import { ruleText } from './ruleAnswers';
import { frameworkDocumentSchema, type FrameworkDocument } from './schema';
import { issuesFromZod, type IssueCode, type IssueParams, type Validated, type ValidationIssue } from '../validation';

/**
 * Validates a framework file: its shape first, then every reference between its parts
 * (a skill's level and category exist, every level × category has exactly one role, ids are unique …).
 */
export function validateFramework(input: unknown): Validated<FrameworkDocument> {
  const parsed = frameworkDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, input) };
  const issues = crossReferenceIssues(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

function crossReferenceIssues(doc: FrameworkDocument): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const report = (where: string, item: string | undefined, field: string, message: string, code: IssueCode, params?: IssueParams): void => {
    issues.push({ where: `${where}.${field}`, item, field, message, code, params });
  };

  const tierIds = new Set(doc.tiers.map((t) => t.id));
  const levelNumbers = new Set(doc.levels.map((l) => l.level));
  const categoryIds = new Set(doc.categories.map((c) => c.id));

  const checkLevel = (where: string, item: string | undefined, level: number): void => {
    if (!levelNumbers.has(level)) report(where, item, 'level', `level ${level} is not one of the framework's levels`, 'levelUnknown', { level });
  };
  const checkCategory = (where: string, item: string, category: string): void => {
    if (!categoryIds.has(category)) report(where, item, 'category', `category "${category}" is not defined`, 'categoryUnknown', { category });
  };
  const checkTier = (where: string, item: string | undefined, field: string, tier: string): void => {
    if (!tierIds.has(tier)) report(where, item, field, `tier "${tier}" is not defined`, 'tierUnknown', { tier });
  };

  issues.push(...duplicateIds('tiers', doc.tiers));
  issues.push(...duplicateIds('categories', doc.categories));
  issues.push(...duplicateIds('requiredSkills', doc.requiredSkills));
  issues.push(...duplicateIds('recommendedSkillGroups', doc.recommendedSkillGroups));
  issues.push(...duplicateIds('trainingFocusItems', doc.trainingFocusItems));
  issues.push(...duplicateIds('programs', doc.programs));
  issues.push(
    ...duplicateIds(
      'recommendedSkillGroups[].skills',
      doc.recommendedSkillGroups.flatMap((g) => g.skills),
    ),
  );

  const sortedLevels = [...levelNumbers].sort((a, b) => a - b);
  sortedLevels.forEach((level, index) => {
    if (level !== index + 1) report('levels', undefined, 'level', 'levels must be numbered 1, 2, 3 … without gaps', 'levelsGap');
  });
  if (levelNumbers.size !== doc.levels.length) report('levels', undefined, 'level', 'a level number appears twice', 'levelTwice');
  doc.levels.forEach((l, i) => checkTier(`levels[${i}]`, `Lv.${l.level}`, 'tier', l.tier));

  const roleKeys = new Set<string>();
  doc.roles.forEach((r, i) => {
    const where = `roles[${i}]`;
    const item = `Lv.${r.level} ${r.category}`;
    checkLevel(where, item, r.level);
    checkCategory(where, item, r.category);
    const key = `${r.level}/${r.category}`;
    if (roleKeys.has(key)) report(where, item, 'category', 'a second role for the same level and category', 'roleTwice');
    roleKeys.add(key);
    r.highlights.forEach((h, j) => {
      if (!r.text?.includes(h)) report(where, item, `highlights[${j}]`, `"${h}" does not occur in the role's text`, 'highlightMissing', { highlight: h });
    });
  });
  for (const level of sortedLevels) {
    for (const category of categoryIds) {
      if (!roleKeys.has(`${level}/${category}`)) {
        report('roles', `Lv.${level} ${category}`, 'text', 'no role is defined for this level and category', 'roleMissing');
      }
    }
  }

  doc.requiredSkills.forEach((s, i) => {
    checkLevel(`requiredSkills[${i}]`, s.id, s.level);
    checkCategory(`requiredSkills[${i}]`, s.id, s.category);
  });
  doc.trainingFocusItems.forEach((t, i) => {
    checkLevel(`trainingFocusItems[${i}]`, t.id, t.level);
    checkCategory(`trainingFocusItems[${i}]`, t.id, t.category);
  });
  doc.programs.forEach((p, i) => {
    p.tiers.forEach((t, j) => checkTier(`programs[${i}]`, p.id, `tiers[${j}]`, t));
    p.requiredFor.forEach((t, j) => checkTier(`programs[${i}]`, p.id, `requiredFor[${j}]`, t));
    p.parts.forEach((part, k) => part.tiers.forEach((t, j) => checkTier(`programs[${i}].parts[${k}]`, p.id, `tiers[${j}]`, t)));
  });
  doc.rules.applicationWindow?.tiers.forEach((t, j) => checkTier('rules.applicationWindow', undefined, `tiers[${j}]`, t));
  doc.rules.targets.forEach((target, i) => {
    if (target.tier) checkTier(`rules.targets[${i}]`, String(target.fiscalYear), 'tier', target.tier);
  });
  issues.push(...duplicateYearlyTargets(doc.rules.targets));
  const { evaluation, appointment } = doc.rules;
  evaluation?.tiers.forEach((t, j) => checkTier('rules.evaluation', undefined, `tiers[${j}]`, t));
  if (evaluation) issues.push(...duplicateIds('rules.evaluation.viewpoints', evaluation.viewpoints));
  evaluation?.viewpoints.forEach((v, i) =>
    v.tiers.forEach((t, j) => {
      if (!evaluation.tiers.includes(t)) report(`rules.evaluation.viewpoints[${i}]`, v.id, `tiers[${j}]`, `"${t}" is not one of the evaluated tiers`, 'viewpointTierNotEvaluated', { tier: t });
    }),
  );
  evaluation?.tiers.forEach((t) => {
    if (!evaluation.viewpoints.some((v) => v.tiers.length === 0 || v.tiers.includes(t))) {
      report('rules.evaluation', t, 'viewpoints', `no viewpoint rates the tier "${t}"`, 'tierWithoutViewpoint', { tier: t });
    }
  });
  if (evaluation?.scale) issues.push(...scaleIssues('rules.evaluation.scale', evaluation.scale));
  appointment?.tiers.forEach((t, j) => checkTier('rules.appointment', undefined, `tiers[${j}]`, t));
  if (appointment?.perSection && !appointment.tiers.includes(appointment.perSection)) {
    report('rules.appointment', undefined, 'perSection', `"${appointment.perSection}" is not one of the appointed tiers`, 'perSectionNotAppointed', { tier: appointment.perSection });
  }
  // The coverage counts sections by the framework's own word for them, so one is never without the other.
  if (appointment?.perSection && !appointment.coverageUnit) {
    report('rules.appointment', undefined, 'coverageUnit', 'say which unit the per-section tier is counted in, as the document names it (e.g. 係)', 'coverageUnitMissing');
  }
  if (appointment?.coverageUnit && !appointment.perSection) {
    report('rules.appointment', undefined, 'coverageUnit', 'only a framework with a per-section tier (perSection) counts a unit', 'coverageUnitWithoutPerSection');
  }
  if (doc.rules.digitalExpert) checkLevel('rules.digitalExpert', undefined, doc.rules.digitalExpert.minLevel);
  if (doc.assessment) issues.push(...assessmentIssues(doc.assessment));
  const maxGrade = doc.rules.professionalTrack?.maxGrade;
  if (maxGrade && !(doc.grades ?? []).includes(maxGrade)) {
    report('rules.professionalTrack', undefined, 'maxGrade', `"${maxGrade}" is not one of the framework's grades`, 'gradeUnknown', { grade: maxGrade });
  }

  doc.rules.questions.forEach((q, i) => {
    if (!q.answer && ruleText(doc, q.topic).length === 0) {
      report(`rules.questions[${i}]`, q.topic, 'answer', `the framework has no text on "${q.topic}" to answer with: write the source's words in "answer"`, 'questionWithoutText', { topic: q.topic });
    }
  });

  return issues;
}

function assessmentIssues(settings: NonNullable<FrameworkDocument['assessment']>): ValidationIssue[] {
  const values = settings.scale.map((s) => s.value);
  const issues = scaleIssues('assessment.scale', settings.scale);
  if (!values.includes(settings.masteredFrom)) {
    issues.push({ where: 'assessment.masteredFrom', field: 'masteredFrom', message: `${settings.masteredFrom} is not a value of the scale`, code: 'masteredFromNotInScale', params: { value: settings.masteredFrom } });
  }
  return issues;
}

function scaleIssues(where: string, scale: readonly { value: number }[]): ValidationIssue[] {
  const values = scale.map((s) => s.value);
  return values.some((v, i) => i > 0 && v <= values[i - 1]!)
    ? [{ where, field: 'value', message: 'values must rise from the first step to the last', code: 'scaleNotRising' }]
    : [];
}

/** One target per fiscal year and tier (or per fiscal year for all tiers together). */
function duplicateYearlyTargets(targets: FrameworkDocument['rules']['targets']): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  targets.forEach((t, i) => {
    const key = `${t.fiscalYear}/${t.tier ?? ''}`;
    if (seen.has(key)) {
      issues.push({ where: `rules.targets[${i}].tier`, item: String(t.fiscalYear), field: 'tier', message: 'a second target for the same fiscal year and tier', code: 'targetTwice' });
    }
    seen.add(key);
  });
  return issues;
}

function duplicateIds(where: string, items: readonly { id: string }[]): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      issues.push({ where: `${where}[${i}].id`, item: item.id, field: 'id', message: `id "${item.id}" is used twice`, code: 'idTwice', params: { id: item.id } });
    }
    seen.add(item.id);
  });
  return issues;
}
