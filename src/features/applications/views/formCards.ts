import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { MOTIVATION_MAX, MOTIVATION_MIN, type AssessmentSummary } from '../../../domain/applications/application';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, Translate } from '../../../i18n';
import { trackName } from '../trackName';
import { assessmentLine } from './describe';

/** The application form: a motivation (required) and, if there is one, the latest self-assessment to attach. */
export function applicationFormCard(
  framework: Framework,
  track: string,
  motivation: string,
  latest: AssessmentSummary | undefined,
  t: Translate,
  locale: Locale,
): AdaptiveCard {
  return renderCard('applicationForm', {
    track,
    motivation,
    max: MOTIVATION_MAX,
    hasAssessment: latest !== undefined,
    labels: {
      title: t('applications.form.title', { track: trackName(framework, track, t) }),
      notGated: t('applications.notGated'),
      motivation: t('applications.form.motivation', { min: MOTIVATION_MIN, max: MOTIVATION_MAX }),
      placeholder: t('applications.form.motivationPlaceholder'),
      required: t('applications.form.motivationRequired'),
      attach: latest ? t('applications.form.attach', { summary: assessmentLine(framework, latest, t, locale) }) : '',
      noAssessment: t('applications.form.noAssessment'),
      next: t('applications.form.next'),
      back: t('applications.form.back'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** What will be sent, and to whom, before anything is sent. */
export function applicationConfirmCard(
  framework: Framework,
  input: { track: string; motivation: string; attach: AssessmentSummary | undefined; approverName: string },
  t: Translate,
  locale: Locale,
): AdaptiveCard {
  return renderCard('applicationConfirm', {
    track: input.track,
    trackName: trackName(framework, input.track, t),
    approver: input.approverName,
    motivation: input.motivation,
    attachAssessment: input.attach ? 'true' : 'false',
    assessment: input.attach ? assessmentLine(framework, input.attach, t, locale) : t('applications.confirm.noAssessment'),
    labels: {
      title: t('applications.confirm.title'),
      hint: t('applications.confirm.hint'),
      track: t('applications.confirm.track'),
      approver: t('applications.confirm.approver'),
      motivation: t('applications.confirm.motivation'),
      assessment: t('applications.confirm.assessment'),
      submit: t('applications.confirm.submit'),
      edit: t('applications.confirm.edit'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
