/**
 * A map that keeps at most `capacity` entries, forgetting the least recently used first: a cache of what a bot
 * instance has seen lately (people, their chats), whose memory stays flat however large the city's staff.
 */
export class BoundedMap<K, V> {
  // A Map iterates in insertion order; moving an entry to the end on every use makes the first the least recent.
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
