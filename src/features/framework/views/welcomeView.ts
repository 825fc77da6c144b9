import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';

/** The card people get when they install the app: what the bot is for and where to start. */
export function welcomeCard(framework: Framework, t: Translate): AdaptiveCard {
  return renderCard('welcome', {
    points: [t('welcome.point.levels'), t('welcome.point.skills'), t('welcome.point.training')],
    labels: {
      title: t('welcome.title'),
      body: t('welcome.body', { city: framework.document.city, framework: framework.document.name }),
      hint: t('welcome.hint'),
      openMenu: t('welcome.openMenu'),
      ladder: t('common.ladder'),
    },
  });
}
