import type { AdaptiveCard } from '../../cards/renderCard';
import { forEachLimited } from '../../concurrency';
import type { Employee } from '../../domain/roster/employee';
import type { Logger } from '../../logger';
import type { AssessmentSummary, AssessmentSummaryRepository } from '../../storage/assessmentSummaryRepository';
import type { RosterRepository } from '../../storage/rosterRepository';
import { actorOf, type StaffWho } from '../applications/who';
import { noticeCard } from '../notices';
import { summarizeTeam } from './teamSummary';
import { teamCard } from './views/teamCard';

/** What the team view needs from outside. */
export interface TeamDeps {
  readonly roster: Pick<RosterRepository, 'findByAadObjectId' | 'findByEmail' | 'reportsOf'>;
  readonly summaries: Pick<AssessmentSummaryRepository, 'find'>;
  /** How many applications of the framework wait for this person's approval (the menu's count, kept as it is). */
  readonly pendingApprovals: (frameworkId: string, approverId: string) => Promise<number>;
  readonly logger: Logger;
}

/** The skills a team lacks most, listed on the card. */
const COMMON_GAPS = 5;
/** Summaries read at once for a team. */
const READS_AT_ONCE = 8;

/**
 * A manager's team view: their direct reports (whose managerEmail on the roster is theirs) with each one's latest
 * self-assessment in short. A manager sees their own team; HR sees any manager's, by e-mail. Anyone else is refused
 * before anything about the team is read, and the attempt is logged.
 */
export class TeamFlow {
  constructor(private readonly deps: TeamDeps) {}

  /** The team of `managerEmail` ('' for the viewer's own). */
  async show(who: StaffWho, managerEmail: string): Promise<AdaptiveCard> {
    const { t } = who;
    const viewer = who.employee;
    const { isHr } = actorOf(who);
    const asked = managerEmail.toLowerCase();
    const own = asked === '' || asked === viewer.email.toLowerCase();
    if (!own && !isHr) {
      this.deps.logger.warn('team view refused', { by: who.aadObjectId });
      return noticeCard(t, t('team.title'), t('team.othersRefused'));
    }
    const manager = own ? viewer : await this.deps.roster.findByEmail(asked);
    if (!manager) return noticeCard(t, t('team.title'), t('team.unknownManager', { email: managerEmail }));
    const reports = await this.deps.roster.reportsOf(manager);
    // Someone without reports is not a manager: they learn why there is nothing to show, and nothing more is read.
    if (reports.length === 0 && !isHr) return noticeCard(t, t('team.title'), t('team.noReports'));
    const summaries = await this.latestOf(who.framework.id, reports);
    this.deps.logger.info('team view opened', { by: who.aadObjectId, manager: manager.aadObjectId, reports: reports.length });
    const rank = (skillId: string): number => who.framework.document.requiredSkills.findIndex((s) => s.id === skillId);
    const team = summarizeTeam(
      reports.map((employee) => ({ employee, summary: summaries.get(employee.aadObjectId) })),
      rank,
      COMMON_GAPS,
    );
    // One's own team view points out what waits for one's decision (someone else's is that manager's business).
    const pendingApprovals = own ? await this.deps.pendingApprovals(who.framework.id, viewer.aadObjectId) : 0;
    return teamCard(manager, team, who.framework, { t, locale: who.locale, isHr, pendingApprovals });
  }

  private async latestOf(frameworkId: string, reports: readonly Employee[]): Promise<Map<string, AssessmentSummary>> {
    const found = new Map<string, AssessmentSummary>();
    await forEachLimited(reports, READS_AT_ONCE, async (report) => {
      const summary = await this.deps.summaries.find(frameworkId, report.aadObjectId);
      if (summary) found.set(report.aadObjectId, summary);
    });
    return found;
  }
}
