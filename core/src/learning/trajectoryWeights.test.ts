import { strict as assert } from 'node:assert';
import { foldWeight, TrajectoryWeights, TrajectoryWeightsFormatError, DEFAULT_TRAJECTORY_WEIGHTS_CONFIG } from './trajectoryWeights';
import type { WeightUpdate } from './trajectoryWeights';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

describe('TrajectoryWeights', () => {
  it("moves a weight by the update rule, 0.1 × (rating − 3) / 2 per outcome", () => {
    const weights = new TrajectoryWeights();
    weights.apply([{ source: 'w1', outcome: 'accepted' }]);
    close(weights.weight('w1'), 1.05);
    weights.apply([{ source: 'w1', outcome: 'retained' }, { source: 'w2', outcome: 'dismissed' }, { source: 'w3', outcome: 'failed' }]);
    close(weights.weight('w1'), 1.15);
    close(weights.weight('w2'), 0.95);
    close(weights.weight('w3'), 0.9);
    assert.equal(weights.weight('unknown'), 1);
    assert.equal(weights.acceptedCount('w1'), 1);
  });

  it('stays within its bounds, clamping after every step', () => {
    const weights = new TrajectoryWeights();
    weights.apply(Array.from({ length: 10 }, () => ({ source: 'w', outcome: 'passed' as const })));
    assert.equal(weights.weight('w'), DEFAULT_TRAJECTORY_WEIGHTS_CONFIG.max);
    // Clamped at 1.2 then one failure: 1.1, not 1.0 + 10 × 0.1 − 0.1.
    weights.apply([{ source: 'w', outcome: 'failed' }]);
    close(weights.weight('w'), 1.1);
  });

  it('counts an outcome credited twice to the same source once', () => {
    const weights = new TrajectoryWeights();
    weights.apply([{ source: 'w', outcome: 'accepted', outcomeId: 'o1' }, { source: 'w', outcome: 'accepted', outcomeId: 'o1' }]);
    close(weights.weight('w'), 1.05);
    assert.equal(weights.acceptedCount('w'), 1);
  });

  it('unlearns an outcome exactly: the state equals one that never saw it, even past a bound', () => {
    const all: WeightUpdate[] = [
      ...Array.from({ length: 5 }, (_, i) => ({ source: 'w', outcome: 'passed' as const, outcomeId: `p${i}` })),
      { source: 'w', outcome: 'failed', outcomeId: 'f' },
      { source: 'v', outcome: 'accepted', outcomeId: 'p2' },
    ];
    const learned = new TrajectoryWeights();
    learned.apply(all);
    assert.equal(learned.unlearnOutcome('p2'), 2);
    const without = new TrajectoryWeights();
    without.apply(all.filter((u) => u.outcomeId !== 'p2'));
    assert.deepEqual(learned.toJSON(), without.toJSON());
    close(learned.weight('w'), foldWeight(['passed', 'passed', 'passed', 'passed', 'failed'], learned.config));
    assert.equal(learned.size, 1);
  });

  it('unlearns a source and every source of a file', () => {
    const weights = new TrajectoryWeights();
    weights.apply([
      { source: 'a1', outcome: 'accepted', file: 'a.ts', outcomeId: 'o' },
      { source: 'a2', outcome: 'dismissed', file: 'a.ts' },
      { source: 'b1', outcome: 'accepted', file: 'b.ts', outcomeId: 'o' },
    ]);
    assert.equal(weights.unlearnFile('a.ts'), 2);
    assert.deepEqual(weights.entries().map((e) => e.source), ['b1']);
    assert.equal(weights.unlearnSource('b1'), true);
    assert.equal(weights.unlearnSource('b1'), false);
    assert.equal(weights.size, 0);
    assert.equal(weights.unlearnOutcome('o'), 0);
  });

  it('round-trips through JSON and rejects malformed input with a typed error', () => {
    const weights = new TrajectoryWeights({ max: 1.5 });
    weights.apply([{ source: 'w', outcome: 'retained', outcomeId: 'r', file: 'w.ts' }, { source: 'x', outcome: 'dismissed' }]);
    const copy = TrajectoryWeights.fromJSON(JSON.parse(JSON.stringify(weights)));
    assert.deepEqual(copy.toJSON(), weights.toJSON());
    close(copy.weight('w'), 1.1);
    assert.throws(() => TrajectoryWeights.fromJSON({ version: 2 }), TrajectoryWeightsFormatError);
    assert.throws(() => TrajectoryWeights.fromJSON({ ...weights.toJSON(), sources: [{ source: 'w', contributions: [{ outcome: 'loved' }] }] }), /unknown outcome/);
    assert.throws(() => TrajectoryWeights.fromJSON({ ...weights.toJSON(), config: { ...weights.config, min: 2 } }), /min ≤ initial ≤ max/);
    assert.throws(() => new TrajectoryWeights({ learningRate: Number.NaN }), TrajectoryWeightsFormatError);
  });
});
