import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';

/** The menu: the three ways into the framework and a search box. */
export function menuCard(framework: Framework, t: Translate): AdaptiveCard {
  return renderCard('menu', {
    frameworkName: framework.document.name,
    labels: {
      title: t('menu.title'),
      intro: t('menu.intro'),
      ladder: t('menu.ladder'),
      recommended: t('menu.recommended'),
      training: t('menu.training'),
      assessment: t('menu.assessment'),
      applications: t('menu.applications'),
      searchLabel: t('menu.searchLabel'),
      searchPlaceholder: t('menu.searchPlaceholder'),
      searchButton: t('menu.searchButton'),
      commandsHint: t('menu.commandsHint'),
    },
  });
}
