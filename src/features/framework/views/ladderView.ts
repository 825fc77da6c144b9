import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';
import { tierLookOfLevel } from './tierLook';

/** How far each rung steps right of the one below, so the levels read as a staircase going up. */
const STEP_PX = 20;

/**
 * The levels at a glance, highest first, each rung coloured by its tier and opening the level's card; under them the
 * staff the framework aims for (職員像), in its words.
 */
export function ladderCard(framework: Framework, t: Translate): AdaptiveCard {
  const rungs = [...framework.levels].reverse().map((level) => {
    const look = tierLookOfLevel(framework, level.level, t);
    const tier = framework.tier(level.tier);
    return {
      level: level.level,
      title: level.title,
      tier: tier?.name ?? '',
      medal: look.medal,
      style: look.style,
      indent: (level.level - 1) * STEP_PX + 1,
      openLabel: t('ladder.open', { level: level.level }),
    };
  });
  return renderCard('ladder', {
    rungs,
    aims: framework.document.aims.map((aim) => ({ heading: aim.heading, items: aim.items.map((text) => ({ text })) })),
    labels: {
      title: t('ladder.title', { count: rungs.length }),
      intro: t('ladder.intro'),
      notCertified: framework.rules.levelsCertified ? '' : t('ladder.notCertified'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
