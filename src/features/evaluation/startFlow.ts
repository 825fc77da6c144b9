import type { AdaptiveCard } from '../../cards/renderCard';
import { aggregate } from '../../domain/evaluation/aggregate';
import { startEvaluation } from '../../domain/evaluation/evaluation';
import { newEvaluationId } from '../../storage/evaluationRepository';
import { invertedTimeOf } from '../../storage/tables';
import { actorOf } from '../applications/who';
import { noticeCard } from '../notices';
import { VERBS } from '../verbs';
import type { EvaluationDeps, EvaluationWho } from './deps';
import { ratingRequestsNotice, requestRatings } from './notify';
import { formFields, resolveForm, type EvaluationForm } from './planForm';
import { evaluationListCard } from './views/listCard';
import { evaluationFormCard, evaluationReviewCard } from './views/planCards';
import type { StatusFlow } from './statusFlow';

/** HR's list shows every open evaluation, and the closed ones among the latest few, newest first. */
const RECENT_CLOSED = 10;
/** A review older than this is looked at again before starting: the roster or the raters may have changed. */
const REVIEW_VALID_MS = 24 * 60 * 60 * 1000;
/** Clocks of two instances may differ a little: an id made "slightly in the future" is still one of ours. */
const CLOCK_SKEW_MS = 60 * 1000;

const EMPTY_FORM: EvaluationForm = { candidateEmail: '', tier: '', raters: {} };

/**
 * Starting an evaluation, as HR: the list, the form, the review (names from the roster, who cannot be reached, what
 * must be fixed), and the confirmation, which creates the evaluation and sends each reachable rater their card.
 */
export class StartFlow {
  constructor(
    private readonly deps: EvaluationDeps,
    private readonly status: StatusFlow,
  ) {}

  /** The open evaluations with how far their raters are, and the latest closed ones. */
  async list(who: EvaluationWho): Promise<AdaptiveCard> {
    const frameworkId = who.framework.id;
    const [open, recent] = await Promise.all([this.deps.evaluations.listOpen(frameworkId), this.deps.evaluations.listRecent(frameworkId, RECENT_CLOSED * 2)]);
    const progress = await Promise.all(
      open.map(async ({ evaluation }) => ({ evaluation, result: aggregate(evaluation, await this.deps.evaluations.listRatings(evaluation.id)) })),
    );
    const closed = recent.map((s) => s.evaluation).filter((e) => e.state !== 'open').slice(0, RECENT_CLOSED);
    return evaluationListCard(who.framework, who.rules, progress, closed, who.t, who.locale);
  }

  /** The form, empty or with what HR typed before the review. */
  form(who: EvaluationWho, form: EvaluationForm = EMPTY_FORM): AdaptiveCard {
    return evaluationFormCard(who.framework, who.rules, form, who.t);
  }

  /** The review: nothing is stored or sent until HR confirms. */
  async review(who: EvaluationWho, form: EvaluationForm): Promise<AdaptiveCard> {
    const resolved = await resolveForm(this.deps, who, form);
    return evaluationReviewCard(who.framework, resolved, newEvaluationId(this.deps.now()), who.t);
  }

  /**
   * Starts the evaluation HR reviewed, checking everything again, under the id the review made: the second of two
   * clicks finds it started and shows it, instead of starting another.
   */
  async start(who: EvaluationWho, draftId: string, form: EvaluationForm): Promise<AdaptiveCard> {
    const { t } = who;
    const now = this.deps.now();
    const made = invertedTimeOf(draftId).getTime();
    if (made > now.getTime() + CLOCK_SKEW_MS || now.getTime() - made > REVIEW_VALID_MS) {
      return noticeCard(t, t('evaluation.refusal.title'), t('evaluation.start.stale'), 'warning', {
        title: t('evaluation.review.edit'),
        verb: VERBS.hrEvaluationNew,
        data: formFields(form),
      });
    }
    if (await this.deps.evaluations.find(who.framework.id, draftId)) return this.status.status(who, draftId);
    const resolved = await resolveForm(this.deps, who, form);
    const outcome = resolved.plan ? startEvaluation(draftId, resolved.plan, who.rules, actorOf(who), now) : undefined;
    if (!outcome?.ok) return evaluationReviewCard(who.framework, resolved, draftId, t);
    const created = await this.deps.evaluations.create(outcome.evaluation);
    // Undefined: the other of two clicks at once created it.
    if (!created) return this.status.status(who, draftId);
    const { evaluation } = outcome;
    this.deps.logger.info('evaluation started', { evaluationId: evaluation.id, by: who.aadObjectId });
    const asked = evaluation.raters.flatMap(({ viewpoint, raters }) => raters.map((rater) => ({ viewpoint, rater })));
    const sent = await requestRatings(this.deps, who.framework, evaluation, asked);
    return this.status.status(who, draftId, ratingRequestsNotice(t('evaluation.start.done', { count: sent.delivered }), sent, who));
  }
}
