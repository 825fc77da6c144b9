import type { AdaptiveCard } from '../../cards/renderCard';
import { similarTitles } from '../../domain/framework/search';
import type { Translate } from '../../i18n';
import type { ActiveFramework } from '../../storage/frameworkCatalog';
import { catalogNotice, type NoticeAction } from '../notices';
import { answerQuestion } from './answerQuestion';
import { ladderCard } from './views/ladderView';
import { levelCard } from './views/levelView';
import type { FromSearch } from './views/fromSearch';
import { menuCard, type MenuOptions } from './views/menuView';
import { recommendedSkillsCard } from './views/recommendedView';
import { skillCard } from './views/skillView';
import { trainingCard } from './views/trainingView';
import { unknownInputCard } from './views/unknownView';

/**
 * Everything one can ask of the framework, by chat or by button; `from` when a search result's button asks. A search
 * carries what to offer if it finds nothing (the router's likeliest actions for the message).
 */
export type FrameworkRequest = (
  | { kind: 'menu' }
  | { kind: 'ladder' }
  | { kind: 'level'; level: number }
  | { kind: 'recommended' }
  | { kind: 'training'; level?: number }
  | { kind: 'skill'; skillId: string }
  | { kind: 'search'; query: string; offers?: readonly NoticeAction[] }
) & { readonly from?: FromSearch };

/**
 * The card that answers a request. Never throws for bad input: a level or skill that does not exist gets a notice.
 * The menu is the employees' unless `menu` says it is an HR officer's.
 */
export function answer(active: ActiveFramework, request: FrameworkRequest, t: Translate, menu: MenuOptions = {}): AdaptiveCard {
  const { framework, searchIndex } = active;
  const levelOrNotice = (level: number, card: (level: number) => AdaptiveCard): AdaptiveCard =>
    framework.level(level)
      ? card(level)
      : catalogNotice(t, 'error.invalidAction.title', 'error.levelNotFound.body', { level, max: framework.highestLevel });
  switch (request.kind) {
    case 'menu':
      return menuCard(framework, t, menu);
    case 'ladder':
      return ladderCard(framework, t);
    case 'level':
      return levelOrNotice(request.level, (level) => levelCard(framework, level, t, request.from));
    case 'training':
      return levelOrNotice(request.level ?? 1, (level) => trainingCard(framework, level, t, request.from));
    case 'recommended':
      return recommendedSkillsCard(framework, t, request.from);
    case 'skill': {
      const skill = framework.skill(request.skillId);
      return skill ? skillCard(framework, skill, t, request.from) : catalogNotice(t, 'error.invalidAction.title', 'error.skillNotFound.body');
    }
    case 'search': {
      const exact = framework.document.requiredSkills.find((s) => s.name === request.query);
      if (exact) return skillCard(framework, exact, t);
      return (
        answerQuestion(active, request.query, t) ??
        unknownInputCard(request.query, similarTitles(searchIndex, request.query), request.offers ?? [], t)
      );
    }
  }
}
