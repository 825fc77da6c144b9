import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import type { MessageRouter } from '../messageRouter';
import { VERBS } from '../verbs';
import { askingInPersonalChat } from '../whoAsks';
import { TEAM_INTENTS } from './intents';
import { TeamFlow, type TeamDeps } from './teamFlow';

/** A manager's team view, asked in chat (with a manager's e-mail: HR's way to open any team) or from the menu. */
export function registerTeamFeature(app: TeamsApplication<TurnState>, router: MessageRouter, catalog: FrameworkCatalog, deps: TeamDeps): void {
  const flow = new TeamFlow(deps);
  // A team's figures are not for a channel.
  const asking = askingInPersonalChat(catalog, deps.roster, { title: 'team.title', body: 'team.personalOnly' });

  router.on(TEAM_INTENTS.team, (context, { email }) => asking(context, (who) => flow.show(who, email ?? '')));
  onAction(app, VERBS.teamShow, (context, { managerEmail }) => asking(context, (who) => flow.show(who, managerEmail)));
}
