import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import {
  highestAskedLevel,
  stepsOf,
  stepToken,
  suggestedTarget,
  type Assessment,
  type AssessmentStep,
} from '../../../domain/assessment/assessment';
import { ratingSettings } from '../../../domain/assessment/ratingScale';
import { scoreAssessment } from '../../../domain/assessment/scoring';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, Translate } from '../../../i18n';

/** What every step card shows in common: the assessment, its progress, and the ways out. */
export interface StepContext {
  readonly framework: Framework;
  readonly assessment: Assessment;
  readonly t: Translate;
  readonly locale: Locale;
}

/**
 * What every step card carries besides its question: the assessment and the step (前へ goes back from there; on
 * the first step it leads to the introduction), where one is in the three parts, and the ways out.
 */
export function stepFrame(
  c: StepContext,
  step: AssessmentStep,
  progress: string,
): { assessmentId: string; step: string; isFirst: boolean; labels: Record<string, string> } {
  const { assessment, framework, t } = c;
  const token = stepToken(step);
  return {
    assessmentId: assessment.id,
    step: token,
    isFirst: stepToken(stepsOf(assessment, framework)[0]!) === token,
    labels: { progress, back: t('assessment.back'), later: t('assessment.later'), cancel: t('assessment.cancel') },
  };
}

/**
 * The required skills of one level: each with its definition and the whole rating scale in view, so that one
 * click answers it; the ratings given before (going back, or a framework that gained skills) are chosen already.
 */
export function skillsStepCard(c: StepContext, level: number): AdaptiveCard {
  const { framework, assessment, t, locale } = c;
  const { scale } = ratingSettings(framework);
  const choices = scale.map((s) => ({ title: locale === 'en' && s.labelEn ? s.labelEn : s.label, value: String(s.value) }));
  const skills = framework.requiredSkillsAt(level).map((skill) => ({
    name: skill.name,
    definition: skill.definition ?? '',
    // Without a definition the name alone labels the choices.
    label: skill.definition ?? skill.name,
    inputId: `r_${skill.id}`,
    value: assessment.ratings[skill.id] === undefined ? '' : String(assessment.ratings[skill.id]),
    choices,
    requiredLabel: t('assessment.skills.required'),
  }));
  const frame = stepFrame(
    c,
    { kind: 'skills', level },
    t('assessment.progress.skills', { level, highest: highestAskedLevel(assessment, framework) }),
  );
  return renderCard('assessmentSkills', {
    ...frame,
    skills,
    labels: {
      ...frame.labels,
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
  // Without any required skill there is no skills part: the target is the second part, not the third.
  const frame = stepFrame(
    c,
    { kind: 'target' },
    t(framework.hasRequiredSkills ? 'assessment.progress.target' : 'assessment.progress.targetNoSkills'),
  );
  return renderCard('assessmentTarget', {
    ...frame,
    suggested: String(suggested),
    levels: framework.levels.filter((l) => l.level >= overall).map((l) => ({ level: String(l.level), title: l.title })),
    labels: {
      ...frame.labels,
      heading: t('assessment.target.heading'),
      hint: t('assessment.target.hint', { overall, suggested }),
      submit: t('assessment.target.submit'),
    },
  });
}
