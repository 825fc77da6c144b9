import type { Application, AssessmentSummary, GradeCheck } from '../../../domain/applications/application';
import type { Framework } from '../../../domain/framework/framework';
import { formatDate } from '../../../i18n/formatDate';
import type { Locale, MessageKey, Translate } from '../../../i18n';
import { skillLevelText } from '../../assessment/views/skillLevelText';

/** An application's state in plain words ("上司の承認待ち"). */
export function stateLabel(application: Pick<Application, 'state'>, t: Translate): string {
  return t(`applications.state.${application.state}` as MessageKey);
}

/** A self-assessment in one line: when, role level, skill level (if the framework names skills), target. */
export function assessmentLine(framework: Framework, summary: AssessmentSummary, t: Translate, locale: Locale): string {
  const params = { date: formatDate(summary.completedAt, locale), role: summary.overallRoleLevel, target: summary.target };
  const skill = skillLevelText(framework, summary.skillLevel, t);
  return skill === undefined ? t('applications.summaryNoSkills', params) : t('applications.summary', { ...params, skill });
}

/**
 * What the roster's grade says of the professional track's requirement, for `whom` ('employee': you may apply and HR
 * decides; 'hr': decide before selecting), and, where the framework's order of grades is not the source's, that too.
 */
export function gradeCheckText(framework: Framework, check: GradeCheck, grade: string, whom: 'employee' | 'hr', t: Translate): string {
  const grades = framework.rules.professionalTrack?.eligibleGrades ?? '';
  const said = t(`applications.gradeCheck.${check}` as MessageKey, { grade, grades });
  const order = framework.rules.professionalTrack?.gradesQuoted === false ? t('applications.gradeCheck.order', { order: (framework.document.grades ?? []).join('・') }) : '';
  return [said, t(whom === 'employee' ? 'applications.gradeCheck.employee' : 'applications.gradeCheck.hr'), order].filter(Boolean).join('');
}
