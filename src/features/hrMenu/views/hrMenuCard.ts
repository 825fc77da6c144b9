import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { tracksOf } from '../../../domain/applications/applicationWindow';
import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';
import { tierNames } from '../../applications/trackName';

/**
 * HR's menu: each thing HR can do, a line saying what it is for and the button that opens it. Only what the active
 * framework has is offered: application windows and applications where people apply in a window, evaluations where
 * tiers are certified by several raters, appointments where HR appoints to tiers.
 */
export function hrMenuCard(framework: Framework, t: Translate): AdaptiveCard {
  const { applicationWindow, evaluation, appointment } = framework.rules;
  // Named in a line only where the framework has them; a line it lacks is left out of the card.
  const tiers = (ids: readonly string[] = []): string => tierNames(framework, ids, t);
  return renderCard('hrMenu', {
    frameworkName: framework.document.name,
    hasApplicationWindow: applicationWindow !== undefined,
    hasEvaluation: evaluation !== undefined,
    hasAppointment: appointment !== undefined,
    labels: {
      title: t('hrMenu.title'),
      intro: t('hrMenu.intro'),
      windows: { open: t('hrMenu.windows.open'), help: t('hrMenu.windows.help', { tracks: tiers(tracksOf(framework)) }) },
      applications: { open: t('hrMenu.applications.open'), help: t('hrMenu.applications.help') },
      evaluations: { open: t('hrMenu.evaluations.open'), help: t('hrMenu.evaluations.help', { tiers: tiers(evaluation?.tiers) }) },
      appointments: { open: t('hrMenu.appointments.open'), help: t('hrMenu.appointments.help', { tiers: tiers(appointment?.tiers) }) },
      broadcasts: { open: t('hrMenu.broadcasts.open'), help: t('hrMenu.broadcasts.help') },
      kpi: { open: t('hrMenu.kpi.open'), help: t('hrMenu.kpi.help') },
      exports: { open: t('hrMenu.exports.open'), help: t('hrMenu.exports.help') },
      team: {
        open: t('hrMenu.team.open'),
        help: t('hrMenu.team.help'),
        email: t('hrMenu.team.email'),
        placeholder: t('team.otherManagerPlaceholder'),
      },
      hint: t('hrMenu.hint'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
