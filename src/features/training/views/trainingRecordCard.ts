import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { Employee } from '../../../domain/roster/employee';
import { newestFirst, type TrainingRecord, type TrainingStatus } from '../../../domain/training/trainingRecord';
import type { Locale, Translate } from '../../../i18n';
import { formatDate } from '../../../i18n/formatDate';
import { noticeCard } from '../../notices';
import { VERBS } from '../../verbs';

/** Records a card lists: the newest; the rest are counted (a card must stay small). */
const MAX_ROWS = 50;

/** How each status stands out: a completion is good news, an absence is set apart. */
const STATUS_COLORS: Readonly<Record<TrainingStatus, string>> = { completed: 'Good', attended: 'Default', absent: 'Attention' };

/**
 * An employee's own training record: each session, newest first, with its date, the program's name and what became
 * of it; with none recorded yet, a kind sentence. Both say whom to ask when a training is missing.
 */
export function trainingRecordCard(
  employee: Employee,
  records: readonly TrainingRecord[],
  framework: Framework,
  viewer: { t: Translate; locale: Locale },
): AdaptiveCard {
  const { t, locale } = viewer;
  const contact = framework.contactName;
  const ask = contact ? t('training.record.askContact', { contact }) : t('training.record.askOffice');
  if (records.length === 0) {
    return noticeCard(t, t('training.record.title'), `${t('training.record.none', { name: employee.name })}\n\n${ask}`, 'default', {
      title: t('training.record.browse'),
      verb: VERBS.training,
      data: { level: 1 },
    });
  }
  const shown = newestFirst(records).slice(0, MAX_ROWS);
  return renderCard('trainingRecord', {
    intro: t('training.record.intro', { name: employee.name }),
    entries: shown.map((record) => ({
      date: formatDate(record.date, locale),
      // A program the framework no longer has is still the employee's record: it shows by the id it was imported as.
      program: framework.program(record.programId)?.name ?? record.programId,
      status: t(`training.status.${record.status}`),
      color: STATUS_COLORS[record.status],
    })),
    more: records.length > shown.length ? t('training.record.more', { count: records.length - shown.length }) : '',
    ask,
    labels: { title: t('training.record.title'), browse: t('training.record.browse'), backToMenu: t('common.backToMenu') },
  });
}
