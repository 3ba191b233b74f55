/** One scored prediction: how sure it was, and whether it was right. */
export interface CalibrationPoint {
  confidence: number;
  correct: boolean;
}

/**
 * Expected calibration error with `bins` equal-width bins over [0, 1] (the standard 10-bin ECE): the
 * sample-weighted mean over non-empty bins of |accuracy − mean confidence|. 0 is perfect calibration.
 * Confidence 1 falls in the last bin; no points give 0.
 */
export function expectedCalibrationError(points: readonly CalibrationPoint[], bins = 10): number {
  if (points.length === 0) return 0;
  const count = new Array<number>(bins).fill(0);
  const confidence = new Array<number>(bins).fill(0);
  const correct = new Array<number>(bins).fill(0);
  for (const point of points) {
    const c = Math.min(1, Math.max(0, point.confidence));
    const bin = Math.min(bins - 1, Math.floor(c * bins));
    count[bin]++;
    confidence[bin] += c;
    if (point.correct) correct[bin]++;
  }
  let error = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b] > 0) error += (count[b] / points.length) * Math.abs(correct[b] / count[b] - confidence[b] / count[b]);
  }
  return error;
}
