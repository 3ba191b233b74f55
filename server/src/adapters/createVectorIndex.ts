import { BruteForceIndex } from '@arenalab/core';
import type { VectorIndex } from '@arenalab/core';
import type { HnswConfig } from './hnswConfig';
import { loadHnswlib } from './hnswlibLoader';
import type { HnswlibModule } from './hnswlibLoader';
import { HnswVectorIndex } from './hnswVectorIndex';

/** Which index to build: approximate (HNSW) or exact (brute force). */
export type VectorIndexKind = 'hnsw' | 'exact';

export interface CreateVectorIndexOptions {
  kind: VectorIndexKind;
  /** HNSW settings; ignored for `exact`. */
  hnsw?: Partial<HnswConfig>;
  /** Loads hnswlib-node; replaceable so that the fallback path can be exercised. */
  loadHnswlib?: () => HnswlibModule;
}

/** The index that was built, and why it is not the requested kind when it is not. */
export interface CreatedVectorIndex {
  index: VectorIndex;
  kind: VectorIndexKind;
  /** Set when `hnsw` was asked for but hnswlib-node could not be loaded. */
  fallbackReason?: string;
}

/**
 * Builds the requested index. When `hnsw` is asked for but the native addon cannot be loaded (not
 * built, wrong platform), falls back to the exact index, which gives the same answers more slowly,
 * and says why, so that callers can warn instead of failing.
 */
export function createVectorIndex(dimension: number, options: CreateVectorIndexOptions = { kind: 'hnsw' }): CreatedVectorIndex {
  if (options.kind === 'exact') return { index: new BruteForceIndex(dimension), kind: 'exact' };
  const loaded = tryLoadHnswlib(options.loadHnswlib ?? loadHnswlib);
  if ('reason' in loaded) return { index: new BruteForceIndex(dimension), kind: 'exact', fallbackReason: loaded.reason };
  return { index: HnswVectorIndex.create(dimension, options.hnsw, loaded.hnswlib), kind: 'hnsw' };
}

/**
 * Which vector index this process can build (`hnsw` when the native addon loads, else `exact`), with the reason when
 * it is `exact`; what the language server tells the editor's status bar.
 */
export function availableVectorIndex(load: () => HnswlibModule = loadHnswlib): { kind: VectorIndexKind; reason?: string } {
  const loaded = tryLoadHnswlib(load);
  return 'reason' in loaded ? { kind: 'exact', reason: loaded.reason } : { kind: 'hnsw' };
}

/** hnswlib-node, or why it could not be loaded (in the words both callers report). */
function tryLoadHnswlib(load: () => HnswlibModule): { hnswlib: HnswlibModule } | { reason: string } {
  try {
    return { hnswlib: load() };
  } catch (error) {
    return { reason: `hnswlib-node could not be loaded (${(error as Error).message.split('\n')[0]}); using the exact brute-force index` };
  }
}
