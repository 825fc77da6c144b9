import type { AdaptiveCard } from '../../cards/renderCard';
import { fiscalYearOf } from '../../domain/applications/fiscalYear';
import type { Framework } from '../../domain/framework/framework';
import type { CsvSource } from '../../exporting/csvSource';
import { hasExpired, type PreparedExport } from '../../exporting/preparedExport';
import { uploadToSession } from '../../exporting/uploadSession';
import type { Who } from '../applications/who';
import { noticeCard } from '../notices';
import { VERBS } from '../verbs';
import { applicationsCsv } from './applicationsCsv';
import { assessmentSummariesCsv } from './assessmentSummariesCsv';
import { broadcastReportCsv } from './broadcastReportCsv';
import { broadcastsCsv } from './broadcastsCsv';
import { trainingRecordsCsv } from './trainingRecordsCsv';
import type { CardLocation } from './cardUpdates';
import type { ExportsDeps } from './deps';
import type { Offer } from './handover';
import { exportLabel } from './views/describeExport';
import { exportHomeCard } from './views/homeCard';
import { exportProgressCard, type HandedOver } from './views/progressCard';

/** What HR asks to export: a kind, for applications a fiscal year (this one when none is given), for a report its broadcast. */
export type ExportRequest =
  | { readonly kind: 'applications'; readonly fiscalYear?: number }
  | { readonly kind: 'assessmentSummaries' | 'broadcasts' | 'trainingRecords' }
  | { readonly kind: 'broadcastReport'; readonly broadcastId: string };

/** Where Teams' file consent says the accepted file goes: an upload session in the user's OneDrive. */
export interface UploadInfo {
  readonly uploadUrl: string;
  readonly contentUrl: string;
  readonly name: string;
  readonly uniqueId: string;
  readonly fileType: string;
}

/** What answering a file consent does in the chat it came from. */
export interface ConsentChat {
  /** Shows the file saved in OneDrive, as Teams shows files (a file info card). */
  showFile(upload: UploadInfo): Promise<void>;
  /** Replaces the export's progress card. */
  updateCard(activityId: string, card: AdaptiveCard): Promise<void>;
  /** Sends a card as a new message. */
  send(card: AdaptiveCard): Promise<void>;
}

