import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import { actorOf } from '../applications/who';
import type { MessageRouter } from '../messageRouter';
import { VERBS } from '../verbs';
import { askingInPersonalChat, hrOnly, type ForWho } from '../whoAsks';
import type { EvaluationDeps, EvaluationWho } from './deps';
import { EVALUATION_INTENTS } from './intents';
import { notUsedCard } from './views/noticeCards';
import { RateFlow } from './rateFlow';
import { StartFlow } from './startFlow';
import { StatusFlow } from './statusFlow';

/** What a flow does for the sender once they may ask. */
type Use = (who: EvaluationWho) => Promise<AdaptiveCard> | AdaptiveCard;

/**
 * Multi-rater evaluations, for a city whose framework certifies that way (rules.evaluation): HR starts one, raters get
 * a card and rate, HR follows the ratings per viewpoint and certifies. In any other city the bot says that the city
 * does not evaluate this way. Asked in chat, it opens HR's list for HR and a rater's requests for anyone else.
 */
export function registerEvaluationFeature(
  app: TeamsApplication<TurnState>,
  router: MessageRouter,
  catalog: FrameworkCatalog,
  deps: EvaluationDeps,
): void {
  const status = new StatusFlow(deps);
  const start = new StartFlow(deps, status);
  const rating = new RateFlow(deps);

  // Ratings and candidates are nobody else's business: the personal chat only. HR's steps are refused to anyone else
  // before anything is read, and then, in a city that does not evaluate, the bot says so.
  const anyone = askingInPersonalChat(catalog, deps.roster, { title: 'evaluation.title', body: 'evaluation.personalOnly' });
  const hr = hrOnly(anyone, deps.logger);
  const asHr = (context: TurnContext, action: string, use: Use): Promise<AdaptiveCard> => hr(context, action, inCityThatEvaluates(use));
  const asAnyone = (context: TurnContext, use: Use): Promise<AdaptiveCard> => anyone(context, inCityThatEvaluates(use));

  router.on(EVALUATION_INTENTS.evaluations, (context) =>
    asAnyone(context, (who) => (actorOf(who).isHr ? start.list(who) : rating.requests(who))),
  );
  onAction(app, VERBS.hrEvaluations, (context) => asHr(context, 'evaluations', (who) => start.list(who)));
  onAction(app, VERBS.hrEvaluationNew, (context, form) => asHr(context, 'evaluation.new', (who) => start.form(who, form)));
  onAction(app, VERBS.hrEvaluationReview, (context, form) => asHr(context, 'evaluation.review', (who) => start.review(who, form)));
  onAction(app, VERBS.hrEvaluationStart, (context, { draftId, ...form }) =>
    asHr(context, 'evaluation.start', (who) => start.start(who, draftId, form)),
  );
  onAction(app, VERBS.hrEvaluationStatus, (context, { evaluationId }) =>
    asHr(context, 'evaluation.status', (who) => status.status(who, evaluationId)),
  );
  onAction(app, VERBS.hrEvaluationRemind, (context, { evaluationId }) =>
    asHr(context, 'evaluation.remind', (who) => status.remind(who, evaluationId)),
  );
  onAction(app, VERBS.hrEvaluationCertify, (context, { evaluationId, confirmed }) =>
    asHr(context, 'evaluation.certify', (who) => status.certify(who, evaluationId, confirmed === true)),
  );
  onAction(app, VERBS.hrEvaluationClose, (context, { evaluationId, confirmed }) =>
    asHr(context, 'evaluation.close', (who) => status.closeWithoutCertifying(who, evaluationId, confirmed === true)),
  );
  onAction(app, VERBS.evaluationRequests, (context) => asAnyone(context, (who) => rating.requests(who)));
  onAction(app, VERBS.evaluationOpen, (context, { evaluationId, viewpoint }) =>
    asAnyone(context, (who) => rating.open(who, evaluationId, viewpoint)),
  );
  onAction(app, VERBS.evaluationRate, (context, { evaluationId, viewpoint, rating: value, ratingComment }) =>
    asAnyone(context, (who) => rating.rate(who, evaluationId, viewpoint, { rating: value, comment: ratingComment })),
  );
}

/** Runs `use` with the framework's evaluation rules; in a city whose framework has none, says it does not evaluate. */
function inCityThatEvaluates(use: Use): ForWho {
  return (who) => {
    const rules = who.framework.rules.evaluation;
    return rules ? use({ ...who, rules }) : notUsedCard(who.framework, who.t);
  };
}
