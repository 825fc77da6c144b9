import type { AdaptiveCard } from '../../../cards/renderCard';
import type { Application } from '../../../domain/applications/application';
import type { Program } from '../../../domain/framework/schema';
import type { Translate } from '../../../i18n';
import { noticeCard } from '../../notices';
import { VERBS } from '../../verbs';

/** Programs named in one sentence, in the framework's order. */
export function programNames(programs: readonly Program[], t: Translate): string {
  return programs.map((p) => p.name).join(t('hr.trainings.separator'));
}

/**
 * "The records do not show …: complete the trainings anyway?": the per-application button is for exceptions, so HR
 * sees which required trainings are not recorded before deciding, and may still go on.
 */
export function completeTrainingQuestionCard(application: Application, notRecorded: readonly Program[], t: Translate): AdaptiveCard {
  const body = t('hr.trainings.exception.confirm', { name: application.applicant.name, programs: programNames(notRecorded, t) });
  return noticeCard(t, t('hr.trainings.exception.title'), body, 'warning', [
    { title: t('hr.trainings.exception.yes'), verb: VERBS.hrAdvance, data: { applicationId: application.id, action: 'completeTraining', confirmed: true } },
    { title: t('hr.detail.backToApplication'), verb: VERBS.hrApplication, data: { applicationId: application.id } },
  ]);
}
