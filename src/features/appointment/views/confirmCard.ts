import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { Employee } from '../../../domain/roster/employee';
import type { Translate } from '../../../i18n';
import { VERBS } from '../../verbs';
import type { Appointed } from './coverageCard';
import { tierName } from './describe';

/**
 * The question before appointing someone: who (as the roster has them, so HR sees they typed the right address),
 * to what, and what it replaces. `reviewed` is the ETag of the person's record as shown ('' for none).
 */
export function appointConfirmCard(
  framework: Framework,
  appointee: Employee,
  tier: string,
  replaces: string | undefined,
  reviewed: string,
  t: Translate,
): AdaptiveCard {
  return renderCard('appointmentConfirm', {
    question: t('appointment.confirm.question', { tier: tierName(framework, tier) }),
    facts: personFacts(appointee, framework, t),
    note: replaces ? t('appointment.confirm.replaces', { tier: tierName(framework, replaces) }) : '',
    verb: VERBS.hrAppointmentConfirm,
    data: { aadObjectId: appointee.aadObjectId, tier, reviewed },
    style: 'positive',
    labels: labels(t, 'appointment.confirm.title', t('appointment.confirm.yes')),
  });
}

/** The question before ending an appointment; `reviewed` is the ETag of the appointment as shown. */
export function endConfirmCard(framework: Framework, appointed: Appointed, reviewed: string, t: Translate): AdaptiveCard {
  const tier = tierName(framework, appointed.tier);
  return renderCard('appointmentConfirm', {
    question: t('appointment.end.question', { tier }),
    facts: appointed.employee ? personFacts(appointed.employee, framework, t) : [{ title: t('appointment.fact.name'), value: t('appointment.notOnRoster') }],
    note: '',
    verb: VERBS.hrAppointmentEnd,
    data: { aadObjectId: appointed.aadObjectId, confirmed: true, reviewed },
    style: 'destructive',
    labels: labels(t, 'appointment.end.title', t('appointment.end.yes')),
  });
}

/** Who the person is, from the roster; their section under the framework's own word for it (係) where it counts one. */
function personFacts(employee: Employee, framework: Framework, t: Translate): { title: string; value: string }[] {
  return [
    { title: t('appointment.fact.name'), value: t('appointment.person', { name: employee.name, grade: employee.grade }) },
    { title: t('appointment.fact.department'), value: employee.department },
    { title: framework.rules.appointment?.coverageUnit ?? t('appointment.fact.section'), value: employee.section || '—' },
  ];
}

function labels(t: Translate, title: 'appointment.confirm.title' | 'appointment.end.title', confirm: string): Record<string, string> {
  return { title: t(title), confirm, back: t('appointment.back'), backToMenu: t('common.backToMenu') };
}
