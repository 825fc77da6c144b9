import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { hasFailed, type PreparedExport } from '../../../exporting/preparedExport';
import type { Locale, Translate } from '../../../i18n';
import { formatDateTime } from '../../../i18n/formatDate';
import { grouped } from '../../broadcast/views/describe';
import type { Offer } from '../handover';
import { exportLabel, progressBar } from './describeExport';

/** What became of a file once offered: saved into the requester's OneDrive (under this name), or declined. */
export type HandedOver = { readonly kind: 'delivered'; readonly name: string } | { readonly kind: 'declined' };

/**
 * How an export looks to HR: counting and preparing (a bar); ready, as a link or as a file to accept below; saved or
 * declined; failed; or no longer offered.
 */
type Shown = 'counting' | 'preparing' | 'ready' | 'offered' | 'delivered' | 'declined' | 'failed' | 'expired';

const STYLES: Record<Shown, 'accent' | 'good' | 'attention' | 'warning' | 'default'> = {
  counting: 'accent',
  preparing: 'accent',
  ready: 'good',
  offered: 'good',
  delivered: 'good',
  declined: 'default',
  failed: 'attention',
  expired: 'warning',
};

/**
 * The card of one export, updated in place while it is prepared: the rows written of all (a bar), then how the file
 * is offered (a one-time link, or a file to accept below) and until when; then what became of it; or that it failed
 * (nothing was made) with a button to try again.
 */
export function exportProgressCard(
  job: PreparedExport,
  outcome: Offer | HandedOver | undefined,
  t: Translate,
  locale: Locale,
  now: Date,
): AdaptiveCard {
  const { shown, body } = describe(job, outcome, t, locale, now);
  const total = Math.max(job.totalRows ?? 0, job.rows);
  return renderCard('exportProgress', {
    exportId: job.id,
    title: t('export.progress.title', { what: exportLabel(job, t) }),
    stateLine: t(`export.state.${shown}`),
    stateStyle: STYLES[shown],
    showProgress: shown === 'preparing' || shown === 'ready' || shown === 'offered',
    bar: progressBar(job.rows, total, t),
    rows: t('export.rows', { done: grouped(job.rows), total: grouped(total) }),
    body,
    updatedAt: t('export.updatedAt', { at: formatDateTime(now.toISOString(), locale) }),
    url: outcome?.kind === 'link' ? outcome.url : '',
    canRefresh: shown === 'counting' || shown === 'preparing',
    // A broadcast's report is asked for again from the broadcast; the others from the exports card.
    canStartAgain: (shown === 'failed' || shown === 'expired' || shown === 'declined') && job.broadcastId === undefined,
    again: { kind: job.kind, ...(job.fiscalYear !== undefined ? { exportYear: job.fiscalYear } : {}) },
    canReportAgain: (shown === 'failed' || shown === 'expired' || shown === 'declined') && job.broadcastId !== undefined,
    broadcastId: job.broadcastId ?? '',
    labels: {
      download: t('export.ready.download'),
      refresh: t('export.refresh'),
      again: t('export.again'),
      backToExports: t('export.backToExports'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** What the card says of the export: its state, and a sentence on what to do or what happened. */
function describe(job: PreparedExport, outcome: Offer | HandedOver | undefined, t: Translate, locale: Locale, now: Date): { shown: Shown; body: string } {
  const rows = grouped(job.rows);
  switch (outcome?.kind) {
    case 'link':
      return { shown: 'ready', body: t('export.ready.body', { rows, at: formatDateTime(outcome.expiresAt, locale), minutes: outcome.minutes }) };
    case 'consent':
      return { shown: 'offered', body: t('export.offered.body', { rows, at: formatDateTime(outcome.expiresAt, locale) }) };
    case 'delivered':
      return { shown: 'delivered', body: t('export.delivered.body', { name: outcome.name }) };
    case 'declined':
      return { shown: 'declined', body: t('export.declined.body') };
    case undefined:
      if (job.state === 'ready') return { shown: 'expired', body: t('export.expired.body') };
      if (hasFailed(job, now)) return { shown: 'failed', body: t('export.failed.body') };
      return { shown: job.totalRows === undefined ? 'counting' : 'preparing', body: t('export.preparing.body') };
  }
}
