import type { Locale } from './index';

/** A date as people in the city read it: in Japan's time zone, "2026年6月1日" or "1 Jun 2026". */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
  }).format(new Date(iso));
}

/** A moment with its time of day, in Japan time: "2026年6月1日 09:30" or "1 Jun 2026 09:30". */
export function formatDateTime(iso: string, locale: Locale): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${formatDate(iso, locale)} ${time.format(new Date(iso))}`;
}
