/** A capacity that is not a positive integer. */
export class LruCacheConfigError extends Error {
  readonly code = 'BAD_LRU_CAPACITY' as const;

  constructor(capacity: number) {
    super(`LRU cache: capacity must be a positive integer, got ${capacity}`);
    this.name = 'LruCacheConfigError';
  }
}

/**
 * A bounded least-recently-used cache. A JavaScript Map iterates in insertion order, so re-inserting
 * on every hit keeps the least recently used entry first, and eviction takes the first key: O(1)
 * per operation without a hand-made linked list.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  private evicted = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new LruCacheConfigError(capacity);
  }

  get size(): number {
    return this.entries.size;
  }

  /** How many entries were dropped to make room since construction. */
  get evictions(): number {
    return this.evicted;
  }

  /** The value under `key`, marking it most recently used. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Whether `key` is cached, without touching its recency. */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
      this.evicted++;
    }
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Keys from least to most recently used. */
  keys(): K[] {
    return [...this.entries.keys()];
  }
}
