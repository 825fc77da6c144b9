import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { translator } from '../../src/i18n';
import { importRoster } from '../../src/importing/importRoster';
import { cardOf, type BotHarness, type Card, type InvokeBody, type TestUser } from './botHarness';
import { ROSTER_HEADER } from './roster';

// What a protocol test does as the people of its roster, so each test reads like the story it tells: they are on the
// roster, they open the bot, they type, they click, and cards reach their personal chat.

export { ROSTER_HEADER };

/** Imports a roster file of these rows (below the header) into a bot's storage; throws if the import refuses it. */
export async function importRosterRows(bot: BotHarness, rows: readonly string[]): Promise<void> {
  const outcome = await importRoster([ROSTER_HEADER, ...rows].join('\n'), bot.bot.repositories.roster);
  if (outcome.status === 'invalid') throw new Error(`roster import failed: ${JSON.stringify(outcome.issues)}`);
}

/** Opens this fiscal year's windows of these tracks (all three unless said), from yesterday to a week from now. */
export async function openWindows(bot: BotHarness, tracks: readonly string[] = ['gold', 'silver', 'professional']): Promise<void> {
  const DAY = 86_400_000;
  const now = Date.now();
  for (const track of tracks) {
    await bot.bot.repositories.applicationWindows.save({
      frameworkId: bot.frameworkId,
      fiscalYear: fiscalYearOf(new Date(now)),
      track,
      opensAt: new Date(now - DAY).toISOString(),
      closesAt: new Date(now + 7 * DAY).toISOString(),
    });
  }
}

/** Each of these people opens the bot once, as a Teams user does, so the bot has a conversation to reach them later. */
export async function meet(bot: BotHarness, people: readonly TestUser[]): Promise<void> {
  for (const p of people) await bot.say('メニュー', { user: p });
}

/** Someone types in their personal chat; returns the card of the bot's reply. */
export async function sayTo(bot: BotHarness, who: TestUser, text: string, locale?: string): Promise<Card> {
  return cardOf(await bot.say(text, { user: who, locale }));
}

/** Someone clicks an Action.Execute button, answered with HTTP 200; returns the card that replaces the clicked one. */
export async function clickOn(bot: BotHarness, who: TestUser, verb: string, data: Record<string, unknown>): Promise<Card> {
  const { status, body } = await bot.click(verb, data, { user: who });
  expect(status).toBe(200);
  return body.value;
}

/**
 * Someone clicks a button whose answer comes below as new messages, the clicked card staying as it was (Teams shows
 * the click's short answer, "sent below", instead); returns the cards that reached their chat meanwhile, in order.
 */
export async function clickForBelow(bot: BotHarness, who: TestUser, verb: string, data: Record<string, unknown>): Promise<Card[]> {
  const chat = inboxOf(bot, who);
  const { status, body } = await bot.click(verb, data, { user: who });
  expect({ verb, status, type: body.type, value: body.value }).toEqual({
    verb,
    status: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: translator('ja')('common.answeredBelow'),
  });
  return chat.take();
}

/** A team channel of the test tenant: whatever the bot shows there, the whole team sees. */
export const TEAM_CHANNEL = { id: '19:dx@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1', isGroup: true, name: 'DX' };

/** Someone clicks an Action.Execute button on a card in a team channel; returns the invoke response. */
export async function clickInChannel(
  bot: BotHarness,
  who: TestUser,
  verb: string,
  data: Record<string, unknown> = {},
): Promise<{ status: number; body: InvokeBody }> {
  const value = { action: { type: 'Action.Execute', verb, data } };
  const { status, body } = await bot.post(
    bot.activity({ type: 'invoke', name: 'adaptiveCard/action', value, replyToId: 'card-1', conversation: TEAM_CHANNEL }, { user: who }),
  );
  return { status, body: body as InvokeBody };
}

/** What reached someone's personal chat since the last look. */
export interface Inbox {
  /** The cards that arrived since the last look (none waited for). */
  take(): Card[];
  /** Waits until `count` cards arrived since the last look, and takes them: for what the bot sends in the background. */
  next(count: number): Promise<Card[]>;
}

/** The messages (not invoke answers) that reach someone's personal chat from now on: what the bot sends on its own. */
export function inboxOf(bot: BotHarness, who: TestUser): Inbox {
  const conversationId = `a:${who.id}`;
  let seen = bot.connector.activities(conversationId).length;
  const take = (): Card[] => {
    const all = bot.connector.activities(conversationId);
    const fresh = all.slice(seen).map(cardOf);
    seen = all.length;
    return fresh;
  };
  return {
    take,
    async next(count) {
      await bot.connector.waitForActivities(seen + count, { conversationId });
      return take();
    },
  };
}

/** A test's people talking to one bot. */
export interface Conversation {
  /** Types in one's personal chat; returns the card of the bot's reply. */
  readonly say: (who: TestUser, text: string, locale?: string) => Promise<Card>;
  /** Clicks an Action.Execute button, answered with HTTP 200; returns the card that replaces the clicked one. */
  readonly click: (who: TestUser, verb: string, data: Record<string, unknown>) => Promise<Card>;
  /** Clicks a button whose answer comes below, the clicked card staying; returns the cards sent below (see clickForBelow). */
  readonly clickBelow: (who: TestUser, verb: string, data: Record<string, unknown>) => Promise<Card[]>;
  /** The messages that reach someone's personal chat from now on. */
  readonly inbox: (who: TestUser) => Inbox;
}

/** Talking to the bot `bot()` gives: a getter, so a test file can start its bot in beforeAll. */
export function talkingTo(bot: () => BotHarness): Conversation {
  return {
    say: (who, text, locale) => sayTo(bot(), who, text, locale),
    click: (who, verb, data) => clickOn(bot(), who, verb, data),
    clickBelow: (who, verb, data) => clickForBelow(bot(), who, verb, data),
    inbox: (who) => inboxOf(bot(), who),
  };
}
