import { strict as assert } from 'node:assert';
import { seededRandom } from '../ports/random';
import { applyBetaMap, fitBetaMap, IDENTITY_BETA_MAP } from './betaCalibration';
import type { BetaMap } from './betaCalibration';
import { GroupedCalibration } from './groupedCalibration';
import type { GroupedCalibrationSample } from './groupedCalibration';

/** Raw scores uniform in (0, 1), each right with the probability a known beta map gives it. */
function drawn(truth: BetaMap, n: number, seed: number, mode = 'next-line', language = 'typescript'): GroupedCalibrationSample[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const raw = 0.01 + 0.98 * random.next();
    return { raw, mode, language, correct: random.next() < applyBetaMap(truth, raw) };
  });
}

const points = (samples: readonly GroupedCalibrationSample[]) => samples.map((s) => ({ confidence: s.raw, correct: s.correct }));
const GRID = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);

describe('fitBetaMap', () => {
  it('recovers a known sigmoid from seeded samples', () => {
    const truth = { a: 2, b: 0.5, c: -0.5 };
    const fitted = fitBetaMap(points(drawn(truth, 20000, 7)));
    for (const p of GRID) assert.ok(Math.abs(applyBetaMap(fitted, p) - applyBetaMap(truth, p)) < 0.03, `at ${p}: ${applyBetaMap(fitted, p)} vs ${applyBetaMap(truth, p)}`);
  });

  it('is monotone even when the data say the score runs backwards', () => {
    // Right with probability 1 − raw: an unconstrained fit would decrease; the map may only flatten.
    const random = seededRandom(3);
    const backwards = Array.from({ length: 2000 }, () => {
      const confidence = random.next();
      return { confidence, correct: random.next() < 1 - confidence };
    });
    const map = fitBetaMap(backwards);
    assert.ok(map.a >= 0 && map.b >= 0, JSON.stringify(map));
    GRID.slice(1).forEach((p, i) => assert.ok(applyBetaMap(map, p) >= applyBetaMap(map, GRID[i]) - 1e-12, `decreases at ${p}`));
  });

  it('stays at its prior with no points, and near it with few', () => {
    assert.deepEqual(fitBetaMap([], IDENTITY_BETA_MAP, 20), IDENTITY_BETA_MAP);
    const few = fitBetaMap(points(drawn({ a: 1, b: 1, c: -3 }, 5, 1)), IDENTITY_BETA_MAP, 20);
    assert.ok(Math.abs(applyBetaMap(few, 0.6) - 0.6) < 0.1, JSON.stringify(few));
  });
});

describe('GroupedCalibration', () => {
  it('is the identity until fitted', () => {
    const unfitted = GroupedCalibration.identity();
    assert.equal(unfitted.fitted, false);
    assert.equal(unfitted.calibrate(0.37, 'next-line', 'python'), 0.37);
  });

  it('fits each mode on its own, and shrinks a language with few samples toward its mode', () => {
    const overconfident = { a: 1, b: 1, c: -2 };
    const underconfident = { a: 1, b: 1, c: 1.5 };
    const samples = [
      ...drawn(overconfident, 4000, 1, 'next-line', 'typescript'),
      ...drawn(underconfident, 4000, 2, 'mid-line', 'typescript'),
      // 12 samples of a language whose scores look perfect: too few to leave the mode's map far behind.
      ...Array.from({ length: 12 }, () => ({ raw: 0.5, mode: 'next-line', language: 'python', correct: true })),
    ];
    const calibration = GroupedCalibration.fit(samples, { priorStrength: 20 });
    assert.ok(Math.abs(calibration.calibrate(0.5, 'next-line', 'typescript') - applyBetaMap(overconfident, 0.5)) < 0.03);
    assert.ok(Math.abs(calibration.calibrate(0.5, 'mid-line', 'typescript') - applyBetaMap(underconfident, 0.5)) < 0.03);
    const python = calibration.calibrate(0.5, 'next-line', 'python');
    assert.ok(python < 0.5, `python at 0.5 → ${python}: 12 samples should not undo the mode's over-confidence`);
    // A language never seen in a mode falls back to the mode.
    assert.ok(Math.abs(calibration.calibrate(0.5, 'mid-line', 'go') - applyBetaMap(underconfident, 0.5)) < 0.05);
  });
});
