import ja from './ja.json';
import en from './en.json';

/** The languages the bot speaks. Japanese is the default for every user. */
export type Locale = 'ja' | 'en';
export type MessageKey = keyof typeof ja;
export type MessageParams = Record<string, string | number>;
/** Looks up a message in one language and fills its `{placeholders}`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogs: Record<Locale, Record<MessageKey, string>> = { ja, en };

/** English for an English Teams client (en, en-US, en-GB …), Japanese for everything else. */
export function resolveLocale(clientLocale: string | undefined): Locale {
  return clientLocale?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

/** A translator for one language. An unknown placeholder is left visible rather than silently dropped. */
export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params = {}) =>
    catalog[key].replace(/\{(\w[\w-]*)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}