/**
 * HR's CSV exports. Asking for one posts its own card, which the preparation updates in place (rows written of all,
 * then the file handed over: accepted into OneDrive in Teams, a one-time link in local runs); the clicked card stays,
 * saying the export has started, so HR can ask for another. Every action is HR's (the caller checks the roster); an
 * export is its requester's alone: anyone else's id (a forwarded card) is as good as unknown.
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
    const source = await this.sourceOf(who.framework, request);
    if (!source) return this.notFound(who);
    const created = await this.deps.preparer.create({ frameworkId: who.framework.id, requestedBy: who.aadObjectId }, source);
    this.deps.logger.info('export requested', { exportId: created.id, kind: created.kind, fiscalYear: created.fiscalYear, by: who.aadObjectId });
    const location = await post(exportProgressCard(created, undefined, t, locale, this.deps.now()));
    const job = location.activityId ? { ...created, cardActivityId: location.activityId } : created;
    this.deps.preparer.prepare(job, source, async (latest) => {
      const offer = latest.state === 'ready' ? await this.offer(who, latest, location) : undefined;
      await this.deps.cards.show(location, exportProgressCard(latest, offer, t, locale, this.deps.now()), latest.state !== 'preparing');
    });
    const started = t('export.started', { what: exportLabel(job, t) });
    return request.kind === 'broadcastReport'
      ? noticeCard(t, t('export.title'), started, 'good', { title: t('broadcast.backToStatus'), verb: VERBS.hrBroadcastStatus, data: { broadcastId: request.broadcastId } })
      : exportHomeCard(fiscalYearOf(this.deps.now()), t, started);
  }

  /** Where an export stands now: its progress, the file offered again (as long as it is kept), or why there is none. */
  async status(who: Who, exportId: string, location: CardLocation): Promise<AdaptiveCard> {
    const job = await this.ownExport(who, exportId);
    if (!job) return this.notFound(who);
    const now = this.deps.now();
    const offer = job.state === 'ready' && !hasExpired(job, now) ? await this.offer(who, job, location) : undefined;
    return exportProgressCard(job, offer, who.t, who.locale, now);
  }

  /**
   * The requester accepted the file in Teams: it is uploaded to the session Teams opened in their OneDrive, shown as
   * a file, and deleted here. Anyone else's acceptance, or one that comes too late, uploads nothing.
   */
  async accept(who: Who, exportId: string, upload: UploadInfo, chat: ConsentChat): Promise<void> {
    const job = await this.offeredExport(who, exportId, chat);
    if (!job) return;
    try {
      await uploadToSession(upload.uploadUrl, job.bytes, this.deps.exports.texts(job.id, job.chunks));
    } catch (error) {
      this.deps.logger.error('export upload failed', { exportId: job.id, by: who.aadObjectId, error });
      await chat.send(this.uploadFailed(who, job.id));
      return;
    }
    this.deps.logger.info('export handed over', { exportId: job.id, kind: job.kind, rows: job.rows, to: who.aadObjectId });
    await chat.showFile(upload);
    await this.finish(who, job, { kind: 'delivered', name: upload.name }, chat);
  }

  /** The requester declined the file: nothing is uploaded, and what was prepared is deleted. */
  async decline(who: Who, exportId: string, chat: ConsentChat): Promise<void> {
    const job = await this.offeredExport(who, exportId, chat);
    if (!job) return;
    this.deps.logger.info('export declined', { exportId: job.id, by: who.aadObjectId });
    await this.finish(who, job, { kind: 'declined' }, chat);
  }

  /** The requester's ready export that is still offered; anything else is answered in the chat and gives undefined. */
  private async offeredExport(who: Who, exportId: string, chat: ConsentChat): Promise<PreparedExport | undefined> {
    const job = await this.ownExport(who, exportId);
    if (job?.state === 'ready' && !hasExpired(job, this.deps.now())) return job;
    await chat.send(this.notFound(who));
    return undefined;
  }

  /** Deletes a handed-over export at once and says so on its progress card. */
  private async finish(who: Who, job: PreparedExport, handedOver: HandedOver, chat: ConsentChat): Promise<void> {
    await this.deps.exports.delete(job.id);
    if (job.cardActivityId) {
      await chat.updateCard(job.cardActivityId, exportProgressCard(job, handedOver, who.t, who.locale, this.deps.now()));
    }
  }

  private async offer(who: Who, job: PreparedExport, location: CardLocation): Promise<Offer> {
    const description = who.t('export.consent.description', { what: exportLabel(job, who.t), rows: job.rows });
    return this.deps.handover.offer(job, location, description);
  }

  private async ownExport(who: Who, exportId: string): Promise<PreparedExport | undefined> {
    const job = await this.deps.exports.find(exportId);
    return job && job.requestedBy === who.aadObjectId && job.frameworkId === who.framework.id ? job : undefined;
  }

  private async sourceOf(framework: Framework, request: ExportRequest): Promise<CsvSource | undefined> {
    const now = this.deps.now();
    switch (request.kind) {
      case 'applications':
        return applicationsCsv(this.deps.applications, framework, request.fiscalYear ?? fiscalYearOf(now), now);
      case 'assessmentSummaries':
        return assessmentSummariesCsv({ summaries: this.deps.summaries, roster: this.deps.roster }, framework, now);
      case 'broadcasts':
        return broadcastsCsv(this.deps.broadcasts, framework.id, now);
      case 'trainingRecords':
        return trainingRecordsCsv({ records: this.deps.trainingRecords, roster: this.deps.roster }, framework, now);
      case 'broadcastReport': {
        // A draft has no deliveries yet: nothing to report.
        const broadcast = await this.deps.broadcasts.find(framework.id, request.broadcastId);
        return broadcast && broadcast.state !== 'draft' ? broadcastReportCsv(this.deps.deliveries, broadcast, now) : undefined;
      }
    }
  }

  /** The file did not reach OneDrive: it is kept, and 状況を更新 offers it again. */
  uploadFailed(who: Who, exportId: string): AdaptiveCard {
    const { t } = who;
    return noticeCard(t, t('export.uploadFailed.title'), t('export.uploadFailed.body'), 'attention', {
      title: t('export.refresh'),
      verb: VERBS.hrExportStatus,
      data: { exportId },
    });
  }

  private notFound(who: Who): AdaptiveCard {
    const { t } = who;
    return noticeCard(t, t('export.title'), t('export.notFound'), 'warning', { title: t('export.backToExports'), verb: VERBS.hrExports, data: {} });
  }
}
