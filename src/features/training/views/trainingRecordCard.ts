import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { Employee } from '../../../domain/roster/employee';
import { newestFirst, type TrainingRecord, type TrainingStatus } from '../../../domain/training/trainingRecord';
import type { Locale, Translate } from '../../../i18n';
import { formatDate } from '../../../i18n/formatDate';
import { sessionLine } from './sessionLines';
import type { WhatIsNext } from '../whatIsNext';

/** Records a card lists: the newest; the rest are counted (a card must stay small). */
const MAX_ROWS = 50;

/** How each status stands out: a completion is good news, an absence is set apart. */
const STATUS_COLORS: Readonly<Record<TrainingStatus, string>> = { completed: 'Good', attended: 'Default', absent: 'Attention' };

/**
 * An employee's own training record: each session, newest first, with its date, the program's name and what became
 * of it (or a kind sentence when none is recorded yet), then 「これからの研修」: the upcoming sessions of the
 * trainings meant for them and not yet taken, each with how to enrol. Both say whom to ask.
 */
export function trainingRecordCard(
  employee: Employee,
  records: readonly TrainingRecord[],
  next: WhatIsNext,
  framework: Framework,
  viewer: { t: Translate; locale: Locale },
): AdaptiveCard {
  const { t, locale } = viewer;
  const contact = framework.contactName;
  const shown = newestFirst(records).slice(0, MAX_ROWS);
  return renderCard('trainingRecord', {
    intro: records.length > 0 ? t('training.record.intro', { name: employee.name }) : t('training.record.none', { name: employee.name }),
    entries: shown.map((record) => ({
      date: formatDate(record.date, locale),
      // A program the framework no longer has is still the employee's record: it shows by the id it was imported as.
      program: framework.program(record.programId)?.name ?? record.programId,
      status: t(`training.status.${record.status}`),
      color: STATUS_COLORS[record.status],
    })),
    more: records.length > shown.length ? t('training.record.more', { count: records.length - shown.length }) : '',
    ask: contact ? t('training.record.askContact', { contact }) : t('training.record.askOffice'),
    sessions: next.sessions.map((offer) => sessionLine(offer.session, framework, viewer, offer.reason)),
    nextNote: next.sessions.length > 0 ? '' : nextNote(next, contact, t),
    labels: {
      title: t('training.record.title'),
      nextHeading: t('training.next.heading'),
      browse: t('training.record.browse'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** Why no session is listed: nothing tells yet what suits them, or none is scheduled (and whom to ask). */
function nextNote(next: WhatIsNext, contact: string | undefined, t: Translate): string {
  if (!next.anyProgramMeant) return t('training.next.assessFirst');
  const ask = contact ? t('training.next.askContact', { contact }) : t('training.next.askOffice');
  return `${t('training.next.none')}${ask}`;
}
