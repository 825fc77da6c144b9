import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';
import { emphasize } from './emphasize';
import { tierLookOfLevel } from './tierLook';

/** One level: its role in every category, and its required skills, each opening the skill's card. */
export function levelCard(framework: Framework, level: number, t: Translate): AdaptiveCard {
  const info = framework.level(level)!;
  const look = tierLookOfLevel(framework, level, t);
  const categoryName = (id: string): string => framework.category(id)?.name ?? id;
  const roles = framework.categories.map((category) => {
    const role = framework.role(level, category.id);
    return { category: category.name, text: role ? emphasize(role.text, role.highlights) : '' };
  });
  const skills = framework.requiredSkillsAt(level).map((s) => ({ id: s.id, name: s.name, category: categoryName(s.category) }));
  const skillsNote =
    skills.length === 0
      ? t('level.noSkills')
      : level === 1
        ? t('level.skillsFirstLevel')
        : t('level.skillsAccumulate', { previous: level - 1 });
  return renderCard('level', {
    level,
    heading: t('common.levelHeading', { level, title: info.title }),
    tierLabel: look.label,
    tierStyle: look.style,
    summary: info.summary ?? '',
    roles,
    skills,
    skillsNote,
    previous: level > 1 ? level - 1 : 0,
    next: level < framework.highestLevel ? level + 1 : 0,
    labels: {
      rolesHeading: t('level.rolesHeading'),
      highlightsHint: t('level.highlightsHint'),
      skillsHeading: t('level.skillsHeading'),
      training: t('level.training'),
      assessment: t('level.assessment'),
      ladder: t('common.ladder'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
