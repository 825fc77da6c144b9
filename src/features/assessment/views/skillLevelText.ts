import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';

/**
 * A self-assessed skill level as every view shows it ("Lv.2", or "Lv.1未満" for 0); undefined when the framework
 * names no required skills, so that no view shows a level nobody could have earned.
 */
export function skillLevelText(framework: Framework, skillLevel: number, t: Translate): string | undefined {
  if (!framework.hasRequiredSkills) return undefined;
  return skillLevel > 0 ? `Lv.${skillLevel}` : t('assessment.history.skillNone');
}
