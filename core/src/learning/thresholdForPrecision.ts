import type { CalibrationPoint } from './expectedCalibrationError';
import { CalibrationInputError, checkConfidence } from './expectedCalibrationError';

/** The show threshold found for a target precision, and what it does on the points it was chosen on. */
export interface PrecisionThreshold {
  /** Show a suggestion when its (raw) confidence is at least this. */
  threshold: number;
  /** Share right among the points at or above it. */
  precision: number;
  /** Share of all points at or above it. */
  coverage: number;
  shown: number;
}

/**
 * The lowest confidence threshold at which the suggestions shown would have been right at least `target` of the
 * time, on logged outcomes: the most suggestions for the precision the user asked for ("quiet mode" raises it).
 * Undefined when no threshold reaches the target with at least `minShown` suggestions shown.
 */
export function thresholdForPrecision(points: readonly CalibrationPoint[], target: number, minShown = 5): PrecisionThreshold | undefined {
  if (!(target > 0 && target <= 1)) throw new CalibrationInputError(`target precision must be in (0, 1], got ${target}`);
  points.forEach((p, i) => checkConfidence(p.confidence, `points[${i}]`));
  const sorted = [...points].sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let best: PrecisionThreshold | undefined;
  for (let i = 0; i < sorted.length; i++) {
    right += sorted[i].correct ? 1 : 0;
    // A threshold sits between distinct confidences: ties are shown or hidden together.
    if (i + 1 < sorted.length && sorted[i + 1].confidence === sorted[i].confidence) continue;
    const shown = i + 1;
    const precision = right / shown;
    if (shown >= minShown && precision >= target) best = { threshold: sorted[i].confidence, precision, coverage: shown / sorted.length, shown };
  }
  return best;
}
