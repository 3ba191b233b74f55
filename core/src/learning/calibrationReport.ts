import type { Random } from '../ports/random';
import type { CalibrationMethod } from './calibrator';
import { Calibrator } from './calibrator';
import type { CalibrationPoint } from './expectedCalibrationError';
import { expectedCalibrationError } from './expectedCalibrationError';
import type { PrecisionThreshold } from './thresholdForPrecision';
import { thresholdForPrecision } from './thresholdForPrecision';

export interface CalibrationReportOptions {
  method: CalibrationMethod;
  /** Bins of the ECE (and of the histogram method). */
  bins: number;
  /** Folds of the cross-fit: each fold is calibrated by a calibrator fitted on the others. */
  folds: number;
  targetPrecision: number;
  random: Random;
}

export interface CalibrationReport {
  points: number;
  /** Share right over all points. */
  accuracy: number;
  eceBefore: number;
  /** ECE of cross-fitted calibrated confidences: never measured on the points a calibrator was fitted on. */
  eceAfter: number;
  /** The calibrator fitted on all points: what a host should use. */
  calibrator: Calibrator;
  /** Raw-confidence show threshold for the target precision, on all points; undefined when unreachable. */
  threshold: PrecisionThreshold | undefined;
}

/** Fisher–Yates with the injected random source, so a report is reproducible from its seed. */
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * Calibration of logged (confidence, right?) pairs: ECE of the raw confidences, ECE after calibration measured by
 * k-fold cross-fitting (an in-sample ECE of isotonic regression is near 0 and says nothing), the calibrator fitted
 * on everything, and the show threshold for a target precision.
 */
export function calibrationReport(points: readonly CalibrationPoint[], options: CalibrationReportOptions): CalibrationReport {
  const order = shuffled(points, options.random);
  const folds = Math.max(2, Math.min(options.folds, order.length));
  const calibrated: CalibrationPoint[] = [];
  for (let fold = 0; fold < folds && order.length >= 2; fold++) {
    const test = order.filter((_, i) => i % folds === fold);
    const train = order.filter((_, i) => i % folds !== fold);
    const calibrator = Calibrator.fit(train, { method: options.method, bins: options.bins });
    for (const p of test) calibrated.push({ confidence: calibrator.calibrate(p.confidence), correct: p.correct });
  }
  const right = points.filter((p) => p.correct).length;
  return {
    points: points.length,
    accuracy: points.length === 0 ? 0 : right / points.length,
    eceBefore: expectedCalibrationError(points, options.bins),
    eceAfter: expectedCalibrationError(calibrated.length > 0 ? calibrated : points, options.bins),
    calibrator: Calibrator.fit(points, { method: options.method, bins: options.bins }),
    threshold: thresholdForPrecision(points, options.targetPrecision),
  };
}
