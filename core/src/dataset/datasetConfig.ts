import type { QualityClass } from '../quality/qualityMetrics';
import type { MinHashConfig } from './minHash';
import { DEFAULT_MINHASH_CONFIG } from './minHash';

export interface DatasetConfig {
  /** Dataset name; with `version` it identifies the dataset (`name@version`). @default 'diamond_dataset_v1' */
  name: string;
  /** Semver of this build. @default '1.0.0' */
  version: string;
  /** Quality classes admitted to the dataset. @default ['diamond'] */
  keepClasses: QualityClass[];
  /** Near-duplicate detection (MinHash + LSH). */
  nearDuplicate: MinHashConfig;
  /**
   * Most spans kept per full domain path, the best by total_score (ties: earlier `when`, then id), so that no
   * domain dominates. Range ≥ 1.
   * @default 1000
   */
  maxSpansPerDomain: number;
  /** Texts per embedder call for spans that arrive without an embedding. Range ≥ 1. @default 256 */
  embeddingBatchSize: number;
}

export const DEFAULT_DATASET_CONFIG: DatasetConfig = {
  name: 'diamond_dataset_v1',
  version: '1.0.0',
  keepClasses: ['diamond'],
  nearDuplicate: DEFAULT_MINHASH_CONFIG,
  maxSpansPerDomain: 1000,
  embeddingBatchSize: 256,
};
