import { SPAN_SCHEMA_VERSION } from '../spans/span';
import { canonicalJson } from '../util/canonicalJson';
import type { DatasetConfig } from './datasetConfig';
import type { DatasetStats, DiamondDataset } from './datasetTypes';

/** Bumped whenever the export layout (manifest fields or line shape) changes incompatibly. */
export const DATASET_SCHEMA_VERSION = 1;
export const DATASET_FORMAT = 'arenalab-dataset';

/** What travels next to `spans.jsonl`: enough to check every line and the whole file on import. */
export interface DatasetManifest {
  format: typeof DATASET_FORMAT;
  schema_version: number;
  span_schema_version: number;
  name: string;
  version: string;
  created_at: string;
  frozen: boolean;
  span_count: number;
  /** `merkleRoot` over the spans' leaves `sha256(id:contentHash)`, sorted ascending (`datasetMerkleRoot`). */
  merkle_root: string;
  stats: DatasetStats;
  config: DatasetConfig;
  /** The embedder whose vectors the dataset had; vectors are not exported (recompute with `embedDataset`). */
  vectors: { embedder_id: string; dimension: number };
}

export interface DatasetExport {
  /** One canonical-JSON line per span, `{domain, hash, metrics, span}`, in dataset order, ending in a newline. */
  spansJsonl: string;
  manifest: DatasetManifest;
}

/**
 * Serialises a dataset. Embeddings stay behind: they are derivable from the spans with the named embedder and
 * would make the file an order of magnitude larger.
 */
export function exportDataset(dataset: DiamondDataset): DatasetExport {
  const lines = dataset.spans.map((entry) => canonicalJson({ domain: entry.domain, hash: entry.hash, metrics: entry.metrics, span: entry.span }));
  return {
    spansJsonl: lines.length === 0 ? '' : lines.join('\n') + '\n',
    manifest: {
      format: DATASET_FORMAT,
      schema_version: DATASET_SCHEMA_VERSION,
      span_schema_version: SPAN_SCHEMA_VERSION,
      name: dataset.name,
      version: dataset.version,
      created_at: dataset.created_at,
      frozen: dataset.frozen,
      span_count: dataset.spans.length,
      merkle_root: dataset.merkle_root,
      stats: dataset.stats,
      config: dataset.config,
      vectors: { embedder_id: dataset.indices.vector.embedder_id, dimension: dataset.indices.vector.dimension },
    },
  };
}
