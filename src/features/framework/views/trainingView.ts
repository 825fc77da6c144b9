import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import { programKinds, type Program } from '../../../domain/framework/schema';
import type { Translate } from '../../../i18n';
import { backToResults, type FromSearch } from './fromSearch';
import { programFacts } from './programFacts';
import { tierLookOfLevel } from './tierLook';

/**
 * What to learn at a level (its training focus items by category, when the framework has them) and the programs that
 * help. Opened from a search result, it names the item found at the top, marks it where it stands, and leads back to
 * the results.
 */
export function trainingCard(framework: Framework, level: number, t: Translate, from?: FromSearch): AdaptiveCard {
  const look = tierLookOfLevel(framework, level, t);
  const item = from?.item;
  const focusItems = framework.focusItemsAt(level);
  const programs = framework.programsFor(level);
  const focusByCategory = framework.categories
    .map((c) => {
      const inCategory = focusItems.filter((f) => f.category === c.id);
      return { category: c.name, items: inCategory.map((f) => marked(f.name, f.id === item)).join('、'), style: styleOf(inCategory, item) };
    })
    .filter((row) => row.items !== '');
  const programsByKind = programKinds
    .map((kind) => {
      const ofKind = programs.filter((p) => p.kind === kind);
      return { kind: t(`training.kind.${kind}`), programs: ofKind.map((p) => programLine(framework, p, level, item, t)), style: styleOf(ofKind, item) };
    })
    .filter((group) => group.programs.length > 0);
  const focusItem = focusItems.find((f) => f.id === item);
  const program = programs.find((p) => p.id === item);
  const found = focusItem
    ? t('training.found', { name: focusItem.name, place: framework.category(focusItem.category)?.name ?? focusItem.category })
    : program
      ? t('training.found', { name: program.name, place: t(`training.kind.${program.kind}`) })
      : '';
  return renderCard('training', {
    level,
    heading: t('training.heading', { level }),
    tierLabel: look.label,
    tierStyle: look.style,
    found,
    focusByCategory,
    programsByKind,
    levels: framework.levels.filter((l) => l.level !== level).map((l) => ({ level: l.level })),
    backToResults: backToResults(from, t),
    labels: {
      focusHeading: t('training.focusHeading'),
      programsHeading: t('training.programsHeading'),
      chooseLevel: t('training.chooseLevel'),
      levelRoles: t('training.levelRoles'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** A name in bold when it is the item a search result opened. */
function marked(name: string, isItem: boolean): string {
  return isItem ? `**${name}**` : name;
}

/** The container of the item a search result opened stands out. */
function styleOf(items: readonly { id: string }[], item: string | undefined): 'accent' | 'default' {
  return items.some((i) => i.id === item) ? 'accent' : 'default';
}

/**
 * A program's line (its name and description), then whose certification requires it, what the source says of whom it
 * is for and how many it means to reach, and the parts of it meant for the level, each with the same.
 */
function programLine(framework: Framework, program: Program, level: number, item: string | undefined, t: Translate): ProgramLine {
  const named = (name: string, description: string | undefined): string => (description ? `${name}：${description}` : name);
  const required = program.requiredFor.map((tier) => framework.tier(tier)?.name ?? tier);
  const facts = [...(required.length > 0 ? [t('program.requiredFor', { tiers: required.join(t('applications.tierJoin')) })] : []), ...programFacts(program, t)];
  const parts = framework.partsFor(program, level).map((part) => ({ text: [named(part.name, part.description), ...programFacts(part, t)].join('　') }));
  return {
    text: named(marked(program.name, program.id === item), program.description),
    details: [...(facts.length > 0 ? [{ text: facts.join('　') }] : []), ...parts],
  };
}

/** One program on the card: its line and the lines under it. */
interface ProgramLine {
  readonly text: string;
  readonly details: readonly { text: string }[];
}
