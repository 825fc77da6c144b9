import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/renderCard';
import type { Logger } from '../logger';
import type { FrameworkCatalog } from '../storage/frameworkCatalog';
import type { RosterRepository } from '../storage/rosterRepository';
import { refuseUnlessHr } from './applications/refusals';
import type { Who } from './applications/who';
import { inPersonalChat, type PersonalChatNotice } from './personalTurn';

/** Where the roster is read to learn who asks. */
export type AskersRoster = Pick<RosterRepository, 'findByAadObjectId'>;

/** What a feature does for the one who asks, once they may. */
export type ForWho = (who: Who) => Promise<AdaptiveCard> | AdaptiveCard;

/** Runs a feature's step for the sender of a turn. */
export type Asking = (context: TurnContext, use: ForWho) => Promise<AdaptiveCard>;

/** Runs a step of HR's for the sender of a turn; `action` names it in the log of a refusal. */
export type AskingHr = (context: TurnContext, action: string, use: ForWho) => Promise<AdaptiveCard>;

/**
 * Who asks, as the roster knows them (or does not), for a feature that answers only in the personal chat: in a
 * channel or a group chat the feature's notice says where to go instead, and nothing is read.
 */
export function askingInPersonalChat(catalog: FrameworkCatalog, roster: AskersRoster, notice: PersonalChatNotice): Asking {
  return (context, use) =>
    inPersonalChat(context, catalog, notice, async (sender) =>
      use({ ...sender, employee: await roster.findByAadObjectId(sender.aadObjectId) }),
    );
}

/**
 * Narrows `asking` to steps that are HR's alone: anyone the roster does not make HR (never a card's say) gets a
 * refusal, logged, before anything is read or changed.
 */
export function hrOnly(asking: Asking, logger: Logger): AskingHr {
  return (context, action, use) => asking(context, (who) => refuseUnlessHr(who, action, logger) ?? use(who));
}
