import type { Application, AssessmentSummary } from '../../../domain/applications/application';
import { formatDate } from '../../../i18n/formatDate';
import type { Locale, MessageKey, Translate } from '../../../i18n';

/** An application's state in plain words ("上司の承認待ち"). */
export function stateLabel(application: Pick<Application, 'state'>, t: Translate): string {
  return t(`applications.state.${application.state}` as MessageKey);
}

/** A self-assessment in one line: when, role level, skill level, target. */
export function assessmentLine(summary: AssessmentSummary, t: Translate, locale: Locale): string {
  return t('applications.summary', {
    date: formatDate(summary.completedAt, locale),
    role: summary.overallRoleLevel,
    skill: summary.skillLevel > 0 ? `Lv.${summary.skillLevel}` : t('assessment.history.skillNone'),
    target: summary.target,
  });
}
