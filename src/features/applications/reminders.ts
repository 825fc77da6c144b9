import { approvalLetter, needsReminder } from '../../domain/applications/application';
import { fiscalYearOf, liveFiscalYears } from '../../domain/applications/fiscalYear';
import type { Framework } from '../../domain/framework/framework';
import { isConcurrencyConflict } from '../../storage/storageErrors';
import type { ApplicationDeps } from './applicationsFlow';
import { approvalCard } from './views/approvalCard';

/**
 * Reminds approvers of applications waiting `afterDays` or more (and not reminded within that time). Each reminder
 * is claimed first with a conditional write of `lastRemindedAt`, so two bot instances never send the same one twice.
 * Returns how many reminders went out.
 */
export async function remindPendingApprovals(deps: ApplicationDeps, framework: Framework, afterDays: number): Promise<number> {
  const now = deps.now();
  const pending = await deps.applications.listYears(framework.id, liveFiscalYears(fiscalYearOf(now)), { state: 'submitted' });
  let sent = 0;
  for (const { application, etag } of pending) {
    if (!needsReminder(application, now, afterDays)) continue;
    const claimed = { ...application, lastRemindedAt: now.toISOString() };
    try {
      await deps.applications.update(claimed, etag);
    } catch (err) {
      if (isConcurrencyConflict(err)) continue;
      throw err;
    }
    const { approver } = application;
    const delivery = await deps.notifier.sendToUser(
      approver.aadObjectId,
      (t, locale, teamsUserId) => approvalCard(framework, claimed, { aadObjectId: approver.aadObjectId, teamsUserId }, t, locale, afterDays),
      approvalLetter(claimed),
    );
    if (delivery.delivered) sent++;
    else deps.logger.warn('reminder not delivered', { applicationId: application.id });
  }
  return sent;
}
