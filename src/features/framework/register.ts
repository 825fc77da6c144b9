import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import { withActiveFramework } from '../activeFramework';
import type { MessageRouter } from '../messageRouter';
import { noticeCard } from '../notices';
import { localeOf, translatorFor } from '../turn';
import { VERBS } from '../verbs';
import { answer, type FrameworkRequest } from './answer';
import { FRAMEWORK_INTENTS } from './intents';
import { keptAnswer } from './keptAnswers';
import { menuOptions, type MenuSources } from './menuOptions';
import { fromSearch } from './views/fromSearch';

/**
 * Browsing the framework: the menu, the ladder, levels, skills and trainings, the search that answers everything the
 * router did not take for an action, and the cards' navigation buttons. Storage is read only for the menu, which
 * leads HR officers on to the HR menu, managers to their team, and approvers to what waits for them.
 */
export function registerFrameworkFeature(app: Application<TurnState>, router: MessageRouter, catalog: FrameworkCatalog, menu: MenuSources): void {
  const respond = (context: TurnContext, request: FrameworkRequest): Promise<AdaptiveCard> => {
    const t = translatorFor(context);
    return withActiveFramework(context, catalog, t, async (active) => {
      const options = request.kind === 'menu' ? await menuOptions(context, active.framework.id, menu) : {};
      const key = JSON.stringify([localeOf(context), request, options]);
      return keptAnswer(active.framework, key, () => answer(active, request, t, options));
    });
  };
  const thanks = (context: TurnContext): Promise<AdaptiveCard> => {
    const t = translatorFor(context);
    return Promise.resolve(noticeCard(t, t('thanks.title'), t('thanks.body'), 'good', { title: t('common.backToMenu'), verb: VERBS.menu, data: {} }));
  };

  router
    .on(FRAMEWORK_INTENTS.menu, (context) => respond(context, { kind: 'menu' }))
    .on(FRAMEWORK_INTENTS.thanks, thanks)
    .on(FRAMEWORK_INTENTS.ladder, (context) => respond(context, { kind: 'ladder' }))
    .on(FRAMEWORK_INTENTS.level, (context, { level }) => respond(context, { kind: 'level', level: level ?? 1 }))
    .on(FRAMEWORK_INTENTS.recommended, (context) => respond(context, { kind: 'recommended' }))
    .on(FRAMEWORK_INTENTS.training, (context, { level }) => respond(context, { kind: 'training', level }))
    .on(FRAMEWORK_INTENTS.search, (context, { query }, offers) => respond(context, { kind: 'search', query: query ?? '', offers }));

  onAction(app, VERBS.menu, (context) => respond(context, { kind: 'menu' }));
  onAction(app, VERBS.ladder, (context) => respond(context, { kind: 'ladder' }));
  onAction(app, VERBS.level, (context, { level, item, query }) => respond(context, { kind: 'level', level, from: fromSearch(query, item) }));
  onAction(app, VERBS.skill, (context, { skillId, query }) => respond(context, { kind: 'skill', skillId, from: fromSearch(query) }));
  onAction(app, VERBS.recommended, (context, { query }) => respond(context, { kind: 'recommended', from: fromSearch(query) }));
  onAction(app, VERBS.training, (context, { level, item, query }) => respond(context, { kind: 'training', level, from: fromSearch(query, item) }));
  onAction(app, VERBS.search, (context, { query }) => respond(context, { kind: 'search', query }));
}
