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
import { menuOptions, type MenuRoster } from './menuOptions';
import { parseCommand } from './parseCommand';

/** Longer messages are not questions to this bot; they get a polite limit instead of a search. */
export const MAX_MESSAGE_CHARS = 500;

/**
 * Browsing the framework: chat commands, keyword search and the cards' navigation buttons. The roster is read only
 * for the menu, which leads HR officers on to the HR menu and managers to their team.
 */
export function registerFrameworkFeature(app: Application<TurnState>, catalog: FrameworkCatalog, roster: MenuRoster): void {
  const respond = (context: TurnContext, request: FrameworkRequest): Promise<AdaptiveCard> => {
    const t = translatorFor(context);
    return withActiveFramework(catalog, t, async (active) => {
      const menu = request.kind === 'menu' ? await menuOptions(context, roster) : {};
      return answer(active, request, t, menu);
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
