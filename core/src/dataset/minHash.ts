import { seededRandom } from '../ports/random';

/**
 * Near-duplicate detection with MinHash and LSH banding. Texts become sets of word 3-shingles; each of
 * `permutations` seeded hash functions keeps its minimum over the set, and the fraction of equal minima
 * estimates the Jaccard similarity of the two sets (standard error ≈ √(J(1−J)/permutations), about 0.03 at
 * J = 0.85 with 128 permutations). Signatures are cut into `bands` of `rows`; two texts become candidates when
 * any band matches, which happens with probability 1 − (1 − J^rows)^bands: 99.4 % at J = 0.85 and 5 % at
 * J = 0.5 with 16 × 8, so the exact estimate is only computed for likely pairs.
 */
export interface MinHashConfig {
  /**
   * Estimated Jaccard similarity of word 3-shingle sets at or above which two spans are near-duplicates.
   * Range 0..1. At 0.85, changing one word in a 60-word answer (J ≈ 0.90) or only whitespace and case
   * (J = 1) is a duplicate; a different answer to the same question is not.
   * @default 0.85
   */
  threshold: number;
  /** Number of seeded hash functions; must equal bands × rows. @default 128 */
  permutations: number;
  /** LSH bands. @default 16 */
  bands: number;
  /** Signature rows per band. @default 8 */
  rows: number;
  /** Seed of the hash functions; signatures are comparable only under the same seed. @default 1 */
  seed: number;
}

export const DEFAULT_MINHASH_CONFIG: MinHashConfig = { threshold: 0.85, permutations: 128, bands: 16, rows: 8, seed: 1 };

export class MinHashConfigError extends Error {
  readonly code = 'MINHASH_CONFIG' as const;
  constructor(message: string) {
    super(`MinHash config: ${message}`);
    this.name = 'MinHashConfigError';
  }
}

const WORD = /[\p{L}\p{N}_]+/gu;

/**
 * Word 3-shingles of the lower-cased words; whitespace, punctuation and case do not matter. A text of one or
 * two words is a single shingle; a text without words has none.
 */
export function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(WORD) ?? [];
  if (words.length === 0) return new Set();
  if (words.length < 3) return new Set([words.join(' ')]);
  const result = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) result.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return result;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the output. */
function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class MinHasher {
  private readonly multipliers: Uint32Array;
  private readonly offsets: Uint32Array;

  constructor(readonly config: MinHashConfig = DEFAULT_MINHASH_CONFIG) {
    if (config.bands * config.rows !== config.permutations || config.permutations < 1) {
      throw new MinHashConfigError(`bands × rows (${config.bands} × ${config.rows}) must equal permutations (${config.permutations})`);
    }
    if (!(config.threshold >= 0 && config.threshold <= 1)) throw new MinHashConfigError(`threshold ${config.threshold} is not in 0..1`);
    const random = seededRandom(config.seed);
    this.multipliers = Uint32Array.from({ length: config.permutations }, () => (Math.floor(random.next() * 2 ** 32) | 1) >>> 0);
    this.offsets = Uint32Array.from({ length: config.permutations }, () => Math.floor(random.next() * 2 ** 32) >>> 0);
  }

  /** The MinHash signature of a text, or undefined when it has no shingles (such texts are never duplicates). */
  signature(text: string): Uint32Array | undefined {
    const set = shingles(text);
    if (set.size === 0) return undefined;
    const signature = new Uint32Array(this.config.permutations).fill(0xffffffff);
    for (const shingle of set) {
      const base = fmix32(fnv1a(shingle));
      for (let i = 0; i < signature.length; i++) {
        const value = fmix32((Math.imul(this.multipliers[i], base) + this.offsets[i]) >>> 0);
        if (value < signature[i]) signature[i] = value;
      }
    }
    return signature;
  }
}

/** Fraction of equal signature slots: an unbiased estimate of the Jaccard similarity of the shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/** LSH buckets over the signatures added so far; finds an earlier near-duplicate of a new signature. */
export class NearDuplicateIndex {
  private readonly buckets = new Map<string, number[]>();
  private readonly entries: { id: string; signature: Uint32Array }[] = [];

  constructor(private readonly config: MinHashConfig = DEFAULT_MINHASH_CONFIG) {}

  /** The id of the most similar earlier entry at or above the threshold, if any. */
  findDuplicate(signature: Uint32Array): { id: string; jaccard: number } | undefined {
    let best: { id: string; jaccard: number } | undefined;
    const seen = new Set<number>();
    for (const key of this.bandKeys(signature)) {
      for (const slot of this.buckets.get(key) ?? []) {
        if (seen.has(slot)) continue;
        seen.add(slot);
        const jaccard = estimateJaccard(signature, this.entries[slot].signature);
        if (jaccard >= this.config.threshold && (!best || jaccard > best.jaccard)) best = { id: this.entries[slot].id, jaccard };
      }
    }
    return best;
  }

  add(id: string, signature: Uint32Array): void {
    const slot = this.entries.push({ id, signature }) - 1;
    for (const key of this.bandKeys(signature)) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(slot);
      else this.buckets.set(key, [slot]);
    }
  }

  private bandKeys(signature: Uint32Array): string[] {
    const keys: string[] = [];
    for (let band = 0; band < this.config.bands; band++) {
      const start = band * this.config.rows;
      keys.push(`${band}:${signature.subarray(start, start + this.config.rows).join(',')}`);
    }
    return keys;
  }
}
