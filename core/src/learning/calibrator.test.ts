import { strict as assert } from 'node:assert';
import { seededRandom } from '../ports/random';
import { calibrationReport } from './calibrationReport';
import { Calibrator } from './calibrator';
import type { CalibrationPoint } from './expectedCalibrationError';
import { CalibrationInputError, expectedCalibrationError } from './expectedCalibrationError';
import { thresholdForPrecision } from './thresholdForPrecision';

const point = (confidence: number, correct: boolean): CalibrationPoint => ({ confidence, correct });

/** An over-confident scorer: a prediction with raw confidence c is right with probability c². */
function overconfident(n: number, seed: number): CalibrationPoint[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const confidence = random.next();
    return point(confidence, random.next() < confidence * confidence);
  });
}

describe('expectedCalibrationError', () => {
  it('is the count-weighted gap between claimed confidence and share right per bin', () => {
    // Bin 0.8–0.9: two claims of 0.8, one right (gap |1 − 1.6| = 0.6); bin 0.2–0.3: one claim of 0.2, wrong (0.2).
    assert.ok(Math.abs(expectedCalibrationError([point(0.8, true), point(0.8, false), point(0.2, false)]) - 0.8 / 3) < 1e-12);
    assert.equal(expectedCalibrationError([point(1, true), point(0, false)]), 0);
    assert.equal(expectedCalibrationError([]), 0);
    assert.throws(() => expectedCalibrationError([point(1.5, true)]), CalibrationInputError);
  });
});

describe('Calibrator', () => {
  it('fits a non-decreasing isotonic map by pooling adjacent violators', () => {
    const calibrator = Calibrator.fit([point(0.1, false), point(0.3, true), point(0.5, false), point(0.7, true), point(0.9, true)]);
    // 0.3 (right) and 0.5 (wrong) violate the order and pool to 0.5.
    assert.deepEqual(calibrator.toJSON(), { method: 'isotonic', upTo: [0.1, 0.5, 0.9], value: [0, 0.5, 1] });
    assert.deepEqual([0, 0.1, 0.2, 0.5, 0.6, 1].map((c) => calibrator.calibrate(c)), [0, 0, 0.5, 0.5, 1, 1]);
  });

  it('fits histogram bins, keeping the midpoint of an empty bin, and round-trips through JSON', () => {
    const calibrator = Calibrator.fit([point(0.05, true), point(0.95, false), point(0.95, true)], { method: 'histogram', bins: 2 });
    assert.deepEqual(calibrator.toJSON(), { method: 'histogram', upTo: [0.5, 1], value: [1, 0.5] });
    const empty = Calibrator.fit([point(0.9, true)], { method: 'histogram', bins: 2 });
    assert.equal(empty.calibrate(0.2), 0.25);
    assert.deepEqual(Calibrator.fromJSON(JSON.parse(JSON.stringify(calibrator))).toJSON(), calibrator.toJSON());
    assert.throws(() => Calibrator.fromJSON({ method: 'isotonic', upTo: [0.5, 0.2], value: [0, 1] }), CalibrationInputError);
    assert.equal(Calibrator.fit([]).calibrate(0.42), 0.42);
    assert.equal(Calibrator.fromJSON(null).fitted, false);
  });

  it('lowers the ECE of an over-confident scorer on points it was not fitted on', () => {
    const calibrator = Calibrator.fit(overconfident(4000, 1));
    const heldOut = overconfident(4000, 2);
    const before = expectedCalibrationError(heldOut);
    const after = expectedCalibrationError(heldOut.map((p) => point(calibrator.calibrate(p.confidence), p.correct)));
    assert.ok(before > 0.1 && after < 0.03, `before ${before}, after ${after}`);
  });
});

describe('thresholdForPrecision', () => {
  it('picks the lowest threshold whose shown suggestions reach the target precision', () => {
    const points = [point(0.9, true), point(0.8, true), point(0.7, false), point(0.6, true), point(0.5, false), point(0.4, false)];
    assert.deepEqual(thresholdForPrecision(points, 0.75, 1), { threshold: 0.6, precision: 0.75, coverage: 4 / 6, shown: 4 });
    assert.deepEqual(thresholdForPrecision(points, 1, 1), { threshold: 0.8, precision: 1, coverage: 2 / 6, shown: 2 });
    assert.equal(thresholdForPrecision(points, 1, 3), undefined);
    assert.throws(() => thresholdForPrecision(points, 0), CalibrationInputError);
  });

  it('shows or hides equal confidences together', () => {
    const points = [point(0.9, true), point(0.5, true), point(0.5, false), point(0.5, false)];
    assert.equal(thresholdForPrecision(points, 0.5, 1)?.threshold, 0.5);
    assert.equal(thresholdForPrecision(points, 0.6, 1)?.threshold, 0.9);
  });
});

describe('calibrationReport', () => {
  it('reports raw and cross-fitted ECE, the calibrator and the threshold, reproducibly from the seed', () => {
    const points = overconfident(2000, 3);
    const options = { method: 'isotonic' as const, bins: 10, folds: 5, targetPrecision: 0.8 };
    const report = calibrationReport(points, { ...options, random: seededRandom(7) });
    assert.ok(report.eceAfter < report.eceBefore / 2, `${report.eceBefore} → ${report.eceAfter}`);
    assert.ok(report.threshold !== undefined && report.threshold.precision >= 0.8 && report.threshold.threshold > 0.7 && report.threshold.threshold < 0.85, JSON.stringify(report.threshold));
    assert.deepEqual(calibrationReport(points, { ...options, random: seededRandom(7) }), report);
  });
});
