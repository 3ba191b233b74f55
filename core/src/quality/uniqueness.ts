import type { QualityConfig } from './qualityConfig';
import type { DimensionScore } from './qualityMetrics';
import { clampScore, ScoreSheet } from './qualityMetrics';

/**
 * Uniqueness: 100 − 100 × the mean cosine similarity of the `uniquenessNeighbours` (10)
 * most similar spans already in the dataset; 100 when there are none. Similarities are clamped to 0..1 first,
 * so an opposite vector counts as unrelated rather than as extra-unique.
 */
export function scoreUniqueness(neighbourSimilarities: readonly number[] | undefined, config: QualityConfig): DimensionScore {
  const top = [...(neighbourSimilarities ?? [])]
    .map((similarity) => (Number.isFinite(similarity) ? Math.min(1, Math.max(0, similarity)) : 0))
    .sort((a, b) => b - a)
    .slice(0, Math.max(1, config.uniquenessNeighbours));
  if (top.length === 0) return new ScoreSheet(100, 'no similar span in the dataset yet').result();
  const mean = top.reduce((sum, value) => sum + value, 0) / top.length;
  const sheet = new ScoreSheet(100, 'start');
  sheet.apply(-clampScore(100 * mean), `mean similarity ${mean.toFixed(3)} of the ${top.length} most similar spans`);
  return sheet.result();
}
