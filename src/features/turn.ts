import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { resolveLocale, translator, type Locale, type Translate } from '../i18n';
import type { AdaptiveCard } from '../cards/renderCard';

const PINNED_LANGUAGE = Symbol('pinnedLanguage');

/** Makes every message of this turn use one language, whatever the client says (see BOT_LANGUAGE). */
export function pinLanguage(context: TurnContext, locale: Locale): void {
  context.turnState.set(PINNED_LANGUAGE, locale);
}

/** The user's language: pinned for the turn, else the Teams client's locale, from the activity or its clientInfo. */
export function localeOf(context: TurnContext): Locale {
  const pinned = context.turnState.get<Locale | undefined>(PINNED_LANGUAGE);
  if (pinned) return pinned;
  const activity = context.activity;
  const clientInfo = activity.entities?.find((e) => e.type === 'clientInfo') as { locale?: string } | undefined;
  return resolveLocale(activity.locale ?? clientInfo?.locale);
}

/** A translator in the user's language. */
export function translatorFor(context: TurnContext): Translate {
  return translator(localeOf(context));
}

/** Sends a card as a new message. */
export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}
