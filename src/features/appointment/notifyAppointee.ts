import type { Framework } from '../../domain/framework/framework';
import type { Translate } from '../../i18n';
import { formatDate } from '../../i18n/formatDate';
import type { Logger } from '../../logger';
import { keepLineBreaks } from '../framework/views/lineBreaks';
import { noticeCard } from '../notices';
import { missed, type CardBuilder, type Delivery, type Notifier } from '../notifier';
import { tierName } from './views/describe';

/** An appointment made or ended, as its holder hears of it. */
export interface AppointmentChange {
  readonly kind: 'appointed' | 'ended';
  readonly aadObjectId: string;
  readonly tier: string;
  readonly byName: string;
  readonly at: string;
}

/**
 * Tells the person, in their chat and language, that HR appointed them (and what their tier is about) or ended it;
 * kept for them if they cannot be reached.
 */
export async function notifyAppointee(
  deps: { readonly notifier: Notifier; readonly logger: Logger },
  framework: Framework,
  change: AppointmentChange,
): Promise<Delivery> {
  const { aadObjectId, ...news } = change;
  const letter = { kind: 'appointment', frameworkId: framework.id, change: news } as const;
  const delivery = await deps.notifier.sendToUser(aadObjectId, appointmentNewsCard(framework, news), letter);
  if (missed(delivery)) deps.logger.warn('appointment news not delivered', { aadObjectId, kind: change.kind, kept: delivery.kept });
  return delivery;
}

/** The appointee's news: appointed (with what the tier is about) or ended, by whom and when. */
export function appointmentNewsCard(framework: Framework, change: Omit<AppointmentChange, 'aadObjectId'>): CardBuilder {
  return (t, locale) => {
    const params = { tier: tierName(framework, change.tier), by: change.byName, at: formatDate(change.at, locale) };
    if (change.kind === 'ended') {
      return noticeCard(t, t('appointment.notify.endedTitle'), t('appointment.notify.ended', params), 'default');
    }
    const body = [t('appointment.notify.appointed', params), ...aboutTier(framework, change.tier, t)].join('\n\n');
    return noticeCard(t, t('appointment.notify.appointedTitle'), body, 'good');
  };
}

/**
 * What the appointee's tier is about, from the framework's data: who it is for, its criteria, and the role its
 * levels describe. Only this tier: the appointment rules' text speaks of every tier at once.
 */
function aboutTier(framework: Framework, tierId: string, t: Translate): string[] {
  const tier = framework.tier(tierId);
  const roles = framework.levels.filter((l) => l.tier === tierId && l.summary).map((l) => l.summary!);
  return [
    tier?.audience ? t('appointment.notify.audience', { audience: tier.audience }) : '',
    tier?.criteria ? t('appointment.notify.criteria', { criteria: tier.criteria }) : '',
    ...roles.map((role) => keepLineBreaks(t('appointment.notify.role', { role }))),
  ].filter((line) => line !== '');
}
