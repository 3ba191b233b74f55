import { ConfigError } from '@arenalab/core';

/** Settings of the HNSW index. */
export interface HnswConfig {
  /**
   * Links per node per layer. Higher improves recall on hard data at the cost of memory
   * (about M × 8 bytes per point) and build time. Integer, 2..128.
   * @default 16
   */
  M: number;
  /**
   * Candidate list size while inserting; higher builds a better graph, more slowly.
   * Integer, 1..10000.
   * @default 200
   */
  efConstruction: number;
  /**
   * Candidate list size while searching (hnswlib uses at least k); higher raises recall and
   * lowers throughput. Integer, 1..10000.
   * @default 50
   */
  efSearch: number;
  /**
   * Points the index holds before its first resize; capacity then doubles as needed.
   * Integer, 1..2^31.
   * @default 1024
   */
  initialCapacity: number;
  /**
   * Seed of hnswlib's level generator, so that builds are reproducible. Integer ≥ 0.
   * @default 100
   */
  randomSeed: number;
}

export const DEFAULT_HNSW_CONFIG: Readonly<HnswConfig> = Object.freeze({
  M: 16,
  efConstruction: 200,
  efSearch: 50,
  initialCapacity: 1024,
  randomSeed: 100,
});

/** A saved HNSW index that cannot be loaded, with the file and the reason. */
export class HnswIndexFileError extends Error {
  readonly code = 'BAD_HNSW_INDEX_FILE' as const;

  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'HnswIndexFileError';
  }
}

const BOUNDS: Record<keyof HnswConfig, [number, number]> = {
  M: [2, 128],
  efConstruction: [1, 10_000],
  efSearch: [1, 10_000],
  initialCapacity: [1, 2 ** 31],
  randomSeed: [0, 2 ** 32 - 1],
};

/** Defaults filled in and every field checked against its bounds. */
export function resolveHnswConfig(config: Partial<HnswConfig>): HnswConfig {
  const resolved = { ...DEFAULT_HNSW_CONFIG, ...config };
  for (const field of Object.keys(BOUNDS) as Array<keyof HnswConfig>) {
    const [min, max] = BOUNDS[field];
    const value = resolved[field];
    if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError('BAD_HNSW_CONFIG', 'HNSW index', field, value, `an integer in ${min}..${max}`);
  }
  return resolved;
}
