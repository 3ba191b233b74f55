import { strict as assert } from 'node:assert';
import { learnFromOutcomes } from './learnFromOutcomes';
import { OnlineLearner } from './onlineLearner';
import { history, suggestion } from './outcomeSpansTestSupport';
import { TrajectoryWeights } from './trajectoryWeights';

describe('OnlineLearner', () => {
  it('applies outcomes as they arrive, to the same weights as learning them all at once', () => {
    const spans = history();
    const learner = new OnlineLearner(new TrajectoryWeights());
    for (const span of spans) learner.observe([span]);
    learner.observe(spans); // the same spans again (a restart re-reading the store) change nothing
    const batch = new TrajectoryWeights();
    batch.apply(learnFromOutcomes(spans).updates);
    assert.deepEqual(learner.weights.toJSON(), batch.toJSON());
    assert.equal(learner.size, spans.length);
    assert.deepEqual(learner.learned(), learnFromOutcomes(spans));
  });

  it('forgets a suggestion with its checks, exactly as if it had never been seen', () => {
    const spans = history();
    const learner = new OnlineLearner(new TrajectoryWeights());
    learner.observe(spans);
    assert.deepEqual(learner.forget(['s2']).sort(), ['r3', 's2']);
    const fresh = new OnlineLearner(new TrajectoryWeights());
    fresh.observe(spans.filter((s) => s.id !== 's2' && s.id !== 'r3'));
    assert.deepEqual(learner.weights.toJSON(), fresh.weights.toJSON());
    assert.deepEqual(learner.learned(), fresh.learned());
    assert.deepEqual(learner.forget(['unknown']), []);
  });

  it('follows a target precision once enough outcomes are logged, and falls back before', () => {
    const learner = new OnlineLearner(new TrajectoryWeights());
    assert.deepEqual(learner.showThreshold(0.8, 0.5), { threshold: 0.5, calibrated: false, points: 0 });
    // Suggestions shown at confidence 0.3–0.9: accepted above 0.6, dismissed below.
    learner.observe(
      Array.from({ length: 60 }, (_, i) => {
        const confidence = 0.3 + (i % 61) / 100;
        const span = suggestion(`q${i}`, confidence > 0.6 ? 'accepted' : 'dismissed', 'x();', []);
        return { ...span, metadata: { ...span.metadata, suggestion_id: `q${i}`, confidence } };
      }),
    );
    const quiet = learner.showThreshold(0.99, 0.5);
    assert.ok(quiet.calibrated && Math.abs(quiet.threshold - 0.61) < 1e-9 && quiet.precision === 1 && quiet.coverage === 29 / 60, JSON.stringify(quiet));
    assert.deepEqual(learner.showThreshold(undefined, 0.5), { threshold: 0.5, calibrated: false, points: 60 });
  });
});
