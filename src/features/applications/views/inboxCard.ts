import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Application } from '../../../domain/applications/application';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, Translate } from '../../../i18n';
import { formatDate } from '../../../i18n/formatDate';
import { trackName } from '../trackName';

/** The approver's inbox: the applications waiting for their decision, oldest first, each opening its approval card. */
export function approvalInboxCard(framework: Framework, waiting: readonly Application[], t: Translate, locale: Locale): AdaptiveCard {
  return renderCard('approvalInbox', {
    rows: waiting.map((a) => ({
      applicationId: a.id,
      name: t('approvals.inbox.name', { name: a.applicant.name, department: a.applicant.department, grade: a.applicant.grade }),
      line: t('approvals.inbox.line', { track: trackName(framework, a.track, t), date: formatDate(a.submittedAt, locale) }),
    })),
    labels: {
      title: t('approvals.inbox.title', { count: waiting.length }),
      intro: waiting.length > 0 ? t('approvals.inbox.intro') : t('approvals.inbox.empty'),
      open: t('approvals.inbox.open'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
