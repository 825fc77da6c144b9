/**
 * A framework text with its line breaks kept on a card: Adaptive Card TextBlocks render markdown, where a single
 * line break may be joined into the line before, so each one becomes a paragraph break.
 */
export function keepLineBreaks(text: string): string {
  return text.replace(/\n+/g, '\n\n');
}
