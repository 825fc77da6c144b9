import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';

/** The card people get when they install the app: what the bot is for, in what the framework has, and where to start. */
export function welcomeCard(framework: Framework, t: Translate): AdaptiveCard {
  const { trainingFocusItems } = framework.document;
  const points = [
    t('welcome.point.levels', { count: framework.levels.length }),
    framework.hasRequiredSkills ? t('welcome.point.skills') : '',
    t(trainingFocusItems.length > 0 ? 'welcome.point.training' : 'welcome.point.trainingPrograms'),
  ];
  return renderCard('welcome', {
    points: points.filter((point) => point !== ''),
    labels: {
      title: t('welcome.title'),
      body: t('welcome.body', { city: framework.document.city, framework: framework.document.name }),
      hint: t('welcome.hint'),
      openMenu: t('welcome.openMenu'),
      ladder: t('common.ladder'),
    },
  });
}
