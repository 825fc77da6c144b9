import type { AdaptiveCard } from '../../../cards/renderCard';
import type { Application } from '../../../domain/applications/application';
import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';
import { noticeCard } from '../../notices';
import { VERBS } from '../../verbs';
import { trackName } from '../trackName';

/** "Certify … for …?": certification cannot be undone and tells the employee, so it takes a second, deliberate click. */
export function certifyQuestionCard(framework: Framework, application: Application, t: Translate): AdaptiveCard {
  const names = { name: application.applicant.name, track: trackName(framework, application.track, t) };
  return noticeCard(t, t('hr.certify.title'), t('hr.certify.confirm', names), 'warning', {
    title: t('hr.certify.yes'),
    verb: VERBS.hrAdvance,
    data: { applicationId: application.id, action: 'certify', confirmed: true },
  });
}
