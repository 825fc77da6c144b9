import { formatDate } from '../../i18n/formatDate';
import type { Application } from '../../domain/applications/application';
import type { Framework } from '../../domain/framework/framework';
import { noticeCard } from '../notices';
import { missed, type CardBuilder, type InTurnWaits, type Recipient } from '../notifier';
import { VERBS } from '../verbs';
import type { ApplicationDeps } from './applicationsFlow';
import { trackName } from './trackName';
import { stateLabel } from './views/describe';

/**
 * Tells the applicant, in their chat and language, what just happened to their application, by whom and when; kept
 * for them if they cannot be reached. `recipient`: their chat as the caller looked it up before writing the change,
 * so sending needs no storage after it; `wait`: whether the action waits for it (a bulk move does, to pace its notices).
 */
export async function notifyApplicant(
  deps: Pick<ApplicationDeps, 'notifier' | 'logger'>,
  framework: Framework,
  application: Application,
  recipient?: Recipient,
  wait: keyof InTurnWaits = 'untold',
): Promise<void> {
  const build = applicationUpdateCard(framework, application);
  const letter = { kind: 'applicationUpdate', frameworkId: framework.id, applicationId: application.id } as const;
  // The answer to whoever acted does not speak of this notice: by default it need not wait for it (see InTurnWaits).
  const delivery = recipient
    ? await deps.notifier.send(recipient, build, letter, wait)
    : await deps.notifier.sendToUser(application.applicant.aadObjectId, build, letter, wait);
  if (missed(delivery)) deps.logger.warn('update not delivered to the applicant', { applicationId: application.id, kept: delivery.kept });
}

/** The applicant's news: the application's latest step, by whom and when, with the comment if there is one. */
export function applicationUpdateCard(framework: Framework, application: Application): CardBuilder {
  const latest = application.trail[application.trail.length - 1]!;
  return (t, locale) => {
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
}
