import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { answerBelow, onAction } from '../actions';
import type { MessageRouter } from '../messageRouter';
import { VERBS } from '../verbs';
import { askingInPersonalChat } from '../whoAsks';
import { ApplicationsFlow } from './applicationsFlow';
import { ApprovalFlow } from './approvalFlow';
import { HrFlow, type HrDeps } from './hrFlow';
import { APPLICATIONS_INTENTS } from './intents';
import { TrainingMoveFlow } from './trainingMove';

/** Applying (employees) and approving (managers), and HR's windows and applications. */
export function registerApplicationsFeature(
  app: TeamsApplication<TurnState>,
  router: MessageRouter,
  catalog: FrameworkCatalog,
  deps: HrDeps,
): void {
  const applications = new ApplicationsFlow(deps);
  const approvals = new ApprovalFlow(deps);
  const hr = new HrFlow(deps);
  const trainingMove = new TrainingMoveFlow(deps);
  // Applications are personal, like assessments.
  const asking = askingInPersonalChat(catalog, deps.roster, { title: 'applications.title', body: 'applications.personalOnly' });
  const teamsUserId = (context: TurnContext): string => context.activity.from.id;

  router
    .on(APPLICATIONS_INTENTS.hrWindows, (context) => asking(context, (who) => hr.windows(who)))
    .on(APPLICATIONS_INTENTS.hrList, (context) => asking(context, (who) => hr.list(who, {})))
    .on(APPLICATIONS_INTENTS.approvals, (context) => asking(context, (who) => approvals.inbox(who)))
    .on(APPLICATIONS_INTENTS.apply, (context) => asking(context, (who) => applications.home(who)));
  onAction(app, VERBS.applicationsOpen, (context) => asking(context, (who) => applications.home(who)));
  onAction(app, VERBS.applicationForm, async (context, { track, motivation, from }) => {
    const answer = await asking(context, (who) => applications.form(who, track, motivation));
    return from === 'notice' ? answerBelow(context, answer) : answer;
  });
  onAction(app, VERBS.applicationConfirm, (context, { track, motivation, attachAssessment }) =>
    asking(context, (who) => applications.confirm(who, { track, motivation, attachAssessment: attachAssessment === 'true' })),
  );
  onAction(app, VERBS.applicationSubmit, (context, { track, motivation, attachAssessment }) =>
    asking(context, (who) => applications.submit(who, { track, motivation, attachAssessment: attachAssessment === 'true' })),
  );
  onAction(app, VERBS.applicationWithdraw, (context, { applicationId, confirmed }) =>
    asking(context, (who) => applications.withdraw(who, applicationId, confirmed === true)),
  );
  onAction(app, VERBS.approvalInbox, (context) => asking(context, (who) => approvals.inbox(who)));
  onAction(app, VERBS.approvalView, (context, { applicationId }) =>
    asking(context, (who) => approvals.view(who, applicationId, teamsUserId(context))),
  );
  onAction(app, VERBS.approvalDecide, (context, { applicationId, decision, comment }) =>
    asking(context, (who) => approvals.decide(who, applicationId, decision, comment, teamsUserId(context))),
  );
  onAction(app, VERBS.hrWindows, (context) => asking(context, (who) => hr.windows(who)));
  onAction(app, VERBS.hrWindowSave, (context, { track, fiscalYear, ...inputs }) =>
    asking(context, (who) => hr.saveWindow(who, track, fiscalYear, inputs)),
  );
  onAction(app, VERBS.hrWindowClose, (context, { track, fiscalYear }) =>
    asking(context, (who) => hr.closeWindow(who, track, fiscalYear)),
  );
  onAction(app, VERBS.hrApplications, (context, { filterState, filterTrack, filterDepartment }) =>
    asking(context, (who) => hr.list(who, { state: filterState, track: filterTrack, department: filterDepartment })),
  );
  onAction(app, VERBS.hrApplication, (context, { applicationId }) => asking(context, (who) => hr.detail(who, applicationId)));
  onAction(app, VERBS.hrAdvance, (context, { applicationId, action, confirmed }) =>
    asking(context, (who) => hr.advance(who, applicationId, action, confirmed === true)),
  );
  onAction(app, VERBS.hrTrainingsReview, (context) => asking(context, (who) => trainingMove.review(who)));
  onAction(app, VERBS.hrTrainingsConfirm, (context, { applicationIds }) => asking(context, (who) => trainingMove.confirm(who, applicationIds)));
  onAction(app, VERBS.hrReassign, (context, { applicationId, approverEmail }) =>
    asking(context, (who) => hr.reassign(who, applicationId, approverEmail)),
  );
  onAction(app, VERBS.hrResendApproval, (context, { applicationId }) => asking(context, (who) => hr.resendApproval(who, applicationId)));
  onAction(app, VERBS.hrEligibility, (context, { applicationId, eligibilityComment }) =>
    asking(context, (who) => hr.overrideEligibility(who, applicationId, eligibilityComment)),
  );
}
