import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import { programKinds } from '../../../domain/framework/schema';
import type { Translate } from '../../../i18n';
import { tierLookOfLevel } from './tierLook';

/** What to learn at a level (its training focus items by category, when the framework has them) and the programs that help. */
export function trainingCard(framework: Framework, level: number, t: Translate): AdaptiveCard {
  const look = tierLookOfLevel(framework, level, t);
  const focusItems = framework.focusItemsAt(level);
  const focusByCategory = framework.categories
    .map((c) => ({
      category: c.name,
      items: focusItems
        .filter((f) => f.category === c.id)
        .map((f) => f.name)
        .join('、'),
    }))
    .filter((row) => row.items !== '');
  const programs = framework.programsFor(level);
  const programsByKind = programKinds
    .map((kind) => ({
      kind: t(`training.kind.${kind}`),
      programs: programs
        .filter((p) => p.kind === kind)
        .map((p) => ({ text: p.description ? `${p.name}：${p.description}` : p.name })),
    }))
    .filter((group) => group.programs.length > 0);
  return renderCard('training', {
    level,
    heading: t('training.heading', { level }),
    tierLabel: look.label,
    tierStyle: look.style,
    focusByCategory,
    programsByKind,
    levels: framework.levels.filter((l) => l.level !== level).map((l) => ({ level: l.level })),
    labels: {
      focusHeading: t('training.focusHeading'),
      programsHeading: t('training.programsHeading'),
      chooseLevel: t('training.chooseLevel'),
      levelRoles: t('training.levelRoles'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
