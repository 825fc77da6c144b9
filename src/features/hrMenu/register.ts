import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { Logger } from '../../logger';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import type { MessageRouter } from '../messageRouter';
import { VERBS } from '../verbs';
import { askingInPersonalChat, hrOnly, type AskersRoster } from '../whoAsks';
import { HR_MENU_INTENTS } from './intents';
import { hrMenuCard } from './views/hrMenuCard';

/** What HR's menu needs from outside. */
export interface HrMenuDeps {
  readonly roster: AskersRoster;
  readonly logger: Logger;
}

/** HR's menu: everything HR can do, each with the button that opens it. */
export function registerHrMenuFeature(app: TeamsApplication<TurnState>, router: MessageRouter, catalog: FrameworkCatalog, deps: HrMenuDeps): void {
  const asHr = hrOnly(askingInPersonalChat(catalog, deps.roster, { title: 'hrMenu.title', body: 'hrMenu.personalOnly' }), deps.logger);
  const open = (context: TurnContext): Promise<AdaptiveCard> => asHr(context, 'hrMenu', (who) => hrMenuCard(who.framework, who.t));

  router.on(HR_MENU_INTENTS.hrMenu, (context) => open(context));
  onAction(app, VERBS.hrMenu, (context) => open(context));
}
