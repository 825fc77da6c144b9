import type { Application } from '../../domain/applications/application';
import { fiscalYearOf } from '../../domain/applications/fiscalYear';
import { liveFiscalYears, type ApplicationRepository } from '../../storage/applicationRepository';

/**
 * The applications waiting for someone's decision, oldest first: what their inbox lists, and what their menu and team
 * view count. The years whose applications can still be moving, filtered by approver and state in storage.
 */
export async function waitingForApproval(
  applications: Pick<ApplicationRepository, 'listYears'>,
  frameworkId: string,
  approverId: string,
  now: Date,
): Promise<Application[]> {
  const stored = await applications.listYears(frameworkId, liveFiscalYears(fiscalYearOf(now)), { approverId, state: 'submitted' });
  return stored.map((s) => s.application);
}
