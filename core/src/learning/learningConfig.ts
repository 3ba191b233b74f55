import type { QualityConfig } from '../quality/qualityConfig';
import { DEFAULT_QUALITY_CONFIG } from '../quality/qualityConfig';

/** Settings of `learnFromOutcomes`; every field has a default in DEFAULT_LEARNING_CONFIG. */
export interface LearningConfig {
  /** An accepted-and-retained suggestion is kept as a diamond candidate at this quality or above. @default 80 */
  diamondQuality: number;
  /** A synthetic span from a feedback cluster is kept at this quality or above. @default 75 */
  syntheticQuality: number;
  /** Two pieces of feedback are neighbours at this token similarity or above. @default 0.7 */
  neighbourSimilarity: number;
  /** Neighbours (itself included) a piece of feedback needs to found a cluster. @default 2 */
  minClusterPoints: number;
  /** A cluster becomes a synthetic span only when its mean pairwise similarity reaches this. @default 0.7 */
  minCoherence: number;
  quality: QualityConfig;
}

export const DEFAULT_LEARNING_CONFIG: LearningConfig = {
  diamondQuality: 80,
  syntheticQuality: 75,
  neighbourSimilarity: 0.7,
  minClusterPoints: 2,
  minCoherence: 0.7,
  quality: DEFAULT_QUALITY_CONFIG,
};
