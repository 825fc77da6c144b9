import type { AdaptiveCard } from '../../cards/renderCard';
import { act, type Application } from '../../domain/applications/application';
import { isConcurrencyConflict } from '../../storage/storageErrors';
import { noticeCard } from '../notices';
import { VERBS } from '../verbs';
import type { ApplicationDeps } from './applicationsFlow';
import { refusalCard } from './refusals';
import { trackName } from './trackName';
import { approvalCard } from './views/approvalCard';
import { stateLabel, when } from './views/describe';
import { actorOf, type Who } from './who';

/**
 * The manager's side: the approval card (refreshed per viewer) and the decision. A decision is authorized from the
 * sender of the activity only, written with the ETag it was read with (two clicks make one decision), and the
 * applicant is told at once.
 */
export class ApprovalFlow {
  constructor(private readonly deps: ApplicationDeps) {}

  /** The card as this viewer may see it: with the buttons for the approver, the state for the applicant and HR. */
  async view(who: Who, id: string, teamsUserId?: string): Promise<AdaptiveCard> {
    const stored = await this.find(who, id);
    if (!stored) return this.notFound(who, id);
    const { application } = stored;
    const actor = actorOf(who);
    const involved = [application.applicant.aadObjectId, application.approver.aadObjectId].includes(who.aadObjectId.toLowerCase());
    if (!involved && !actor.isHr) {
      this.deps.logger.warn('approval card refused to an outsider', { applicationId: id, by: who.aadObjectId });
      return refusalCard(who, 'notAllowed', application);
    }
    return approvalCard(who.framework, application, { aadObjectId: who.aadObjectId, teamsUserId }, who.t, who.locale);
  }

  /** Approves, or rejects with a comment; refuses anyone but the designated approver. */
  async decide(who: Who, id: string, decision: 'approve' | 'reject', comment: string | undefined, teamsUserId?: string): Promise<AdaptiveCard> {
    const stored = await this.find(who, id);
    if (!stored) return this.notFound(who, id);
    const outcome = act(stored.application, actorOf(who), decision, this.deps.now(), comment);
    if (!outcome.ok) {
      this.deps.logger.warn('decision refused', { applicationId: id, by: who.aadObjectId, refusal: outcome.refusal });
      return refusalCard(who, outcome.refusal, stored.application);
    }
    try {
      await this.deps.applications.update(outcome.application, stored.etag);
    } catch (err) {
      if (!isConcurrencyConflict(err)) throw err;
      // Someone decided between our read and our write: tell who, and how.
      const latest = (await this.find(who, id))?.application ?? stored.application;
      return refusalCard(who, 'wrongState', latest);
    }
    await this.tellApplicant(who.framework, outcome.application);
    return approvalCard(who.framework, outcome.application, { aadObjectId: who.aadObjectId, teamsUserId }, who.t, who.locale);
  }

  /** Lets the applicant know, in their chat and language, what was decided, by whom and when. */
  async tellApplicant(framework: Who['framework'], application: Application): Promise<void> {
    const decision = application.trail[application.trail.length - 1]!;
    const delivery = await this.deps.notifier.sendToUser(application.applicant.aadObjectId, (t, locale) => {
      const body = [
        t('notify.decision.body', {
          track: trackName(framework, application.track, t),
          state: stateLabel(application, t),
          by: decision.byName,
          at: when(decision.at, locale),
        }),
        decision.comment ? t('notify.decision.comment', { comment: decision.comment }) : '',
      ].filter((line) => line !== '');
      return noticeCard(t, t('notify.decision.title'), body.join('\n\n'), 'default', {
        title: t('notify.open'),
        verb: VERBS.applicationsOpen,
        data: {},
      });
    });
    if (!delivery.delivered) this.deps.logger.warn('decision not delivered to the applicant', { applicationId: application.id });
  }

  private async find(who: Who, id: string): Promise<{ application: Application; etag: string } | undefined> {
    return this.deps.applications.find(who.framework.id, Number(id.slice(0, 4)), id);
  }

  private notFound(who: Who, id: string): AdaptiveCard {
    this.deps.logger.warn('unknown application', { applicationId: id, by: who.aadObjectId });
    return noticeCard(who.t, who.t('applications.refusal.title'), who.t('applications.refusal.notFound'));
  }
}
