import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { MAX_RATERS_PER_VIEWPOINT } from '../../../domain/evaluation/evaluation';
import type { Framework } from '../../../domain/framework/framework';
import type { EvaluationRules, EvaluationViewpoint } from '../../../domain/framework/schema';
import type { Translate } from '../../../i18n';
import { formFields, type EvaluationForm, type FormProblem, type RaterEntry, type ResolvedForm } from '../planForm';
import { tierName, viewpointHeading } from './describe';

/** The form HR starts an evaluation with: the candidate, the tier, and the raters' e-mails for each viewpoint. */
export function evaluationFormCard(framework: Framework, rules: EvaluationRules, form: EvaluationForm, t: Translate): AdaptiveCard {
  return renderCard('evaluationStart', {
    candidateEmail: form.candidateEmail,
    tier: rules.tiers.includes(form.tier) ? form.tier : '',
    tiers: rules.tiers.map((tier) => ({ title: tierName(framework, tier), value: tier })),
    viewpoints: rules.viewpoints.map((v) => ({
      inputId: `raters_${v.id}`,
      heading: viewpointHeading(framework, v.id, t),
      description: [v.description, forTiers(framework, v, t)].filter(Boolean).join('\n'),
      value: form.raters[v.id] ?? '',
    })),
    labels: {
      title: t('evaluation.form.title'),
      hint: t('evaluation.form.hint', { max: MAX_RATERS_PER_VIEWPOINT }),
      candidate: t('evaluation.form.candidate'),
      tier: t('evaluation.form.tier'),
      placeholder: t('evaluation.form.placeholder'),
      review: t('evaluation.form.review'),
      back: t('evaluation.backToList'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/**
 * The look before starting: who the e-mails are, who cannot be reached, and what must be fixed. "Start" (only without
 * problems) carries the form and `draftId`, the id the evaluation will have, so a second click starts nothing new.
 */
export function evaluationReviewCard(framework: Framework, resolved: ResolvedForm, draftId: string, t: Translate): AdaptiveCard {
  const { candidate, form } = resolved;
  const unreachable = resolved.viewpoints.some((v) => v.raters.some((r) => r.employee && !r.reachable));
  const fields = formFields(form);
  return renderCard('evaluationReview', {
    facts: [
      {
        title: t('evaluation.review.candidate'),
        // An e-mail nobody on the roster has is named by the problem below it, as typed: a FactSet renders markdown.
        value: candidate ? t('evaluation.person', { name: candidate.name, department: candidate.department, grade: candidate.grade }) : '—',
      },
      { title: t('evaluation.review.tier'), value: framework.tier(form.tier) ? tierName(framework, form.tier) : '—' },
    ],
    viewpoints: resolved.viewpoints.map(({ viewpoint, raters }) => ({
      heading: viewpointHeading(framework, viewpoint.id, t),
      lines: raters.length > 0 ? raters.map((r) => raterLine(r, candidate?.aadObjectId, t)) : [{ text: t('evaluation.review.noRaters'), color: 'Attention' }],
    })),
    problems: resolved.problems.map((p) => problemText(p, framework, resolved, t)),
    closing: unreachable ? `${t('evaluation.review.closing')}\n\n${t('evaluation.review.unreachableHint')}` : t('evaluation.review.closing'),
    startData: { ...fields, draftId },
    formData: fields,
    labels: {
      title: t('evaluation.review.title'),
      fix: t('evaluation.review.fix'),
      start: t('evaluation.review.start'),
      edit: t('evaluation.review.edit'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** One e-mail as the review shows it: the person, or why they cannot rate or be reached. */
function raterLine(entry: RaterEntry, candidateId: string | undefined, t: Translate): { text: string; color: string } {
  const { employee } = entry;
  if (!employee) return { text: t('evaluation.review.unknownRater', { email: entry.email }), color: 'Attention' };
  const person = t('evaluation.person', { name: employee.name, department: employee.department, grade: employee.grade });
  if (employee.aadObjectId.toLowerCase() === candidateId?.toLowerCase()) {
    return { text: t('evaluation.review.candidateAsRater', { person }), color: 'Attention' };
  }
  return entry.reachable ? { text: person, color: 'Default' } : { text: t('evaluation.review.unreachable', { person }), color: 'Warning' };
}

/** A problem in one sentence, naming the viewpoint or the e-mail it is about. */
export function problemText(problem: FormProblem, framework: Framework, resolved: ResolvedForm, t: Translate): string {
  const viewpoint = (id: string): string => viewpointHeading(framework, id, t);
  const tiers = (framework.rules.evaluation?.tiers ?? []).map((tier) => tierName(framework, tier)).join(t('evaluation.listSeparator'));
  switch (problem.kind) {
    case 'noCandidate':
      return t('evaluation.problem.noCandidate');
    case 'unknownCandidate':
      return t('evaluation.problem.unknownCandidate', { email: problem.email });
    case 'unknownRater':
      return t('evaluation.problem.unknownRater', { viewpoint: viewpoint(problem.viewpoint), email: problem.email });
    case 'alreadyOpen':
      return t('evaluation.problem.alreadyOpen', { name: resolved.candidate?.name ?? '', tier: tierName(framework, resolved.form.tier) });
    case 'notHr':
      return t('evaluation.refusal.notHr');
    case 'ownEvaluation':
      return t('evaluation.problem.ownEvaluation');
    case 'tierNotEvaluated':
      return t('evaluation.problem.tierNotEvaluated', { tiers });
    case 'unknownViewpoint':
      return t('evaluation.problem.unknownViewpoint', { viewpoint: problem.viewpoint });
    case 'noRaters':
      return t('evaluation.problem.noRaters', { viewpoint: viewpoint(problem.viewpoint) });
    case 'tooManyRaters':
      return t('evaluation.problem.tooManyRaters', { viewpoint: viewpoint(problem.viewpoint), max: MAX_RATERS_PER_VIEWPOINT });
    case 'candidateAsRater':
      return t('evaluation.problem.candidateAsRater', { viewpoint: viewpoint(problem.viewpoint) });
  }
}

/** "DXエキスパート・DXスペシャリストの評価のみ": a viewpoint the framework limits to some tiers says so on the form. */
function forTiers(framework: Framework, viewpoint: EvaluationViewpoint, t: Translate): string {
  if (viewpoint.tiers.length === 0) return '';
  return t('evaluation.form.forTiers', { tiers: viewpoint.tiers.map((tier) => tierName(framework, tier)).join('・') });
}
