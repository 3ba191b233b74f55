import type { QualityClass, QualityMetrics } from '../quality/qualityMetrics';
import type { Span } from '../spans/span';
import type { DatasetConfig } from './datasetConfig';
import type { EmbeddingTable } from './embeddingTable';

/** A span in a dataset: its content hash, its quality metrics and the domain it was clustered under. */
export interface DatasetSpan {
  span: Span;
  /** `spanContentHash(span)`: SHA-256 of the canonical JSON of the span without its id. */
  hash: string;
  metrics: QualityMetrics;
  /** Slash path such as `programming/typescript`: `context.environment`, else `detectDomain` of the text. */
  domain: string;
}

/** Id lists keyed by a property; every list is sorted by the dataset's span order. */
export type IdIndex = Record<string, string[]>;

export interface DatasetIndices {
  /** `did` → ids. */
  by_action: IdIndex;
  /** Full domain path → ids. */
  by_domain: IdIndex;
  /** Top-level domain (first path segment) → ids. */
  by_domain_group: IdIndex;
  /** Quality bucket `floor(total_score / 10) * 10` (as a string, `'80'`; `'100'` for a perfect score) → ids. */
  by_quality: IdIndex;
  /** UTC month of `when` (`'2024-03'`) → ids; `'unknown'` for unparseable dates. */
  by_time: IdIndex;
  /** Which embedder made the vectors and which span ids currently have one. */
  vector: { embedder_id: string; dimension: number; ids: string[] };
}

export interface DatasetStats {
  total_spans: number;
  /** Mean total_score, two decimals; 0 for an empty dataset. */
  avg_quality: number;
  domains: Record<string, number>;
  domain_groups: Record<string, number>;
  /** Earliest and latest `when` (ISO), or null when there are no valid dates. */
  date_range: { start: string; end: string } | null;
  classes: Record<QualityClass, number>;
}

export interface DiamondDataset {
  /** `name@version`. */
  id: string;
  name: string;
  /** Semver; rebuilding a dataset of the same name bumps the minor version. */
  version: string;
  /** ISO time of the build, from the injected Clock. */
  created_at: string;
  /** Ordered by `when`, then id. */
  spans: DatasetSpan[];
  stats: DatasetStats;
  indices: DatasetIndices;
  /** `merkleRoot` over the spans' leaves `sha256(id:contentHash)`, sorted ascending (`datasetMerkleRoot`). */
  merkle_root: string;
  frozen: boolean;
  /** The builder config that produced the dataset (recorded in the manifest). */
  config: DatasetConfig;
  /** Embeddings by span id; absent after import until `embedDataset` recomputes them. */
  vectors?: EmbeddingTable;
}

export const DROP_REASONS = ['class_not_kept', 'duplicate_id', 'exact_duplicate', 'near_duplicate', 'domain_balance'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export interface DroppedSpan {
  id: string;
  reason: DropReason;
  /** The kept span it duplicates (duplicates), or a short explanation. */
  detail: string;
}

export interface DropReport {
  counts: Record<DropReason, number>;
  dropped: DroppedSpan[];
}
