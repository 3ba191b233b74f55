import type { Cancellation } from '../ports/cancellation';
import type { Embedder } from '../ports/embedder';
import { sha256Hex } from '../util/sha256';
import { LruCache } from './lruCache';

/** Settings of the {@link CachedEmbedder}. */
export interface CachedEmbedderConfig {
  /**
   * Most vectors kept. At 512 float32 dimensions an entry takes about 2 KiB plus its key, so the
   * default holds about 20 MiB. Integer ≥ 1.
   * @default 10000
   */
  maxEntries: number;
}

export const DEFAULT_CACHED_EMBEDDER_CONFIG: Readonly<CachedEmbedderConfig> = Object.freeze({ maxEntries: 10_000 });

/** Hit and miss counts since construction (or the last `resetStats`). */
export interface EmbeddingCacheStats {
  hits: number;
  misses: number;
  size: number;
  evictions: number;
}

/**
 * Wraps any {@link Embedder} with a bounded LRU cache keyed by the inner embedder's current `id`
 * and the SHA-256 of the text, so a change of model or idf state never serves stale vectors.
 * Transparent: same `id` and `dimension` as the inner embedder. Returns copies, so callers may
 * mutate what they get without corrupting the cache.
 */
export class CachedEmbedder implements Embedder {
  private readonly cache: LruCache<string, Float32Array>;
  private hits = 0;
  private misses = 0;

  constructor(
    readonly inner: Embedder,
    config: Partial<CachedEmbedderConfig> = {},
  ) {
    this.cache = new LruCache(config.maxEntries ?? DEFAULT_CACHED_EMBEDDER_CONFIG.maxEntries);
  }

  get id(): string {
    return this.inner.id;
  }

  get dimension(): number {
    return this.inner.dimension;
  }

  get stats(): EmbeddingCacheStats {
    return { hits: this.hits, misses: this.misses, size: this.cache.size, evictions: this.cache.evictions };
  }

  resetStats(): void {
    this.hits = 0;
    this.misses = 0;
  }

  async embed(texts: readonly string[], token?: Cancellation): Promise<Float32Array[]> {
    const prefix = this.inner.id + '\u0000';
    const keys = texts.map((text) => prefix + sha256Hex(text));
    const results: Array<Float32Array | undefined> = keys.map((key) => this.cache.get(key));
    // Texts repeated within one call are embedded once.
    const missing = new Map<string, number[]>();
    results.forEach((hit, i) => {
      if (hit) return;
      const positions = missing.get(keys[i]);
      if (positions) positions.push(i);
      else missing.set(keys[i], [i]);
    });
    this.hits += texts.length - [...missing.values()].reduce((sum, p) => sum + p.length, 0);
    if (missing.size > 0) await this.fill(texts, missing, results, token);
    return results.map((vector) => Float32Array.from(vector as Float32Array));
  }

  private async fill(
    texts: readonly string[],
    missing: Map<string, number[]>,
    results: Array<Float32Array | undefined>,
    token: Cancellation | undefined,
  ): Promise<void> {
    const groups = [...missing.entries()];
    const fresh = await this.inner.embed(groups.map(([, positions]) => texts[positions[0]]), token);
    groups.forEach(([key, positions], g) => {
      this.cache.set(key, fresh[g]);
      this.misses++;
      this.hits += positions.length - 1;
      for (const position of positions) results[position] = fresh[g];
    });
  }
}
