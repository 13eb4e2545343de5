// A get-or-compute cache that forgets its oldest entry when full. For results that depend only on their key
// and are asked for again and again (a passage sentence's facts, a word's stem, a formatted date), where the
// keys may come from what people type, so the cache must not grow without end.

export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly maxEntries: number) {}

  /** The value kept for `key`, computed (and kept) on first use. */
  get(key: K, compute: (key: K) => V): V {
    if (this.entries.has(key)) return this.entries.get(key)!;
    const value = compute(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
