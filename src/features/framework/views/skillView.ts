import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { RequiredSkill } from '../../../domain/framework/schema';
import type { Translate } from '../../../i18n';
import { tierNames } from '../../applications/trackName';
import { backToResults, type FromSearch } from './fromSearch';
import { tierLookOfLevel } from './tierLook';

/**
 * One required skill: definition, example (when the framework gives one), where it sits, and the training focus
 * items that build it. The notes say what the framework's rules say: not asked at application (only where one
 * applies), and lower levels first (only where skills accumulate). Opened from a search result, it leads back to it.
 */
export function skillCard(framework: Framework, skill: RequiredSkill, t: Translate, from?: FromSearch): AdaptiveCard {
  const level = framework.level(skill.level)!;
  const origin =
    skill.origin === 'standard'
      ? t('skill.origin.standard')
      : skill.origin === 'city'
        ? t('skill.origin.city', { city: framework.document.city })
        : '';
  const window = framework.rules.applicationWindow;
  const notes = [
    window && framework.rules.requiredSkillsAtApplication === false
      ? t('skill.notRequiredAtApplication', { tracks: tierNames(framework, window.tiers, t) })
      : '',
    skill.level > 1 && framework.rules.skillsAccumulate ? t('skill.lowerLevelsFirst') : '',
  ].filter((n) => n !== '');
  return renderCard('skill', {
    name: skill.name,
    level: skill.level,
    placement: t('common.placement', {
      level: skill.level,
      title: level.title,
      category: framework.category(skill.category)?.name ?? skill.category,
    }),
    origin,
    tierStyle: tierLookOfLevel(framework, skill.level, t).style,
    definition: skill.definition ?? '',
    definitionNote: framework.document.skillNotes?.definition ?? '',
    example: skill.example ?? '',
    exampleNote: framework.document.skillNotes?.example ?? '',
    focusItems: framework.focusItemsFor(skill).map((f) => ({ name: f.name })),
    notes: notes.join('\n\n'),
    backToResults: backToResults(from, t),
    labels: {
      definition: t('skill.definition'),
      example: t('skill.example'),
      focusItems: t('skill.focusItems'),
      noFocusItems: t('skill.noFocusItems'),
      backToLevel: t('skill.backToLevel', { level: skill.level }),
      training: t('common.training'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
