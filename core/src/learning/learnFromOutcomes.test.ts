import { strict as assert } from 'node:assert';
import { validateSpan } from '../spans/validateSpan';
import { influenceOf, learnFromOutcomes } from './learnFromOutcomes';
import { TrajectoryWeights } from './trajectoryWeights';
import { history } from './outcomeSpansTestSupport';

describe('learnFromOutcomes', () => {
  it('turns every rated outcome into updates for the places the suggestion came from, in time order', () => {
    const { updates } = learnFromOutcomes([...history()].reverse());
    assert.deepEqual(
      updates.map((u) => `${u.outcomeId}:${u.source}:${u.outcome}`),
      ['s1:w1:accepted', 's1:w2:accepted', 'r1:w1:retained', 'r1:w2:retained', 'r2:w1:retained', 'r2:w2:retained', 's2:w3:accepted', 'r3:w3:not_retained', 's3:w4:dismissed', 's5:w6:accepted', 't1:w6:failed', 's6:w7:accepted'],
    );
    const weights = new TrajectoryWeights();
    weights.apply(updates);
    assert.deepEqual(['w1', 'w3', 'w4', 'w5', 'w6'].map((w) => Math.round(weights.weight(w) * 1000) / 1000), [1.2, 0.95, 0.95, 1, 0.95]);
  });

  it('makes an accepted suggestion retained at every check a valid diamond candidate, and nothing else', () => {
    const { candidates } = learnFromOutcomes(history());
    assert.equal(candidates.length, 1);
    const [candidate] = candidates;
    assert.equal(candidate.span.if_ok, 'const total = items.reduce((sum, item) => sum + item.price, 0);');
    assert.deepEqual(candidate.span.metadata?.derived_from, ['s1', 'r1', 'r2']);
    assert.equal(candidate.span.confirmed_by, 'accepted and retained after 120000 ms');
    assert.deepEqual(candidate.span.context?.previous_spans, ['w1', 'w2']);
    assert.ok(candidate.kept && candidate.quality.total_score >= 80, JSON.stringify(candidate.quality.breakdown));
    assert.equal(validateSpan(candidate.span).ok, true);
  });

  it('keeps a candidate only at quality ≥ 80: a lookalike of the dataset loses its uniqueness', () => {
    const { candidates } = learnFromOutcomes(history(), { neighbourSimilarities: () => [1, 1, 1] });
    assert.equal(candidates[0].kept, false);
    assert.ok(candidates[0].quality.total_score < 80);
  });

  it('clusters similar accepted code into one synthetic span (coherence ≥ 0.7, quality ≥ 75)', () => {
    const { synthetic } = learnFromOutcomes(history());
    assert.equal(synthetic.length, 1);
    const [cluster] = synthetic;
    assert.deepEqual(cluster.span.metadata?.derived_from, ['s1', 's2', 's5']);
    assert.ok((cluster.span.metadata?.coherence as number) >= 0.7);
    assert.equal(cluster.span.if_ok, 'const total = items.reduce((sum, item) => sum + item.price, 0);');
    assert.equal(cluster.span.source, 'synthetic_learning');
    assert.ok(cluster.kept && cluster.quality.total_score >= 75, JSON.stringify(cluster.quality));
    assert.equal(validateSpan(cluster.span).ok, true);
    assert.deepEqual(learnFromOutcomes(history(), { config: { minCoherence: 0.99 } }).synthetic, []);
  });

  it('unlearns exactly: weights unlearned by outcome id equal those learned without the span, and derived spans go', () => {
    const all = history();
    const learned = new TrajectoryWeights();
    learned.apply(learnFromOutcomes(all).updates);
    const gone = influenceOf(all, ['r2', 's2']);
    assert.deepEqual([...gone].sort(), ['r2', 'r3', 's2']);
    for (const id of gone) learned.unlearnOutcome(id);
    const without = learnFromOutcomes(all.filter((s) => s.id !== 'r2' && s.id !== 's2'));
    const fresh = new TrajectoryWeights();
    fresh.apply(without.updates);
    assert.deepEqual(learned.toJSON(), fresh.toJSON());
    assert.deepEqual(without.candidates[0].span.metadata?.derived_from, ['s1', 'r1']);
    assert.deepEqual(without.synthetic[0].span.metadata?.derived_from, ['s1', 's5']);
    const noS1 = learnFromOutcomes(all.filter((s) => s.id !== 's1'));
    assert.deepEqual(noS1.candidates, []);
    assert.ok(noS1.synthetic.every((l) => !(l.span.metadata?.derived_from as string[]).includes('s1')));
  });
});
