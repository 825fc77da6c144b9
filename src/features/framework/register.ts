import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import { withActiveFramework } from '../activeFramework';
import { catalogNotice } from '../notices';
import { sendCard, translatorFor } from '../turn';
import { VERBS } from '../verbs';
import { answer, type FrameworkRequest } from './answer';
import { fromSearch } from './views/fromSearch';
import { menuOptions, type MenuSources } from './menuOptions';
import { parseCommand } from './parseCommand';

/** Longer messages are not questions to this bot; they get a polite limit instead of a search. */
export const MAX_MESSAGE_CHARS = 500;

/**
 * Browsing the framework: chat commands, keyword search and the cards' navigation buttons. Storage is read only for
 * the menu, which leads HR officers on to the HR menu, managers to their team, and approvers to what waits for them.
 */
export function registerFrameworkFeature(app: Application<TurnState>, catalog: FrameworkCatalog, menu: MenuSources): void {
  const respond = (context: TurnContext, request: FrameworkRequest): Promise<AdaptiveCard> => {
    const t = translatorFor(context);
    return withActiveFramework(catalog, t, async (active) => {
      const options = request.kind === 'menu' ? await menuOptions(context, active.framework.id, menu) : {};
      return answer(active, request, t, options);
    });
  };

  app.activity(ActivityTypes.Message, async (context) => {
    const text = (context.activity.text ?? '').trim();
    if (text.length > MAX_MESSAGE_CHARS) {
      const t = translatorFor(context);
      await sendCard(context, catalogNotice(t, 'error.tooLong.title', 'error.tooLong.body', { max: MAX_MESSAGE_CHARS }));
      return;
    }
    await sendCard(context, await respond(context, text === '' ? { kind: 'menu' } : parseCommand(text)));
  });

  onAction(app, VERBS.menu, (context) => respond(context, { kind: 'menu' }));
  onAction(app, VERBS.ladder, (context) => respond(context, { kind: 'ladder' }));
  onAction(app, VERBS.level, (context, { level, item, query }) => respond(context, { kind: 'level', level, from: fromSearch(query, item) }));
  onAction(app, VERBS.skill, (context, { skillId, query }) => respond(context, { kind: 'skill', skillId, from: fromSearch(query) }));
  onAction(app, VERBS.recommended, (context, { query }) => respond(context, { kind: 'recommended', from: fromSearch(query) }));
  onAction(app, VERBS.training, (context, { level, item, query }) => respond(context, { kind: 'training', level, from: fromSearch(query, item) }));
  onAction(app, VERBS.search, (context, { query }) => respond(context, { kind: 'search', query }));
}
