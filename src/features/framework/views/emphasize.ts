/**
 * Marks the phrases a role text emphasises in bold (Adaptive Card TextBlocks render **markdown**),
 * each phrase once, at its first occurrence after the previous one, as the source prints them in order.
 */
export function emphasize(text: string, phrases: readonly string[]): string {
  let out = '';
  let rest = text;
  for (const phrase of phrases) {
    const at = rest.indexOf(phrase);
    if (at < 0) continue;
    out += `${rest.slice(0, at)}**${phrase}**`;
    rest = rest.slice(at + phrase.length);
  }
  return out + rest;
}
