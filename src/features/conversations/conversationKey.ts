import type { Activity } from 'botbuilder';

/** Whom a conversation reaches: one user in a personal chat, or a whole team. Group chats are not recorded. */
export function conversationKey(activity: Partial<Activity>): { scope: 'user' | 'team'; key: string } | undefined {
  const conversationType = activity.conversation?.conversationType;
  if (conversationType === 'channel') {
    const team = (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    return team ? { scope: 'team', key: team } : undefined;
  }
  if (conversationType === 'groupChat') return undefined;
  const user = activity.from?.aadObjectId ?? activity.from?.id;
  return user ? { scope: 'user', key: user } : undefined;
}
