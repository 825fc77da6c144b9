import type { AdaptiveCard } from '../../cards/renderCard';
import { fiscalYearOf } from '../../domain/applications/fiscalYear';
import type { Framework } from '../../domain/framework/framework';
import type { CsvSource } from '../../exporting/csvSource';
import { hasExpired, type ExportKind, type PreparedExport } from '../../exporting/preparedExport';
import type { Who } from '../applications/who';
import { noticeCard } from '../notices';
import { VERBS } from '../verbs';
import { applicationsCsv } from './applicationsCsv';
import { assessmentSummariesCsv } from './assessmentSummariesCsv';
import { broadcastsCsv } from './broadcastsCsv';
import type { CardLocation } from './cardUpdates';
import type { ExportsDeps } from './deps';
import { exportLabel } from './views/describeExport';
import { exportHomeCard } from './views/homeCard';
import { exportProgressCard } from './views/progressCard';

/** What HR asks to export: a kind, and for applications a fiscal year (this one when none is given). */
export interface ExportRequest {
  readonly kind: ExportKind;
  readonly fiscalYear?: number;
}

/**
 * HR's CSV exports. Asking for one posts its own card, which the preparation updates in place (rows written of all,
 * then the download link); the clicked card stays, saying the export has started, so HR can ask for another.
 * Every action is HR's (the caller checks the roster); an export's card is its requester's alone.
 */
export class ExportsFlow {
  constructor(private readonly deps: ExportsDeps) {}

  /** The exports HR can ask for. */
  home(who: Who): AdaptiveCard {
    return exportHomeCard(fiscalYearOf(this.deps.now()), who.t);
  }

  /** Starts an export in the background; `post` sends its progress card and says where it is. */
  async start(who: Who, request: ExportRequest, post: (card: AdaptiveCard) => Promise<CardLocation>): Promise<AdaptiveCard> {
    const { t, locale } = who;
    const source = this.sourceOf(who.framework, request);
    const job = await this.deps.preparer.create({ frameworkId: who.framework.id, requestedBy: who.aadObjectId }, source);
    this.deps.logger.info('export requested', { exportId: job.id, kind: job.kind, fiscalYear: job.fiscalYear, by: who.aadObjectId });
    const location = await post(exportProgressCard(job, undefined, t, locale, this.deps.now()));
    this.deps.preparer.prepare(job, source, (latest, link) =>
      this.deps.cards.show(location, exportProgressCard(latest, link, t, locale, this.deps.now()), latest.state !== 'preparing'),
    );
    return exportHomeCard(fiscalYearOf(this.deps.now()), t, t('export.started', { what: exportLabel(job, t) }));
  }

  /** Where an export stands now: its progress, its link (a new one, as long as the file is kept), or why there is none. */
  async status(who: Who, exportId: string): Promise<AdaptiveCard> {
    const job = await this.deps.exports.find(exportId);
    if (!job || !this.isOwn(who, job)) return this.notFound(who);
    const now = this.deps.now();
    const link = job.state === 'ready' && !hasExpired(job, now) ? await this.deps.preparer.linkTo(job) : undefined;
    return exportProgressCard(job, link, who.t, who.locale, now);
  }

  /** HR officers see the exports they asked for; another's id (a forwarded card) is as good as unknown. */
  private isOwn(who: Who, job: PreparedExport): boolean {
    return job.requestedBy === who.aadObjectId && job.frameworkId === who.framework.id;
  }

  private sourceOf(framework: Framework, request: ExportRequest): CsvSource {
    const now = this.deps.now();
    switch (request.kind) {
      case 'applications':
        return applicationsCsv(this.deps.applications, framework, request.fiscalYear ?? fiscalYearOf(now), now);
      case 'assessmentSummaries':
        return assessmentSummariesCsv({ summaries: this.deps.summaries, roster: this.deps.roster }, framework, now);
      case 'broadcasts':
        return broadcastsCsv(this.deps.broadcasts, framework.id, now);
    }
  }

  private notFound(who: Who): AdaptiveCard {
    const { t } = who;
    return noticeCard(t, t('export.title'), t('export.notFound'), 'warning', { title: t('export.backToExports'), verb: VERBS.hrExports, data: {} });
  }
}
