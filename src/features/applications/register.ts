import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { answerBelow, onAction } from '../actions';
import { normalizeChatText } from '../chatText';
import { sendCard } from '../turn';
import { VERBS } from '../verbs';
import { askingInPersonalChat } from '../whoAsks';
import { ApplicationsFlow } from './applicationsFlow';
import { ApprovalFlow } from './approvalFlow';
import { HrFlow, type HrDeps } from './hrFlow';

/** Chat words that open the applications view. */
const APPLY_WORDS = /^(?:応募|申請|応募する|申請する|応募状況|申請状況|募集|次の募集|apply|application|applications)$/i;

/** Chat words that open the approver's inbox. */
const INBOX_WORDS = /^(?:承認|承認待ち|承認待ちの応募|承認依頼|承認する|未承認|承認一覧|approvals?|my approvals)$/i;

/** Chat words for HR's views. */
const HR_WINDOWS_WORDS = /^(?:募集期間|募集管理|募集期間の設定|windows)$/i;
const HR_LIST_WORDS = /^(?:応募一覧|申請一覧|applications list)$/i;

/** True for a chat message asking about applying. */
export function isApplicationsCommand(text: string | undefined): boolean {
  return APPLY_WORDS.test(normalizeChatText(text));
}

/** Applying (employees) and approving (managers). Register before the framework's catch-all message route. */
export function registerApplicationsFeature(app: TeamsApplication<TurnState>, catalog: FrameworkCatalog, deps: HrDeps): void {
  const applications = new ApplicationsFlow(deps);
  const approvals = new ApprovalFlow(deps);
  const hr = new HrFlow(deps);
  // Applications are personal, like assessments.
  const asking = askingInPersonalChat(catalog, deps.roster, { title: 'applications.title', body: 'applications.personalOnly' });
  const teamsUserId = (context: TurnContext): string => context.activity.from.id;

  app.message(
    (context) => Promise.resolve(HR_WINDOWS_WORDS.test(normalizeChatText(context.activity.text))),
    async (context) => sendCard(context, await asking(context, (who) => hr.windows(who))),
  );
  app.message(
    (context) => Promise.resolve(HR_LIST_WORDS.test(normalizeChatText(context.activity.text))),
    async (context) => sendCard(context, await asking(context, (who) => hr.list(who, {}))),
  );
  app.message(
    (context) => Promise.resolve(INBOX_WORDS.test(normalizeChatText(context.activity.text))),
    async (context) => sendCard(context, await asking(context, (who) => approvals.inbox(who))),
  );
  app.message(
    (context) => Promise.resolve(isApplicationsCommand(context.activity.text)),
    async (context) => sendCard(context, await asking(context, (who) => applications.home(who))),
  );
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
  onAction(app, VERBS.hrReassign, (context, { applicationId, approverEmail }) =>
    asking(context, (who) => hr.reassign(who, applicationId, approverEmail)),
  );
  onAction(app, VERBS.hrResendApproval, (context, { applicationId }) => asking(context, (who) => hr.resendApproval(who, applicationId)));
}
