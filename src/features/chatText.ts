/**
 * A chat message as the command parsers read it: full-width folded (ＬＶ３ → LV3), trimmed, trailing 。/!/? dropped
 * (a lone "?" stays: it asks for help), runs of spaces made one. teams-ai has already removed the bot's @mention.
 */
export function normalizeChatText(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .trim()
    .replace(/(?<=[^。.!！?？])[。.!！?？]+$/u, '')
    .replace(/\s+/g, ' ');
}
