/** Settings of the {@link QueryPlanner}. */
export interface QueryPlannerConfig {
  /**
   * Neighbours a vector step asks for first. When the whole query then yields fewer than k
   * results, the plan is run again with 4× as many, up to `maxVectorPool`. Bounds: ≥ 1.
   * @default 100
   */
  vectorPool: number;
  /** Largest number of neighbours a vector step asks for. Bounds: ≥ vectorPool. @default 10_000 */
  maxVectorPool: number;
  /**
   * A text step that must keep all its matches (a vector step still follows) and runs first lists every matching
   * document when its estimate is at most this; above, it keeps its best `max(k, vectorPool)`. Bounds: ≥ 0.
   * @default 50_000
   */
  textMaterializeLimit: number;
  /** A vector step scores up to this many candidates directly by cosine (needs `vectorOf`). Bounds: ≥ 0. @default 2_000 */
  directScoreLimit: number;
  /** Weight of the BM25 score (normalised by the best among the results) in the combined score. @default 1 */
  textWeight: number;
  /** Weight of the cosine similarity (mapped to 0–1) in the combined score. @default 1 */
  vectorWeight: number;
}

export const DEFAULT_QUERY_PLANNER_CONFIG: Readonly<QueryPlannerConfig> = {
  vectorPool: 100,
  maxVectorPool: 10_000,
  textMaterializeLimit: 50_000,
  directScoreLimit: 2_000,
  textWeight: 1,
  vectorWeight: 1,
};
