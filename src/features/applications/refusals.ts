import { formatDate } from '../../i18n/formatDate';
import type { AdaptiveCard } from '../../cards/renderCard';
import { lastDecision, type Application, type ApplicationRefusal } from '../../domain/applications/application';
import type { MessageKey } from '../../i18n';
import type { Logger } from '../../logger';
import { noticeCard } from '../notices';
import { VERBS } from '../verbs';
import { stateLabel } from './views/describe';
import { actorOf, type Who } from './who';

const MESSAGES: Record<ApplicationRefusal, MessageKey> = {
  notAllowed: 'applications.refusal.notAllowed',
  ownApplication: 'applications.refusal.ownApplication',
  wrongState: 'applications.refusal.wrongState',
  commentRequired: 'applications.refusal.commentRequired',
  sameApprover: 'applications.refusal.sameApprover',
  eligibilityUndecided: 'applications.refusal.eligibilityUndecided',
  reasonRequired: 'applications.refusal.reasonRequired',
  eligibilityDecided: 'applications.refusal.eligibilityDecided',
};

/** A card that shows one application, to go back to from a refusal: the approver's (or applicant's) card, or HR's detail. */
export type ApplicationView = typeof VERBS.approvalView | typeof VERBS.hrApplication;

/**
 * A refused action, explained. When the application was already decided, the card says who decided, how and when:
 * the loser of two clicks at once learns what the winner did. The card replaces the one clicked, so it offers the
 * way back to that card (`from`), with the buttons it had.
 */
export function refusalCard(
  who: Who,
  refusal: ApplicationRefusal,
  application: Application,
  from: ApplicationView = VERBS.approvalView,
): AdaptiveCard {
  const { t } = who;
  const decision = lastDecision(application);
  const body =
    refusal === 'wrongState' && decision && decision.action !== 'submit'
      ? t('applications.refusal.alreadyDecided', {
          by: decision.byName,
          state: stateLabel(application, t),
          at: formatDate(decision.at, who.locale),
        })
      : t(MESSAGES[refusal], { state: stateLabel(application, t) });
  return noticeCard(t, t('applications.refusal.title'), body, 'warning', {
    title: t('applications.refusal.back'),
    verb: from,
    data: { applicationId: application.id },
  });
}

/**
 * The card for anyone who is not HR on the roster (the roster says so, never a card), with the attempt logged;
 * undefined for HR.
 */
export function refuseUnlessHr(who: Who, action: string, logger: Logger): AdaptiveCard | undefined {
  if (actorOf(who).isHr) return undefined;
  logger.warn('HR action refused', { action, by: who.aadObjectId });
  return noticeCard(who.t, who.t('applications.refusal.title'), who.t('applications.refusal.hrOnly'));
}
