import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';
import { emphasize } from './emphasize';
import { backToResults, type FromSearch } from './fromSearch';
import { keepLineBreaks } from './lineBreaks';
import { tierLookOfLevel } from './tierLook';

/**
 * One level: its tier's criteria and target head count when the framework gives them, its role in every category,
 * and its required skills, each opening the skill's card (no skills part when the framework names no required skills).
 * Opened from a search result, the role it found stands out, and the card leads back to the results.
 */
export function levelCard(framework: Framework, level: number, t: Translate, from?: FromSearch): AdaptiveCard {
  const info = framework.level(level)!;
  const tier = framework.tier(info.tier);
  const look = tierLookOfLevel(framework, level, t);
  const categoryName = (id: string): string => framework.category(id)?.name ?? id;
  const roles = framework.categories.map((category) => {
    const role = framework.role(level, category.id);
    return {
      category: category.name,
      text: role?.text ? keepLineBreaks(emphasize(role.text, role.highlights)) : t('level.roleUnsaid'),
      style: category.id === from?.item ? 'accent' : 'default',
    };
  });
  const emphasized = framework.categories.some((category) => (framework.role(level, category.id)?.highlights.length ?? 0) > 0);
  const hasSkills = framework.hasRequiredSkills;
  const skills = framework.requiredSkillsAt(level).map((s) => ({ id: s.id, name: s.name, category: categoryName(s.category) }));
  return renderCard('level', {
    level,
    heading: t('common.levelHeading', { level, title: info.title }),
    tierLabel: look.label,
    tierStyle: look.style,
    summary: info.summary ? keepLineBreaks(info.summary) : '',
    criteria: tier?.criteria ? t('level.criteria', { criteria: tier.criteria }) : '',
    targetCount: tier?.targetCount ? t('level.targetCount', { count: tier.targetCount }) : '',
    roles,
    hasSkills,
    skills,
    skillsNote: hasSkills ? skillsNote(framework, level, skills.length, t) : '',
    previous: level > 1 ? level - 1 : 0,
    next: level < framework.highestLevel ? level + 1 : 0,
    backToResults: backToResults(from, t),
    labels: {
      rolesHeading: t('level.rolesHeading'),
      highlightsHint: emphasized ? t('level.highlightsHint') : '',
      skillsHeading: t('level.skillsHeading'),
      training: t('level.training'),
      assessment: t('level.assessment'),
      ladder: t('common.ladder'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/**
 * What to know about a level's skills: none here, or, where skills accumulate from Lv.1, that all staff start here
 * and higher levels build on the lower ones; elsewhere only how to open one.
 */
function skillsNote(framework: Framework, level: number, count: number, t: Translate): string {
  if (count === 0) return t('level.noSkills');
  if (!framework.rules.skillsAccumulate) return t('level.skillsOpen');
  if (level === 1) return t('level.skillsFirstLevel');
  // Right above Lv.1 there is no range of levels to name ("Lv.1〜Lv.1").
  return level === 2 ? t('level.skillsAfterFirst') : t('level.skillsAccumulate', { previous: level - 1 });
}
