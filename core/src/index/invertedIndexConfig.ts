/** Settings of an {@link InvertedIndex}. BM25's are query-time only: they are not stored in a serialized index. */
export interface InvertedIndexConfig {
  /**
   * BM25 term-frequency saturation: higher lets repeated tokens count for more. Bounds: ≥ 0.
   * @default 1.2
   */
  k1: number;
  /**
   * BM25 length normalisation: 0 ignores document length, 1 normalises fully. Bounds: 0–1.
   * @default 0.75
   */
  b: number;
  /**
   * Work cap per query, in postings scanned. Once it is spent and at least k documents have a score, the remaining
   * (most frequent, least informative) query terms only add to documents already found instead of scanning their
   * lists, and the search reports itself inexact in its trace. Without the cap a long query made of many
   * mid-frequency tokens scans over a million postings at 1M documents (~80 ms); 500k bounds a query near 30 ms.
   * Bounds: ≥ 1.
   * @default 500_000
   */
  maxPostingsPerQuery: number;
  /**
   * Removed documents stay in the posting lists as tombstones until they are more than this share of all stored
   * documents; then the lists are compacted in one pass. Bounds: 0–1.
   * @default 0.25
   */
  compactDeadFraction: number;
  /**
   * A candidate set (filter given as a set of ids) up to this size is scored directly, looking each candidate up in
   * the query terms' lists, instead of scanning the lists. Bounds: ≥ 0.
   * @default 50_000
   */
  directScoreLimit: number;
}

export const DEFAULT_INVERTED_INDEX_CONFIG: Readonly<InvertedIndexConfig> = {
  k1: 1.2,
  b: 0.75,
  maxPostingsPerQuery: 500_000,
  compactDeadFraction: 0.25,
  directScoreLimit: 50_000,
};

/** Fills defaults and rejects out-of-range values with a TypeError naming the field. */
export function resolveInvertedIndexConfig(config: Partial<InvertedIndexConfig> = {}): InvertedIndexConfig {
  const resolved = { ...DEFAULT_INVERTED_INDEX_CONFIG, ...config };
  const check = (ok: boolean, field: keyof InvertedIndexConfig) => {
    if (!ok) throw new TypeError(`InvertedIndex: ${field} is out of range (${resolved[field]})`);
  };
  check(resolved.k1 >= 0, 'k1');
  check(resolved.b >= 0 && resolved.b <= 1, 'b');
  check(resolved.maxPostingsPerQuery >= 1, 'maxPostingsPerQuery');
  check(resolved.compactDeadFraction >= 0 && resolved.compactDeadFraction <= 1, 'compactDeadFraction');
  check(resolved.directScoreLimit >= 0, 'directScoreLimit');
  return resolved;
}
