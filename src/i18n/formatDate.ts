import type { Locale } from './index';

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one, and a card formats several dates.
const DATE_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'short', day: 'numeric' }),
};
const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A date as people in the city read it: in Japan's time zone, "2026年6月1日" or "1 Jun 2026". */
export function formatDate(iso: string, locale: Locale): string {
  return DATE_FORMATS[locale].format(new Date(iso));
}

/** A moment with its time of day, in Japan time: "2026年6月1日 09:30" or "1 Jun 2026 09:30". */
export function formatDateTime(iso: string, locale: Locale): string {
  return `${formatDate(iso, locale)} ${TIME_FORMAT.format(new Date(iso))}`;
}
