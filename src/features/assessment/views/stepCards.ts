import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { highestAskedLevel, stepToken, suggestedTarget, type Assessment } from '../../../domain/assessment/assessment';
import { ratingSettings } from '../../../domain/assessment/ratingScale';
import { scoreAssessment } from '../../../domain/assessment/scoring';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, Translate } from '../../../i18n';
import { emphasize } from '../../framework/views/emphasize';
import { keepLineBreaks } from '../../framework/views/lineBreaks';

/** What every step card shows in common: the assessment, its progress, and the ways out. */
export interface StepContext {
  readonly framework: Framework;
  readonly assessment: Assessment;
  readonly t: Translate;
  readonly locale: Locale;
}

/** The labels every step card shows: where one is in the three parts, and the ways out. */
function commonLabels(c: StepContext, progress: string): Record<string, string> {
  return { progress, later: c.t('assessment.later'), cancel: c.t('assessment.cancel') };
}

/**
 * One role category: every level as a short label (the phrases the strategy emphasises for that level and
 * category), with the full role text one tap away, and a button to choose it. A role with no emphasised phrases
 * is shown whole instead: there is nothing shorter to show.
 */
export function roleStepCard(c: StepContext, category: string): AdaptiveCard {
  const { framework, assessment, t } = c;
  const step = stepToken({ kind: 'role', category });
  const options = [...framework.levels].reverse().map((level) => {
    const role = framework.role(level.level, category);
    const whole = role !== undefined && role.highlights.length === 0;
    return {
      level: level.level,
      title: level.title,
      summary: whole ? keepLineBreaks(role.text) : (role?.highlights.join(' / ') ?? ''),
      text: role && !whole ? emphasize(role.text, role.highlights) : '',
      textId: `role-${level.level}`,
      assessmentId: assessment.id,
      step,
      chooseLabel: t('assessment.role.choose'),
      readLabel: t('assessment.role.read'),
    };
  });
  return renderCard('assessmentRole', {
    assessmentId: assessment.id,
    options,
    labels: {
      ...commonLabels(
        c,
        t('assessment.progress.role', {
          current: framework.categories.findIndex((x) => x.id === category) + 1,
          total: framework.categories.length,
        }),
      ),
      heading: t('assessment.role.heading', { category: framework.category(category)?.name ?? category }),
      hint: t(options.some((o) => o.text !== '') ? 'assessment.role.hint' : 'assessment.role.hintWhole'),
    },
  });
}

/** The required skills of one level, each with its definition and the rating scale. */
export function skillsStepCard(c: StepContext, level: number): AdaptiveCard {
  const { framework, assessment, t, locale } = c;
  const { scale } = ratingSettings(framework);
  const choices = scale.map((s) => ({ title: locale === 'en' && s.labelEn ? s.labelEn : s.label, value: String(s.value) }));
  const skills = framework.requiredSkillsAt(level).map((skill) => ({
    name: skill.name,
    definition: skill.definition,
    inputId: `r_${skill.id}`,
    value: assessment.ratings[skill.id] === undefined ? '' : String(assessment.ratings[skill.id]),
    choices,
    placeholder: t('assessment.skills.placeholder'),
    requiredLabel: t('assessment.skills.required'),
  }));
  return renderCard('assessmentSkills', {
    assessmentId: assessment.id,
    step: stepToken({ kind: 'skills', level }),
    skills,
    labels: {
      ...commonLabels(c, t('assessment.progress.skills', { level, highest: highestAskedLevel(assessment, framework) })),
      heading: t('assessment.skills.heading', { level, count: skills.length }),
      hint: t('assessment.skills.hint'),
      next: t('assessment.skills.next'),
    },
  });
}

/** The target level: from the current overall role position up, the next level suggested. */
export function targetStepCard(c: StepContext): AdaptiveCard {
  const { framework, assessment, t } = c;
  const overall = scoreAssessment(framework, assessment.rolePositions, assessment.ratings, 1).overallRoleLevel;
  const suggested = suggestedTarget(assessment, framework);
  return renderCard('assessmentTarget', {
    assessmentId: assessment.id,
    step: stepToken({ kind: 'target' }),
    suggested: String(suggested),
    levels: framework.levels.filter((l) => l.level >= overall).map((l) => ({ level: String(l.level), title: l.title })),
    labels: {
      // Without any required skill there is no skills part: the target is the second part, not the third.
      ...commonLabels(c, t(framework.hasRequiredSkills ? 'assessment.progress.target' : 'assessment.progress.targetNoSkills')),
      heading: t('assessment.target.heading'),
      hint: t('assessment.target.hint', { overall, suggested }),
      submit: t('assessment.target.submit'),
    },
  });
}
