import { formatDate } from '../../i18n/formatDate';
import type { Application } from '../../domain/applications/application';
import type { Framework } from '../../domain/framework/framework';
import { noticeCard } from '../notices';
import { VERBS } from '../verbs';
import type { ApplicationDeps } from './applicationsFlow';
import { trackName } from './trackName';
import { stateLabel } from './views/describe';

/** Tells the applicant, in their chat and language, what just happened to their application, by whom and when. */
export async function notifyApplicant(
  deps: Pick<ApplicationDeps, 'notifier' | 'logger'>,
  framework: Framework,
  application: Application,
): Promise<void> {
  const latest = application.trail[application.trail.length - 1]!;
  const delivery = await deps.notifier.sendToUser(application.applicant.aadObjectId, (t, locale) => {
    const lines = [
      t('notify.decision.body', {
        track: trackName(framework, application.track, t),
        state: stateLabel(application, t),
        by: latest.byName,
        at: formatDate(latest.at, locale),
      }),
      latest.comment ? t('notify.decision.comment', { comment: latest.comment }) : '',
    ].filter((line) => line !== '');
    return noticeCard(t, t('notify.decision.title'), lines.join('\n\n'), 'default', {
      title: t('notify.open'),
      verb: VERBS.applicationsOpen,
      data: {},
    });
  });
  if (!delivery.delivered) deps.logger.warn('update not delivered to the applicant', { applicationId: application.id });
}
