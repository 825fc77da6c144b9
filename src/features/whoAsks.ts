import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/renderCard';
import type { Logger } from '../logger';
import type { FrameworkCatalog } from '../storage/frameworkCatalog';
import type { RosterRepository } from '../storage/rosterRepository';
import { refuseUnlessHr } from './applications/refusals';
import type { StaffWho } from './applications/who';
import { noticeCard } from './notices';
import { inPersonalChat, type PersonalChatNotice, type Sender } from './personalTurn';
import { VERBS } from './verbs';

/** Where the roster is read to learn who asks. */
export type AskersRoster = Pick<RosterRepository, 'findByAadObjectId'>;

/** What a feature does for the one who asks, once they may: usually the card that answers them. */
export type ForWho<T = AdaptiveCard> = (who: StaffWho) => Promise<T> | T;

/** Runs a feature's step for the sender of a turn: its result, or the card that says why it did not run. */
export type Asking = <T = AdaptiveCard>(context: TurnContext, use: ForWho<T>) => Promise<T | AdaptiveCard>;

/** Runs a step of HR's for the sender of a turn; `action` names it in the log of a refusal. */
export type AskingHr = <T = AdaptiveCard>(context: TurnContext, action: string, use: ForWho<T>) => Promise<T | AdaptiveCard>;

/**
 * Who asks, as the roster knows them, for a personal feature (a self-assessment, an application, an approval, HR's
 * work): it answers only in the personal chat (in a channel or a group chat the feature's notice says where to go
 * instead, and nothing is read), and only for people on the roster. Anyone else is told why, in their language, and
 * nothing of theirs is read or stored: the framework itself is open to everyone.
 */
export function askingInPersonalChat(catalog: FrameworkCatalog, roster: AskersRoster, notice: PersonalChatNotice): Asking {
  return <T>(context: TurnContext, use: ForWho<T>) =>
    inPersonalChat<T | AdaptiveCard>(context, catalog, notice, async (sender) => {
      const employee = await roster.findByAadObjectId(sender.aadObjectId);
      return employee ? use({ ...sender, employee }) : rosterRequired(sender);
    });
}

/** Why the personal features need the roster, and whom to ask if the person should be on it. */
export function rosterRequired({ t, framework }: Pick<Sender, 't' | 'framework'>): AdaptiveCard {
  const contact = framework.contactName;
  const ask = contact ? t('roster.required.askContact', { contact }) : t('roster.required.askOffice');
  return noticeCard(t, t('roster.required.title'), `${t('roster.required.body')}\n\n${ask}`, 'default', {
    title: t('roster.required.browse'),
    verb: VERBS.ladder,
    data: {},
  });
}

/**
 * Narrows `asking` to steps that are HR's alone: anyone the roster does not make HR (never a card's say) gets a
 * refusal, logged, before anything is read or changed.
 */
export function hrOnly(asking: Asking, logger: Logger): AskingHr {
  return <T>(context: TurnContext, action: string, use: ForWho<T>) =>
    asking<T | AdaptiveCard>(context, (who) => refuseUnlessHr(who, action, logger) ?? use(who));
}
