import { formatDate } from '../../i18n/formatDate';
import type { Application } from '../../domain/applications/application';
import type { Framework } from '../../domain/framework/framework';
import { noticeCard } from '../notices';
import { missed, type Addressee, type CardBuilder } from '../notifier';
import { VERBS } from '../verbs';
import type { ApplicationDeps } from './applicationsFlow';
import { trackName } from './trackName';
import { stateLabel } from './views/describe';

/**
 * Tells the applicant, in their chat and language, what just happened to their application, by whom and when.
 * `reached`: their chat as the caller looked it up before writing the change, so sending needs no storage after it.
 */
export async function notifyApplicant(
  deps: Pick<ApplicationDeps, 'notifier' | 'logger'>,
  framework: Framework,
  application: Application,
  reached?: { chat: Addressee | undefined },
): Promise<void> {
  const latest = application.trail[application.trail.length - 1]!;
  const build: CardBuilder = (t, locale) => {
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
  };
  const delivery = reached
    ? await deps.notifier.send(reached.chat, build)
    : await deps.notifier.sendToUser(application.applicant.aadObjectId, build);
  if (missed(delivery)) deps.logger.warn('update not delivered to the applicant', { applicationId: application.id });
}
