import type { SkillGap } from '../../../domain/assessment/scoring';
import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';

/**
 * Every missing skill is listed, a level at a time; the lowest levels' lists are open until at least this many
 * skills are in view (where to start), the others one tap away, so that the card is no wall.
 */
const GAPS_OPEN = 6;

/** One level's missing skills, as the result card lists them. */
export interface GapLevel {
  readonly heading: string;
  readonly open: boolean;
  /** What the heading toggles: the list, and the heading's open (▾) and closed (▸) forms. */
  readonly listId: string;
  readonly openId: string;
  readonly closedId: string;
  readonly gaps: readonly { skillId: string; name: string; heading: string; definition: string }[];
  /** The training focus items behind them, once for the level ('' for none): a level's skills of one category share theirs. */
  readonly focus: string;
}

/** The missing skills a level at a time, lowest first, in the order the result gives them. */
export function gapLevels(framework: Framework, gaps: readonly SkillGap[], t: Translate, join: (items: readonly string[]) => string): GapLevel[] {
  let inView = 0;
  return [...new Set(gaps.map((g) => g.level))].map((level) => {
    const ofLevel = gaps.filter((g) => g.level === level);
    const open = inView < GAPS_OPEN;
    if (open) inView += ofLevel.length;
    const focus = [...new Set(ofLevel.flatMap((g) => g.focusItemIds))]
      .map((id) => framework.document.trainingFocusItems.find((f) => f.id === id)?.name)
      .filter((name): name is string => !!name);
    const id = `gaps-${level}`;
    return {
      heading: t('assessment.result.gapLevel', { level, count: ofLevel.length }),
      open,
      listId: id,
      openId: `${id}-open`,
      closedId: `${id}-closed`,
      gaps: ofLevel.flatMap((gap) => {
        const skill = framework.skill(gap.skillId);
        if (!skill) return [];
        const category = framework.category(skill.category)?.name ?? skill.category;
        return [{ skillId: skill.id, name: skill.name, heading: `${skill.name}（${category}）`, definition: skill.definition ?? '' }];
      }),
      focus: focus.length > 0 ? t('assessment.result.gapFocus', { items: join(focus) }) : '',
    };
  });
}
