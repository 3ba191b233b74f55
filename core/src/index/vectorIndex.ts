/** A nearest-neighbour hit: the id that was added and its cosine similarity to the query. */
export interface VectorHit {
  id: string;
  similarity: number;
}

/**
 * A vector index over L2-normalised vectors with cosine similarity. It knows ids and vectors only,
 * never spans. Implementations: `BruteForceIndex` (exact; fallback and test oracle) here, and an
 * HNSW index in the Node host.
 */
export interface VectorIndex {
  readonly dimension: number;
  readonly size: number;
  /** Adds or replaces the vector stored under `id`. */
  add(id: string, vector: Float32Array): void;
  /** Returns false when `id` was not present. */
  remove(id: string): boolean;
  has(id: string): boolean;
  /** Up to `k` hits, most similar first. */
  search(query: Float32Array, k: number): VectorHit[];
}
