import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import { normalizeChatText } from '../chatText';
import { sendCard } from '../turn';
import { VERBS } from '../verbs';
import { askingInPersonalChat } from '../whoAsks';
import { TeamFlow, type TeamDeps } from './teamFlow';

/** Chat words that open the team view, optionally followed by a manager's e-mail (HR's way to open any team). */
const TEAM_WORDS = /^(?:チーム|部下|マイチーム|チームの診断|team|my team)(?: (\S+@\S+))?$/i;

/** The manager's e-mail a chat message asks about ('' for one's own team), or undefined if it is not about a team. */
export function teamCommandOf(text: string | undefined): string | undefined {
  const match = TEAM_WORDS.exec(normalizeChatText(text));
  return match ? (match[1] ?? '') : undefined;
}

/** A manager's team view: chat words and the menu button. Register before the framework's catch-all message route. */
export function registerTeamFeature(app: TeamsApplication<TurnState>, catalog: FrameworkCatalog, deps: TeamDeps): void {
  const flow = new TeamFlow(deps);
  // A team's figures are not for a channel.
  const asking = askingInPersonalChat(catalog, deps.roster, { title: 'team.title', body: 'team.personalOnly' });

  app.message(
    (context) => Promise.resolve(teamCommandOf(context.activity.text) !== undefined),
    async (context) => sendCard(context, await asking(context, (who) => flow.show(who, teamCommandOf(context.activity.text) ?? ''))),
  );
  onAction(app, VERBS.teamShow, (context, { managerEmail }) => asking(context, (who) => flow.show(who, managerEmail)));
}
