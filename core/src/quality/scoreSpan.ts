import type { Span } from '../spans/span';
import { scoreCoherence } from './coherence';
import { scoreCompleteness } from './completeness';
import { scoreImpact } from './impact';
import type { QualityConfig } from './qualityConfig';
import { DEFAULT_QUALITY_CONFIG } from './qualityConfig';
import type { QualityClass, QualityDimension, QualityMetrics, DimensionScore } from './qualityMetrics';
import { clampScore } from './qualityMetrics';
import { scoreProvenance } from './provenance';
import { scoreUniqueness } from './uniqueness';

/** What the meter needs beyond the span itself. */
export interface QualitySignals {
  /** Cosine similarities of the span to the most similar spans already in the dataset (any order). */
  neighbourSimilarities?: readonly number[];
  /**
   * A uniqueness already measured against the corpus, used as is: rescoring an enriched span whose embedding text
   * did not change must not measure it against a different index.
   */
  uniqueness?: DimensionScore;
}

/** Scores one span on the five dimensions; total = unweighted mean; class by the configured thresholds. */
export function scoreSpan(span: Span, signals: QualitySignals = {}, config: QualityConfig = DEFAULT_QUALITY_CONFIG): QualityMetrics {
  const breakdown: Record<QualityDimension, DimensionScore> = {
    completeness: scoreCompleteness(span, config),
    provenance: scoreProvenance(span, config),
    impact: scoreImpact(span, config),
    uniqueness: signals.uniqueness ?? scoreUniqueness(signals.neighbourSimilarities, config),
    coherence: scoreCoherence(span),
  };
  const total = clampScore(
    (breakdown.completeness.score +
      breakdown.provenance.score +
      breakdown.impact.score +
      breakdown.uniqueness.score +
      breakdown.coherence.score) /
      5,
  );
  return {
    completeness: breakdown.completeness.score,
    provenance: breakdown.provenance.score,
    impact: breakdown.impact.score,
    uniqueness: breakdown.uniqueness.score,
    coherence: breakdown.coherence.score,
    total_score: total,
    class: classifyScore(total, config),
    breakdown,
  };
}

/** ≥ diamondThreshold → diamond; ≥ needsEnrichmentThreshold → needs_enrichment; else discarded. */
export function classifyScore(total: number, config: QualityConfig = DEFAULT_QUALITY_CONFIG): QualityClass {
  if (total >= config.diamondThreshold) return 'diamond';
  if (total >= config.needsEnrichmentThreshold) return 'needs_enrichment';
  return 'discarded';
}
