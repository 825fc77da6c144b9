import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/renderCard';
import type { Framework } from '../domain/framework/framework';
import type { Locale, MessageKey, Translate } from '../i18n';
import type { FrameworkCatalog } from '../storage/frameworkCatalog';
import { withActiveFramework } from './activeFramework';
import { catalogNotice } from './notices';
import { localeOf, translatorFor } from './turn';

/** The sender of a personal-chat turn: who they are (from the activity, never from card data) and their language. */
export interface Sender {
  readonly aadObjectId: string;
  readonly name: string;
  readonly framework: Framework;
  readonly t: Translate;
  readonly locale: Locale;
}

/** What a feature says in a channel or a group chat: its title, and the words that send the user to their personal chat. */
export interface PersonalChatNotice {
  readonly title: MessageKey;
  readonly body: MessageKey;
}

/**
 * Runs `use` for the sender of a turn that only belongs in the personal chat (a self-assessment, an application):
 * in a team channel or a group chat everyone would see the answers, so the bot says where to go instead.
 */
export function inPersonalChat<T = AdaptiveCard>(
  context: TurnContext,
  catalog: FrameworkCatalog,
  notice: PersonalChatNotice,
  use: (sender: Sender) => Promise<T>,
): Promise<T | AdaptiveCard> {
  const t = translatorFor(context);
  if (!isPersonalChat(context)) return Promise.resolve(catalogNotice(t, notice.title, notice.body, {}, 'default'));
  return withActiveFramework(context, catalog, t, ({ framework }) =>
    use({ aadObjectId: senderAadObjectId(context), name: context.activity.from.name ?? '', framework, t, locale: localeOf(context) }),
  );
}

/** True unless the turn is in a team channel or a group chat (a turn that does not say is taken as personal). */
export function isPersonalChat(context: TurnContext): boolean {
  const conversationType = context.activity.conversation?.conversationType;
  return !conversationType || conversationType === 'personal';
}

/**
 * The Entra id of the sender, lower-case: clients send these GUIDs in either case; the roster stores them lower-case,
 * and so does every record made from a turn: one person, one spelling, so features compare ids as they are.
 */
export function senderAadObjectId(context: TurnContext): string {
  const { from } = context.activity;
  return (from.aadObjectId ?? from.id).toLowerCase();
}
