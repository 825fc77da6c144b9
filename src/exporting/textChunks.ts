/**
 * Cuts text into pieces of at most `maxChars` UTF-16 code units (how Table storage measures a string property),
 * never between the two halves of a surrogate pair: each piece is encoded to UTF-8 on its own when it is downloaded,
 * and half a pair would turn a character such as 𠮷 into two replacement marks. Joined, the pieces are the text.
 */
export function textChunks(text: string, maxChars: number): string[] {
  if (maxChars < 2) throw new RangeError('a chunk must hold at least one surrogate pair');
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + maxChars, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
