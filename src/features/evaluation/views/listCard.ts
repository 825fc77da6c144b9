import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { EvaluationResult } from '../../../domain/evaluation/aggregate';
import type { Evaluation } from '../../../domain/evaluation/evaluation';
import type { Framework } from '../../../domain/framework/framework';
import type { EvaluationRules } from '../../../domain/framework/schema';
import type { Locale, Translate } from '../../../i18n';
import { formatDate } from '../../../i18n/formatDate';
import { stateLabel, tierName } from './describe';

/** HR's evaluations: the open ones with how far the raters are, the latest closed ones, and "start a new one". */
export function evaluationListCard(
  framework: Framework,
  rules: EvaluationRules,
  open: readonly { evaluation: Evaluation; result: EvaluationResult }[],
  closed: readonly Evaluation[],
  t: Translate,
  locale: Locale,
): AdaptiveCard {
  const title = (e: Evaluation): string => t('evaluation.list.rowTitle', { name: e.candidate.name, tier: tierName(framework, e.tier) });
  return renderCard('evaluationList', {
    intro: rules.text,
    open: open.map(({ evaluation: e, result }) => ({
      evaluationId: e.id,
      title: title(e),
      line: t('evaluation.list.openLine', {
        department: e.candidate.department,
        rated: result.overall.rated,
        asked: result.overall.asked,
        date: formatDate(e.createdAt, locale),
      }),
    })),
    closed: closed.map((e) => ({
      evaluationId: e.id,
      title: title(e),
      line: t('evaluation.list.closedLine', {
        department: e.candidate.department,
        state: stateLabel(e, t),
        date: formatDate(e.closedAt ?? e.updatedAt, locale),
      }),
    })),
    labels: {
      title: t('evaluation.list.title'),
      new: t('evaluation.list.new'),
      openHeading: t('evaluation.list.openHeading'),
      noneOpen: t('evaluation.list.noneOpen'),
      closedHeading: t('evaluation.list.closedHeading'),
      open: t('evaluation.list.open'),
      myRequests: t('evaluation.list.myRequests'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
