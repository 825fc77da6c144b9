import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, TurnContext, type ConversationReference } from 'botbuilder';
import type { ConversationRepository } from '../../storage/conversationRepository';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import type { RosterRepository } from '../../storage/rosterRepository';
import { welcomeCard } from '../framework/views/welcomeView';
import { catalogNotice } from '../notices';
import { localeOf, sendCard, translatorFor } from '../turn';
import { conversationKey } from './conversationKey';

/** Channels the bot serves. Teams is the product; the Emulator is for developers. */
const SUPPORTED_CHANNELS = new Set(['msteams', 'emulator']);

/** What keeping conversations needs: where they are kept, the roster, and who to tell that someone can be reached. */
export interface ConversationsDeps {
  readonly conversations: ConversationRepository;
  readonly roster: Pick<RosterRepository, 'findByAadObjectId'>;
  /** Called (not awaited) on every turn of an employee, who has just proved reachable: notices kept for them can go now. */
  readonly reachable: (aadObjectId: string) => void;
}

/**
 * Keeps a conversation reference for every employee on the roster who installs the app or writes to the bot
 * (broadcasts and notifications need one), hands them what was kept for them while they could not be reached,
 * welcomes new users, and turns away activities from channels the bot does not serve.
 */
export function registerConversationsFeature(app: Application<TurnState>, { conversations, roster, reachable }: ConversationsDeps, catalog: FrameworkCatalog): void {
  const remember = async (context: TurnContext): Promise<void> => {
    const who = conversationKey(context.activity);
    if (!who) return;
    // Only the staff are written to; nothing is kept about anyone else (a guest, someone who left).
    if (who.scope === 'user' && !(await roster.findByAadObjectId(who.key))) return;
    await conversations.save({
      ...who,
      name: who.scope === 'user' ? context.activity.from?.name : undefined,
      tenantId: context.activity.conversation?.tenantId,
      locale: localeOf(context),
      reference: proactiveReference(context),
    });
    if (who.scope === 'user') reachable(who.key);
  };

  app.turn('beforeTurn', async (context) => {
    if (!SUPPORTED_CHANNELS.has(context.activity.channelId)) {
      if (context.activity.type === 'message') {
        await context.sendActivity(translatorFor(context)('error.unsupportedChannel'));
      }
      return false;
    }
    // Messages and button clicks both prove where the user is: either keeps the reference current.
    if (context.activity.type === 'message' || context.activity.type === 'invoke') await remember(context);
    return true;
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    if (context.activity.action?.startsWith('add')) await remember(context);
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const botWasAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
    if (!botWasAdded) return;
    await remember(context);
    const active = await catalog.current();
    const t = translatorFor(context);
    await sendCard(
      context,
      active ? welcomeCard(active.framework, t) : catalogNotice(t, 'error.noFramework.title', 'error.noFramework.body'),
    );
  });
}

/**
 * Where to reach the person later: the conversation, without the id of the message that carried it. Notices start
 * messages of their own rather than answer an old one, and a reference that does not change with every message is
 * written once, not on every turn.
 */
function proactiveReference(context: TurnContext): Partial<ConversationReference> {
  const reference = TurnContext.getConversationReference(context.activity);
  delete reference.activityId;
  return reference;
}
