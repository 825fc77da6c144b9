import type { Activity } from 'botbuilder';
import { conversationKey } from '../../src/features/conversations/conversationKey';

function activity(
  conversationType: string | undefined,
  from: { id: string; aadObjectId?: string } | undefined,
  channelData?: unknown,
): Partial<Activity> {
  return {
    conversation: { id: 'conv-1', conversationType, isGroup: false, name: '' } as Activity['conversation'],
    from: from ? { name: 'User', ...from } : undefined,
    channelData,
  };
}

describe('conversationKey', () => {
  it('keys a personal chat by the user\'s Entra object id', () => {
    expect(conversationKey(activity('personal', { id: '29:teams-user', aadObjectId: 'aad-1' }))).toEqual({
      scope: 'user',
      key: 'aad-1',
    });
  });

  it('falls back to the Teams user id when there is no object id', () => {
    expect(conversationKey(activity('personal', { id: '29:teams-user' }))).toEqual({ scope: 'user', key: '29:teams-user' });
  });

  it('treats a conversation without a type as personal', () => {
    expect(conversationKey(activity(undefined, { id: 'u', aadObjectId: 'aad-2' }))).toEqual({ scope: 'user', key: 'aad-2' });
  });

  it('keys a channel conversation by its team', () => {
    const channel = activity('channel', { id: 'u', aadObjectId: 'aad-1' }, { team: { id: '19:team@thread.tacv2' } });
    expect(conversationKey(channel)).toEqual({ scope: 'team', key: '19:team@thread.tacv2' });
  });

  it('records nothing for a channel message without a team', () => {
    expect(conversationKey(activity('channel', { id: 'u', aadObjectId: 'aad-1' }, {}))).toBeUndefined();
  });

  it('records nothing for a group chat', () => {
    expect(conversationKey(activity('groupChat', { id: 'u', aadObjectId: 'aad-1' }))).toBeUndefined();
  });

  it('records nothing without a sender', () => {
    expect(conversationKey(activity('personal', undefined))).toBeUndefined();
  });
});
