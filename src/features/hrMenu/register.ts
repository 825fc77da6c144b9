import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { Logger } from '../../logger';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import { normalizeChatText } from '../chatText';
import { sendCard } from '../turn';
import { VERBS } from '../verbs';
import { askingInPersonalChat, hrOnly, type AskersRoster } from '../whoAsks';
import { hrMenuCard } from './views/hrMenuCard';

/** Chat words that open HR's menu. */
const HR_MENU_WORDS = /^(?:HR ?メニュー|人事メニュー|管理メニュー|HR ?menu|admin)$/i;

/** True for a chat message asking for HR's menu. */
export function isHrMenuCommand(text: string | undefined): boolean {
  return HR_MENU_WORDS.test(normalizeChatText(text));
}

/** What HR's menu needs from outside. */
export interface HrMenuDeps {
  readonly roster: AskersRoster;
  readonly logger: Logger;
}

/**
 * HR's menu: everything HR can do, each with the button that opens it. Register before the framework's catch-all
 * message route.
 */
export function registerHrMenuFeature(app: TeamsApplication<TurnState>, catalog: FrameworkCatalog, deps: HrMenuDeps): void {
  const asHr = hrOnly(askingInPersonalChat(catalog, deps.roster, { title: 'hrMenu.title', body: 'hrMenu.personalOnly' }), deps.logger);
  const open = (context: TurnContext): Promise<AdaptiveCard> => asHr(context, 'hrMenu', (who) => hrMenuCard(who.framework, who.t));

  app.message(
    (context) => Promise.resolve(isHrMenuCommand(context.activity.text)),
    async (context) => sendCard(context, await open(context)),
  );
  onAction(app, VERBS.hrMenu, (context) => open(context));
}
