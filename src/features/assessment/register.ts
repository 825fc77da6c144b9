import type { Application, TurnState } from '@microsoft/teams-ai';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import type { MessageRouter } from '../messageRouter';
import { VERBS } from '../verbs';
import { askingInPersonalChat, type AskersRoster } from '../whoAsks';
import { AssessmentFlow, type AssessmentDeps } from './assessmentFlow';
import { ASSESSMENT_INTENTS } from './intents';

/** The self-assessment: what people type to open it or see their results, and the buttons of its cards. */
export function registerAssessmentFeature(
  app: Application<TurnState>,
  router: MessageRouter,
  catalog: FrameworkCatalog,
  deps: AssessmentDeps & { readonly roster: AskersRoster },
): void {
  const flow = new AssessmentFlow(deps);
  // Who asks: always the sender of the activity, on the roster; card data never names the user.
  const asking = askingInPersonalChat(catalog, deps.roster, { title: 'assessment.title', body: 'assessment.personalOnly' });

  router
    .on(ASSESSMENT_INTENTS.open, (context) => asking(context, (who) => flow.open(who)))
    .on(ASSESSMENT_INTENTS.history, (context) => asking(context, (who) => flow.history(who)));

  onAction(app, VERBS.assessmentOpen, (context) => asking(context, (who) => flow.open(who)));
  onAction(app, VERBS.assessmentStart, (context) => asking(context, (who) => flow.start(who)));
  onAction(app, VERBS.assessmentContinue, (context, { assessmentId }) =>
    asking(context, (who) => flow.continue(who, assessmentId)),
  );
  onAction(app, VERBS.assessmentRole, (context, { assessmentId, step, level }) =>
    asking(context, (who) => flow.answer(who, assessmentId, step, { kind: 'role', category: step.slice('role:'.length), level })),
  );
  onAction(app, VERBS.assessmentSkills, (context, { assessmentId, step, ratings }) =>
    asking(context, (who) =>
      flow.answer(who, assessmentId, step, { kind: 'skills', level: Number(step.slice('skills:'.length)), ratings }),
    ),
  );
  onAction(app, VERBS.assessmentTarget, (context, { assessmentId, step, target }) =>
    asking(context, (who) => flow.answer(who, assessmentId, step, { kind: 'target', level: target })),
  );
  onAction(app, VERBS.assessmentBack, (context, { assessmentId, step }) => asking(context, (who) => flow.back(who, assessmentId, step)));
  onAction(app, VERBS.assessmentLater, (context, { assessmentId }) => asking(context, (who) => flow.later(who, assessmentId)));
  onAction(app, VERBS.assessmentCancel, (context, { assessmentId, then, confirmed }) =>
    asking(context, (who) => flow.cancel(who, assessmentId, { restart: then === 'restart', confirmed: confirmed === true })),
  );
  onAction(app, VERBS.assessmentResult, (context, { assessmentId }) =>
    asking(context, (who) => flow.result(who, assessmentId)),
  );
  onAction(app, VERBS.assessmentHistory, (context) => asking(context, (who) => flow.history(who)));
}
