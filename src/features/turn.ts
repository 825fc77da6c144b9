import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { resolveLocale, translator, type Locale, type Translate } from '../i18n';
import type { AdaptiveCard } from '../cards/renderCard';

/** The user's language: the Teams client's locale, from the activity or its clientInfo entity. */
export function localeOf(context: TurnContext): Locale {
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
