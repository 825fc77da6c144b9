import { BoundedMap } from '../../boundedMap';
import type { Application } from '../../domain/applications/application';
import { fiscalYearOf, liveFiscalYears } from '../../domain/applications/fiscalYear';
import { type ApplicationRepository } from '../../storage/applicationRepository';

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

/** Approvers whose counts are kept: everyone of a city of 10,000 who opened their menu lately. */
const COUNTS_KEPT = 10_000;

/**
 * How many applications wait for each approver, for the menu's 「承認待ち（n件）」 on every menu: kept while this
 * instance writes no application, for at most `recheckMs` (another instance's writes show within that time).
 */
export class ApprovalCounts {
  private readonly kept = new BoundedMap<string, { readonly count: number; readonly mark: number; readonly at: number }>(COUNTS_KEPT);

  constructor(
    private readonly applications: Pick<ApplicationRepository, 'listYears' | 'writeMark'>,
    private readonly recheckMs: number,
    private readonly now: () => Date,
  ) {}

  async count(frameworkId: string, approverId: string): Promise<number> {
    const key = `${frameworkId}\n${approverId.toLowerCase()}`;
    const [mark, at] = [this.applications.writeMark, this.now().getTime()];
    const kept = this.kept.get(key);
    if (kept && kept.mark === mark && at - kept.at < this.recheckMs) return kept.count;
    const count = (await waitingForApproval(this.applications, frameworkId, approverId, this.now())).length;
    this.kept.set(key, { count, mark, at });
    return count;
  }
}
