import { formatDate } from '../../../i18n/formatDate';
import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { lastDecision, type Application } from '../../../domain/applications/application';
import type { Framework } from '../../../domain/framework/framework';
import { samePerson } from '../../../domain/roster/employee';
import type { Locale, Translate } from '../../../i18n';
import { trackName } from '../trackName';
import { assessmentLine, stateLabel } from './describe';

/**
 * The manager's approval card. Universal Actions: `refresh` names the approver, whose client asks the bot for
 * their own version (with the buttons, spoken to them); everyone else sees the state. After a decision every copy shows who
 * decided, how and when.
 */
export function approvalCard(
  framework: Framework,
  application: Application,
  viewer: { aadObjectId: string; teamsUserId?: string },
  t: Translate,
  locale: Locale,
  reminderDays?: number,
): AdaptiveCard {
  const decision = lastDecision(application);
  const pending = application.state === 'submitted';
  const isApprover = samePerson(viewer.aadObjectId, application.approver.aadObjectId);
  const stateLine = pending
    ? isApprover
      ? t('approval.waitingForYou')
      : t('approval.waiting', { approver: application.approver.name })
    : t('approval.decided', {
        state: stateLabel(application, t),
        by: decision?.byName ?? '',
        at: decision ? formatDate(decision.at, locale) : '',
      });
  const { applicant } = application;
  return renderCard('approvalRequest', {
    applicationId: application.id,
    refreshUserIds: viewer.teamsUserId ? [viewer.teamsUserId] : [],
    reminder: pending && reminderDays ? t('approval.reminder', { days: reminderDays }) : '',
    applicant: applicant.name,
    department: `${applicant.department}・${applicant.grade}`,
    assessment: application.assessment ? assessmentLine(framework, application.assessment, t, locale) : t('approval.noAssessment'),
    stateLine,
    motivation: application.motivation,
    comment: decision?.comment ? t('approval.commentLine', { comment: decision.comment }) : '',
    actionable: pending && isApprover,
    // The approver goes back to what else waits for them, the card decided or not.
    offersInbox: isApprover,
    labels: {
      title: t('approval.title', { track: trackName(framework, application.track, t) }),
      applicant: t('approval.applicant'),
      department: t('approval.department'),
      assessment: t('approval.assessment'),
      state: t('approval.state'),
      motivation: t('approval.motivation'),
      comment: t('approval.comment'),
      approve: t('approval.approve'),
      reject: t('approval.reject'),
      inbox: t('approvals.inbox.back'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
