import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { RATING_COMMENT_MAX, type Evaluation, type Rating } from '../../../domain/evaluation/evaluation';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, Translate } from '../../../i18n';
import { stepLabel, tierName, viewpointHeading, viewpointOf } from './describe';

/** What the rater chose and wrote, to show again (their stored rating, or a submission the bot turned back). */
export interface RatingInput {
  readonly rating: string;
  readonly comment: string;
}

/**
 * A rater's card: whom they rate, for which tier and from which viewpoint, what the tier's certification asks for and
 * the skills it assesses (where the framework names them), and the scale with a comment. With their rating so far, it lets them change it while the evaluation is open.
 */
export function rateCard(
  framework: Framework,
  evaluation: Evaluation,
  viewpoint: string,
  shown: { previous?: Rating; input?: RatingInput; note?: string },
  t: Translate,
  locale: Locale,
): AdaptiveCard {
  const { candidate } = evaluation;
  const input = shown.input ?? { rating: shown.previous ? String(shown.previous.value) : '', comment: shown.previous?.comment ?? '' };
  const description = viewpointOf(framework, viewpoint).description ?? '';
  const skillMap = framework.rules.evaluation?.skillMap;
  return renderCard('evaluationRate', {
    evaluationId: evaluation.id,
    viewpoint,
    note: shown.note ?? '',
    facts: [
      { title: t('evaluation.rate.candidate'), value: t('evaluation.person', { name: candidate.name, department: candidate.department, grade: candidate.grade }) },
      { title: t('evaluation.rate.tier'), value: tierName(framework, evaluation.tier) },
      { title: t('evaluation.rate.viewpoint'), value: viewpointHeading(framework, viewpoint, t) },
    ],
    description,
    criteria: framework.tier(evaluation.tier)?.criteria ?? '',
    skillMap: skillMap ? { names: skillMap.skills.map((s) => s.name).join('、'), text: skillMap.text } : '',
    choices: evaluation.scale.map((step) => ({ title: stepLabel(step, locale), value: String(step.value) })),
    rating: input.rating,
    comment: input.comment,
    commentMax: RATING_COMMENT_MAX,
    labels: {
      title: t('evaluation.rate.title', { name: candidate.name }),
      criteria: t('evaluation.rate.criteria', { tier: tierName(framework, evaluation.tier) }),
      skillMap: t('applications.noWindow.skillMap'),
      hint: shown.previous ? t('evaluation.rate.hintChange') : t('evaluation.rate.hint'),
      rating: t('evaluation.rate.rating'),
      required: t('evaluation.rate.required'),
      comment: t('evaluation.rate.comment', { max: RATING_COMMENT_MAX }),
      submit: shown.previous ? t('evaluation.rate.change') : t('evaluation.rate.submit'),
      requests: t('evaluation.requests.title'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
