import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';

/** The recommended skills, group by group. */
export function recommendedSkillsCard(framework: Framework, t: Translate): AdaptiveCard {
  const groups = framework.recommendedSkillGroups.map((g) => ({
    name: g.name,
    count: g.skills.length,
    skills: g.skills.map((s) => s.name).join('、'),
  }));
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  return renderCard('recommendedSkills', {
    groups,
    labels: {
      title: t('recommended.title'),
      intro: t('recommended.intro', { count: total }),
      ladder: t('common.ladder'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
