import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { EvaluationResult } from '../../../domain/evaluation/aggregate';
import { closingEntry, type Evaluation } from '../../../domain/evaluation/evaluation';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, Translate } from '../../../i18n';
import { formatDate } from '../../../i18n/formatDate';
import type { NoticeStyle } from '../../notices';
import { distributionLine, formatMean, stateLabel, tierName, viewpointHeading } from './describe';

/** A line at the top of the status card saying what just happened (started, reminded, certified …). */
export interface StatusNote {
  readonly text: string;
  readonly style: NoticeStyle;
}

/**
 * HR's view of one evaluation: per viewpoint who has rated, the mean, how the ratings spread and the comments; the
 * mean over the viewpoints; and, while it is open, the steps HR can take. "Certify" is offered only once every
 * viewpoint has a rating; until then the card says which are missing.
 */
export function evaluationStatusCard(
  framework: Framework,
  evaluation: Evaluation,
  result: EvaluationResult,
  t: Translate,
  locale: Locale,
  note?: StatusNote,
): AdaptiveCard {
  const e = evaluation;
  const isOpen = e.state === 'open';
  const closing = closingEntry(e);
  const state = closing ? t('evaluation.status.closedBy', { state: stateLabel(e, t), by: closing.byName, at: formatDate(closing.at, locale) }) : stateLabel(e, t);
  const pending = result.viewpoints.reduce((sum, v) => sum + v.asked - v.rated, 0);
  return renderCard('evaluationStatus', {
    evaluationId: e.id,
    note: note?.text ?? '',
    noteStyle: note?.style ?? 'default',
    facts: [
      { title: t('evaluation.status.department'), value: `${e.candidate.department}・${e.candidate.grade}` },
      { title: t('evaluation.status.state'), value: state },
      { title: t('evaluation.status.started'), value: t('evaluation.status.startedBy', { by: e.createdBy.name, at: formatDate(e.createdAt, locale) }) },
      { title: t('evaluation.status.rated'), value: t('evaluation.status.count', { rated: result.overall.rated, asked: result.overall.asked }) },
      { title: t('evaluation.status.overall'), value: t('evaluation.status.mean', { mean: formatMean(result.overall.mean), max: maxOf(e) }) },
    ],
    viewpoints: result.viewpoints.map((v) => ({
      heading: viewpointHeading(framework, v.viewpoint, t),
      summary: t('evaluation.status.viewpointSummary', { rated: v.rated, asked: v.asked, mean: formatMean(v.mean), max: maxOf(e) }),
      distribution: distributionLine(v.distribution, t, locale),
      raters: v.raters.map(({ rater, rating }) =>
        t(rating ? 'evaluation.status.raterDone' : 'evaluation.status.raterPending', { name: rater.name, department: rater.department }),
      ),
      comments: v.comments.map((c) => t('evaluation.status.comment', { text: c.text })),
    })),
    missing:
      isOpen && result.missing.length > 0
        ? t('evaluation.status.missing', { viewpoints: result.missing.map((id) => viewpointHeading(framework, id, t)).join(t('evaluation.listSeparator')) })
        : '',
    isOpen,
    canCertify: result.missing.length === 0,
    canRemind: pending > 0,
    labels: {
      title: t('evaluation.status.title', { name: e.candidate.name, tier: tierName(framework, e.tier) }),
      comments: t('evaluation.status.comments'),
      certify: t('evaluation.status.certify'),
      remind: t('evaluation.status.remind', { count: pending }),
      close: t('evaluation.status.close'),
      refresh: t('evaluation.status.refresh'),
      back: t('evaluation.backToList'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** The top of the evaluation's scale, so "3.3" reads as "3.3 of 4". */
function maxOf(evaluation: Evaluation): number {
  return Math.max(...evaluation.scale.map((s) => s.value));
}
