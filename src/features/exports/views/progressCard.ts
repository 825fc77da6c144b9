import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { DownloadLink } from '../../../exporting/exportPreparer';
import { hasFailed, type PreparedExport } from '../../../exporting/preparedExport';
import type { Locale, Translate } from '../../../i18n';
import { formatDateTime } from '../../../i18n/formatDate';
import { grouped } from '../../broadcast/views/describe';
import { exportLabel, progressBar } from './describeExport';

/** How an export looks to HR: counting and preparing (a bar), ready (the link), failed, or its link expired. */
type Shown = 'counting' | 'preparing' | 'ready' | 'failed' | 'expired';

const STYLES: Record<Shown, 'accent' | 'good' | 'attention' | 'warning'> = {
  counting: 'accent',
  preparing: 'accent',
  ready: 'good',
  failed: 'attention',
  expired: 'warning',
};

/**
 * The card of one export, updated in place while it is prepared: the rows written of all (a bar), then the download
 * link and until when it works; or that it failed (nothing was made) with a button to try again.
 */
export function exportProgressCard(job: PreparedExport, link: DownloadLink | undefined, t: Translate, locale: Locale, now: Date): AdaptiveCard {
  const shown = shownAs(job, link, now);
  const total = Math.max(job.totalRows ?? 0, job.rows);
  return renderCard('exportProgress', {
    exportId: job.id,
    title: t('export.progress.title', { what: exportLabel(job, t) }),
    stateLine: t(`export.state.${shown}`),
    stateStyle: STYLES[shown],
    showProgress: shown === 'preparing' || shown === 'ready',
    bar: progressBar(job.rows, total, t),
    rows: t('export.rows', { done: grouped(job.rows), total: grouped(total) }),
    body: bodyOf(shown, job, link, t, locale),
    updatedAt: t('export.updatedAt', { at: formatDateTime(now.toISOString(), locale) }),
    url: shown === 'ready' && link ? link.url : '',
    canRefresh: shown === 'counting' || shown === 'preparing',
    canStartAgain: shown === 'failed' || shown === 'expired',
    again: { kind: job.kind, ...(job.fiscalYear !== undefined ? { exportYear: job.fiscalYear } : {}) },
    labels: {
      download: t('export.ready.download'),
      refresh: t('export.refresh'),
      again: t('export.again'),
      backToExports: t('export.backToExports'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

function shownAs(job: PreparedExport, link: DownloadLink | undefined, now: Date): Shown {
  if (job.state === 'ready') return link ? 'ready' : 'expired';
  if (hasFailed(job, now)) return 'failed';
  return job.totalRows === undefined ? 'counting' : 'preparing';
}

function bodyOf(shown: Shown, job: PreparedExport, link: DownloadLink | undefined, t: Translate, locale: Locale): string {
  switch (shown) {
    case 'ready':
      return link ? t('export.ready.body', { rows: grouped(job.rows), at: formatDateTime(link.expiresAt, locale), minutes: link.minutes }) : '';
    case 'failed':
      return t('export.failed.body');
    case 'expired':
      return t('export.expired.body');
    case 'counting':
    case 'preparing':
      return t('export.preparing.body');
  }
}
