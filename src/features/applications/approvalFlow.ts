import type { AdaptiveCard } from '../../cards/renderCard';
import { act, applicantOfApplicationId } from '../../domain/applications/application';
import { samePerson } from '../../domain/roster/employee';
import type { ApplicationDeps } from './applicationsFlow';
import { applicationNotFound, changeApplication, findApplication } from './changeApplication';
import { notifyApplicant } from './notifyApplicant';
import { approvalCard } from './views/approvalCard';
import { approvalInboxCard } from './views/inboxCard';
import { waitingForApproval } from './waitingForApproval';
import { actorOf, type Who } from './who';

/**
 * The manager's side: the inbox of applications waiting for them, the approval card (refreshed per viewer) and the
 * decision. A decision is authorized from the
 * sender of the activity only, written with the ETag it was read with (two clicks make one decision), and the
 * applicant is told at once.
 */
export class ApprovalFlow {
  constructor(private readonly deps: ApplicationDeps) {}

  /** The applications waiting for the viewer's decision, oldest first. */
  async inbox(who: Who): Promise<AdaptiveCard> {
    const waiting = await waitingForApproval(this.deps.applications, who.framework.id, who.aadObjectId, this.deps.now());
    return approvalInboxCard(who.framework, waiting, who.t, who.locale);
  }

  /** The card as this viewer may see it: with the buttons for the approver, the state for the applicant and HR. */
  async view(who: Who, id: string, teamsUserId?: string): Promise<AdaptiveCard> {
    const stored = await findApplication(this.deps, who, id);
    if (!stored) return applicationNotFound(this.deps, who, id);
    // Found only for those it concerns: an approver the decision was taken away from still sees its state (read-only).
    return approvalCard(who.framework, stored.application, { aadObjectId: who.aadObjectId, teamsUserId }, who.t, who.locale);
  }

  /** Approves, or rejects with a comment; refuses anyone but the designated approver. */
  async decide(who: Who, id: string, decision: 'approve' | 'reject', comment: string | undefined, teamsUserId?: string): Promise<AdaptiveCard> {
    // The applicant's chat is looked up before the decision is written (after that write, nothing may fail it), while
    // the application is read: its id names the applicant. It is used only if the stored application says the same.
    const named = applicantOfApplicationId(id);
    const [current, namedChat] = await Promise.all([findApplication(this.deps, who, id), named ? this.deps.notifier.reach(named) : undefined]);
    const applicantId = current?.application.applicant.aadObjectId;
    const readAlready = namedChat && applicantId && samePerson(namedChat.aadObjectId, applicantId) ? { ...namedChat, aadObjectId: applicantId } : undefined;
    const applicant = readAlready ?? (applicantId ? await this.deps.notifier.reach(applicantId) : undefined);
    const changed = await changeApplication(this.deps, who, id, (a) => act(a, actorOf(who), decision, this.deps.now(), comment), undefined, current);
    if ('refused' in changed) return changed.refused;
    await notifyApplicant(this.deps, who.framework, changed.application, applicant);
    return approvalCard(who.framework, changed.application, { aadObjectId: who.aadObjectId, teamsUserId }, who.t, who.locale);
  }
}
