import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import { withActiveFramework } from '../activeFramework';
import { offersHrMenu, type HrRoster } from '../hrMenu/offersHrMenu';
import type { MessageRouter } from '../messageRouter';
import { noticeCard } from '../notices';
import { translatorFor } from '../turn';
import { VERBS } from '../verbs';
import { answer, type FrameworkRequest } from './answer';
import { FRAMEWORK_INTENTS } from './intents';

/**
 * Browsing the framework: the menu, the ladder, levels, skills and trainings, the search that answers everything the
 * router did not take for an action, and the cards' navigation buttons. The roster is read only for the menu, which
 * leads HR officers on to the HR menu.
 */
export function registerFrameworkFeature(
  app: Application<TurnState>,
  router: MessageRouter,
  catalog: FrameworkCatalog,
  roster: HrRoster,
): void {
  const respond = (context: TurnContext, request: FrameworkRequest): Promise<AdaptiveCard> => {
    const t = translatorFor(context);
    return withActiveFramework(context, catalog, t, async (active) => {
      const menu = request.kind === 'menu' ? { offersHrMenu: await offersHrMenu(context, roster) } : {};
      return answer(active, request, t, menu);
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
  onAction(app, VERBS.level, (context, { level }) => respond(context, { kind: 'level', level }));
  onAction(app, VERBS.skill, (context, { skillId }) => respond(context, { kind: 'skill', skillId }));
  onAction(app, VERBS.recommended, (context) => respond(context, { kind: 'recommended' }));
  onAction(app, VERBS.training, (context, { level }) => respond(context, { kind: 'training', level }));
  onAction(app, VERBS.search, (context, { query }) => respond(context, { kind: 'search', query }));
}
