import type { Framework } from '../../../domain/framework/framework';
import type { OfferReason } from '../../../domain/training/nextTrainings';
import { enrolLinkOf, type TrainingSession } from '../../../domain/training/trainingSession';
import type { Locale, Translate } from '../../../i18n';
import { formatDate } from '../../../i18n/formatDate';

/** A session as a card shows it: when, what, where and for how many, and how to enrol (a link, or the office's words). */
export interface SessionLine {
  readonly when: string;
  readonly program: string;
  readonly details: string;
  /** The link to enrol at; empty when the way to enrol is the office's words (`enrolText`). */
  readonly enrolUrl: string;
  readonly enrolText: string;
  readonly enrolTitle: string;
}

/** One upcoming session in a card's words; `reason` marks a required training apart from a recommended one. */
export function sessionLine(
  session: TrainingSession,
  framework: Framework,
  viewer: { t: Translate; locale: Locale },
  reason?: OfferReason,
): SessionLine {
  const { t, locale } = viewer;
  const day = formatDate(session.date, locale);
  const name = framework.program(session.programId)?.name ?? session.programId;
  const link = enrolLinkOf(session);
  const where = session.place === undefined ? t('training.next.online') : t('training.next.place', { place: session.place });
  return {
    when: session.startTime ? t('training.next.when', { day, time: session.startTime }) : day,
    program: reason ? `${t(`training.next.${reason}`)}${name}` : name,
    details: session.capacity === undefined ? where : `${where}${t('training.next.separator')}${t('training.next.capacity', { count: session.capacity })}`,
    enrolUrl: link ?? '',
    enrolText: link ? '' : t('training.next.enrolBy', { how: session.enrol }),
    enrolTitle: t('training.next.enrol'),
  };
}
