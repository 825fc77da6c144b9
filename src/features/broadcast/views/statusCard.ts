import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { FAILURE_REASONS, secondsLeft, type Broadcast, type BroadcastState, type Progress } from '../../../domain/broadcast/broadcast';
import type { Locale, MessageKey, Translate } from '../../../i18n';
import { formatDateTime } from '../../../i18n/formatDate';
import { describeAudience, people, stateLabel } from './describe';

/** How each state looks: under way, done, or stopped. */
const STATE_STYLES: Record<BroadcastState, 'default' | 'accent' | 'good' | 'warning'> = {
  draft: 'default',
  scheduled: 'accent',
  sending: 'accent',
  completed: 'good',
  cancelled: 'warning',
};

/** Cells of the progress bar: fine enough to see it move, short enough for a phone. */
const BAR_CELLS = 20;

/**
 * HR's view of one broadcast, the card the sender updates in place while it sends. Scheduled: when it starts, and
 * "stop". Sending: sent, failed, not reachable and still to send, a progress bar, the rate and the time left,
 * "refresh" and "stop". Completed or cancelled: the report (totals, why people were not reached and what to do
 * about it, possible duplicates), the CSV download, and "send again to those not reached" when there are any.
 */
export function broadcastStatusCard(broadcast: Broadcast, t: Translate, locale: Locale, now: Date): AdaptiveCard {
  const { state, progress } = broadcast;
  const underWay = state === 'scheduled' || state === 'sending';
  const finished = state === 'completed' || state === 'cancelled';
  const at = (iso: string): string => formatDateTime(iso, locale);
  return renderCard('broadcastStatus', {
    broadcastId: broadcast.id,
    title: broadcast.notice.title,
    stateLine: stateLabel(state, t),
    stateStyle: STATE_STYLES[state],
    facts: facts(broadcast, t, at, now),
    note: noteOf(broadcast, t, at),
    showCounts: state === 'sending' || finished,
    progressBar: progressBar(progress, t),
    counts: counts(broadcast, t),
    reasons: finished ? reasonsOf(progress, t) : [],
    duplicates: progress.possibleDuplicates > 0 ? t('broadcast.status.duplicates', { count: people(progress.possibleDuplicates, t) }) : '',
    updatedAt: t('broadcast.status.updatedAt', { at: at(now.toISOString()) }),
    canRefresh: underWay,
    canCancel: underWay && broadcast.cancelRequestedBy === undefined,
    canExport: finished,
    canRetry: state === 'completed' && progress.failed + progress.unreachable > 0,
    labels: {
      reasons: t('broadcast.status.reasons'),
      refresh: t('broadcast.status.refresh'),
      cancel: t('broadcast.status.cancel'),
      export: t('broadcast.status.export'),
      retry: t('broadcast.status.retry'),
      backToList: t('broadcast.backToList'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

type Fact = { title: string; value: string };

/** Who it goes to, which round, and when it starts, started and finished. */
function facts(b: Broadcast, t: Translate, at: (iso: string) => string, now: Date): Fact[] {
  const list: Fact[] = [{ title: t('broadcast.status.audience'), value: describeAudience(b.audience, t) }];
  if (b.round > 1) list.push({ title: t('broadcast.status.roundTitle'), value: t('broadcast.status.round', { round: b.round }) });
  if (b.state === 'scheduled' && b.startAt) {
    const due = Date.parse(b.startAt) <= now.getTime();
    list.push({ title: t('broadcast.status.startsAt'), value: due ? t('broadcast.status.startingSoon') : at(b.startAt) });
  }
  if (b.state !== 'scheduled' && b.startedAt) list.push({ title: t('broadcast.status.startedAt'), value: at(b.startedAt) });
  if (b.finishedAt) list.push({ title: t('broadcast.status.finishedAt'), value: at(b.finishedAt) });
  return list;
}

/** A line under the facts: a stop HR asked for, or a send whose recipients are still being listed. */
function noteOf(b: Broadcast, t: Translate, at: (iso: string) => string): string {
  if (b.cancelRequestedBy && b.state === 'sending') {
    return t('broadcast.status.cancelRequested', { name: b.cancelRequestedBy.name, at: at(b.cancelRequestedBy.at) });
  }
  return b.state === 'sending' && b.progress.total === 0 ? t('broadcast.status.preparing') : '';
}

/** "■■■■■□□□□□ 50%": how many are settled (sent, failed, not reachable or cancelled) out of all. */
function progressBar(p: Progress, t: Translate): string {
  const settled = p.total - p.pending;
  const percent = p.total > 0 ? Math.floor((settled * 100) / p.total) : 0;
  const filled = Math.floor((percent * BAR_CELLS) / 100);
  return t('broadcast.status.progress', { bar: '■'.repeat(filled) + '□'.repeat(BAR_CELLS - filled), percent });
}

/** The totals; while sending also what is left, the rate and the time left. */
function counts(b: Broadcast, t: Translate): Fact[] {
  const p = b.progress;
  const n = (count: number): string => people(count, t);
  const list: Fact[] = [
    { title: t('broadcast.status.total'), value: n(p.total) },
    { title: t('broadcast.status.sent'), value: n(p.sent) },
    { title: t('broadcast.status.failed'), value: n(p.failed) },
    { title: t('broadcast.status.unreachable'), value: n(p.unreachable) },
  ];
  if (b.state === 'sending') {
    list.push(
      { title: t('broadcast.status.pending'), value: n(p.pending) },
      { title: t('broadcast.status.rate'), value: t('broadcast.status.rateValue', { rate: p.ratePerSecond.toLocaleString('en-US', { maximumFractionDigits: 1 }) }) },
      { title: t('broadcast.status.timeLeft'), value: timeLeft(p, t) },
    );
  }
  if (p.cancelled > 0) list.push({ title: t('broadcast.status.cancelled'), value: n(p.cancelled) });
  return list;
}

/** "約3分20秒" at the current rate, or "calculating" until there is one. */
function timeLeft(p: Progress, t: Translate): string {
  const seconds = secondsLeft(p);
  if (seconds === undefined) return t('broadcast.status.calculating');
  if (seconds < 60) return t('broadcast.status.secondsLeft', { seconds });
  return t('broadcast.status.minutesLeft', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

/** Each reason someone was not reached, how many, and what it means for HR. */
function reasonsOf(p: Progress, t: Translate): { line: string; help: string }[] {
  return FAILURE_REASONS.filter((reason) => (p.failureReasons[reason] ?? 0) > 0).map((reason) => ({
    line: t('broadcast.status.reasonLine', { reason: t(`broadcast.reason.${reason}` as MessageKey), count: people(p.failureReasons[reason]!, t) }),
    help: t(`broadcast.reason.${reason}.help` as MessageKey),
  }));
}
