/** One logged prediction: the confidence it was shown with and whether it turned out right. */
export interface CalibrationPoint {
  confidence: number;
  correct: boolean;
}

/** A confidence outside [0, 1] or not a number. */
export class CalibrationInputError extends Error {
  readonly code = 'CALIBRATION_INPUT' as const;

  constructor(message: string) {
    super(message);
    this.name = 'CalibrationInputError';
  }
}

export function checkConfidence(confidence: number, where: string): number {
  if (typeof confidence !== 'number' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1) {
    throw new CalibrationInputError(`${where}: confidence must be a number in [0, 1], got ${String(confidence)}`);
  }
  return confidence;
}

/** The equal-width bin of a confidence; 1 falls into the last bin. */
export function binOf(confidence: number, bins: number): number {
  return Math.min(bins - 1, Math.floor(confidence * bins));
}

/**
 * Expected calibration error: over equal-width confidence bins, the mean gap between the confidence claimed and the
 * share that was right, weighted by how many predictions fell in the bin. 0 is perfectly calibrated; 0 for no points.
 */
export function expectedCalibrationError(points: readonly CalibrationPoint[], bins = 10): number {
  if (!Number.isInteger(bins) || bins < 1) throw new CalibrationInputError(`bins must be a positive integer, got ${bins}`);
  const count = new Array<number>(bins).fill(0);
  const claimed = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  points.forEach((p, i) => {
    const b = binOf(checkConfidence(p.confidence, `points[${i}]`), bins);
    count[b]++;
    claimed[b] += p.confidence;
    right[b] += p.correct ? 1 : 0;
  });
  let gap = 0;
  for (let b = 0; b < bins; b++) if (count[b] > 0) gap += Math.abs(right[b] - claimed[b]);
  return points.length === 0 ? 0 : gap / points.length;
}
