import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { aadObjectIdOf } from './roster';
import { measure, now, type Elapsed, type Stats } from './measure';
import type { Sink } from './sink';

/** The Adaptive Card an Action.Execute answers with, as JSON. */
export type InvokeCard = { type: 'AdaptiveCard' } & Record<string, unknown>;

/** Talks to the bot over HTTP as Teams would, one user per index, replies collected by the sink. */
export interface ChatClient {
  /** Sends a chat message; resolves with the time from the POST until the reply reached the sink. */
  say(user: number, text: string): Promise<Elapsed>;
  /** Clicks an Action.Execute button; resolves with the card of the invoke response once it is back. */
  click(user: number, verb: string, data: unknown): Promise<InvokeCard>;
}

export function chatClient(botUrl: string, sink: Sink): ChatClient {
  const activity = (user: number, overrides: Partial<Activity>): Partial<Activity> => ({
    id: randomUUID(),
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl: sink.url,
    locale: 'ja-JP',
    from: { id: `29:bench-${user}`, name: `職員 ${user}`, aadObjectId: aadObjectIdOf(user) },
    recipient: { id: '28:dx-navi', name: 'DX Navi' },
    conversation: { id: `a:bench-${user}`, conversationType: 'personal', tenantId: 'tenant-1', isGroup: false, name: '' },
    ...overrides,
  });
  const post = async (body: Partial<Activity>): Promise<string> => {
    const response = await fetch(botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`the bot answered ${response.status}: ${text}`);
    return text;
  };
  return {
    async say(user, text) {
      const sent = activity(user, { type: 'message', text });
      const start = now();
      const [, arrivedAt] = await Promise.all([post(sent), sink.replyTo(sent.id!)]);
      return { elapsedMs: arrivedAt - start };
    },
    async click(user, verb, data) {
      const invoke = activity(user, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data } },
        replyToId: 'card-1',
      });
      const body = JSON.parse(await post(invoke)) as { statusCode?: number; value?: { type?: string } };
      if (body.statusCode !== 200 || body.value?.type !== 'AdaptiveCard') {
        throw new Error(`unexpected invoke response: ${JSON.stringify(body).slice(0, 200)}`);
      }
      return body.value as InvokeCard;
    },
  };
}

/** The messages the sequential round trips cycle through: the menu, a keyword search, a level. */
export const ROUND_TRIP_TEXTS: readonly string[] = ['メニュー', 'AI', 'レベル3'];

/** 300 sequential message round trips of user 0 (POST → reply at the sink), cycling through ROUND_TRIP_TEXTS. */
export function measureMessages(chat: ChatClient, name: string): Promise<Stats> {
  return measure(name, 300, (i) => chat.say(0, ROUND_TRIP_TEXTS[i % ROUND_TRIP_TEXTS.length]!));
}

/** 200 sequential framework.level clicks of user 0 (Action.Execute → invoke response), levels 1 to 5 in turn. */
export function measureLevelClicks(chat: ChatClient, name: string): Promise<Stats> {
  return measure(name, 200, (i) => chat.click(0, 'framework.level', { level: (i % 5) + 1 }));
}
