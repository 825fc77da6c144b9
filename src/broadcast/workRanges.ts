/** How many deliveries one queue message hands out: small enough to spread work, large enough to keep messages few. */
export const DELIVERIES_PER_MESSAGE = 100;

/**
 * Cuts sorted delivery keys into contiguous ranges of at most `size` keys, each described by its first and last key,
 * so a queue message stays a few hundred bytes whatever the audience and one range query reads its deliveries.
 */
export function rangesOf(sortedKeys: readonly string[], size = DELIVERIES_PER_MESSAGE): { from: string; to: string }[] {
  const ranges: { from: string; to: string }[] = [];
  for (let start = 0; start < sortedKeys.length; start += size) {
    const slice = sortedKeys.slice(start, start + size);
    ranges.push({ from: slice[0]!, to: slice[slice.length - 1]! });
  }
  return ranges;
}
