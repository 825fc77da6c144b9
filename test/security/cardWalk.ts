// What the injection tests read on a card: where a piece of text sits, and whether Teams would show it as typed.
// Teams renders markdown in a TextBlock's text and in a FactSet's titles and values; a TextRun of a RichTextBlock and
// an input's value are shown as they are. Button data goes back to the bot and is never shown.

/** Text that people type and the bot shows again, as an attacker would write it. */
export const PAYLOADS = {
  link: '[詳細はこちら](https://evil.example/x)',
  bold: '**太字**',
  image: '![x](https://evil.example/p.png)',
  template: '${labels.title}',
  json: '"}],"actions":[{"type":"Action.OpenUrl","url":"https://evil.example"}]',
} as const;
export type PayloadName = keyof typeof PAYLOADS;
export const PAYLOAD_NAMES = Object.keys(PAYLOADS) as PayloadName[];

/** The host every payload's links point at: it must never reach a property of the card other than shown text. */
export const EVIL_HOST = 'evil.example';

/** One string on a card: what holds it (an element or action type, "Fact", "Choice", or "<action>.data") and under which key. */
export interface Place {
  readonly holder: string;
  readonly key: string;
  readonly text: string;
}

/** Every string of a card that contains `needle`, with what holds it. */
export function placesWith(card: unknown, needle: string): Place[] {
  const found: Place[] = [];
  const walk = (node: unknown, holder: string, parentKey: string): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, holder, parentKey);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const own = ownHolder(record, holder, parentKey);
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === 'string') {
        if (value.includes(needle)) found.push({ holder: own, key, text: value });
      } else {
        // Whatever an action carries in its data is sent back to the bot, not shown.
        walk(value, key === 'data' && own.startsWith('Action.') ? `${own}.data` : own, key);
      }
    }
  };
  walk(card, 'AdaptiveCard', '');
  return found;
}

function ownHolder(record: Record<string, unknown>, holder: string, parentKey: string): string {
  if (holder.endsWith('.data')) return holder;
  if (typeof record.type === 'string') return record.type;
  if (parentKey === 'facts') return 'Fact';
  if (parentKey === 'choices') return 'Choice';
  return holder;
}

/**
 * Where typed text may sit: shown as typed (a TextRun, an input's value, a choice of a choice set), or in button data
 * that is never shown.
 */
export function isPlain(place: Place): boolean {
  return (
    (place.holder === 'TextRun' && place.key === 'text') ||
    (place.holder.startsWith('Input.') && place.key === 'value') ||
    place.holder === 'Choice' ||
    place.holder.endsWith('.data')
  );
}

/** Where typed text is shown to the reader, as typed. */
function isShownAsTyped(place: Place): boolean {
  return isPlain(place) && !place.holder.endsWith('.data');
}

/**
 * What a card did with a payload: whether it shows it literally (`shown`, as typed, in a TextRun or an input), and
 * every place where the payload, or the host its links name, sits anywhere else (`elsewhere`: markdown, a URL, a
 * title…). `expected` is the text the card should show when it shortens what was typed.
 */
export function treatmentOf(card: unknown, expected: string): { shown: boolean; elsewhere: string[] } {
  const places = [...placesWith(card, expected), ...placesWith(card, EVIL_HOST)];
  const elsewhere = [...new Set(places.filter((p) => !isPlain(p)).map((p) => `${p.holder}.${p.key}: ${p.text}`))];
  return { shown: placesWith(card, expected).some(isShownAsTyped), elsewhere };
}

/** The treatment every card must give a payload: shown literally, as typed, and nowhere else. */
export const SHOWN_AS_TYPED = { shown: true, elsewhere: [] as string[] };

/** Every URL-valued property on a card (an action's or an image's `url`, `iconUrl`, a background image …). */
export function urlsOf(card: unknown): string[] {
  const urls: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && /url$|^backgroundImage$/i.test(key)) urls.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return urls;
}

/** Every element and action type on a card, in order: its structure, whatever its texts say. */
export function typesOf(card: unknown): string[] {
  const types: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string') types.push(record.type);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return types;
}
