import { strict as assert } from 'node:assert';
import { HashingEmbedder } from '../embedding/hashingEmbedder';
import { analyzeOutcomes } from './analyzeOutcomes';
import { clusterOutcomes, normalizeOutcome } from './clusterOutcomes';
import type { MatchedTrajectory } from './trajectory';

const embedder = new HashingEmbedder();

function matched(id: string, outcome: string, similarity = 1, weight = 1): MatchedTrajectory {
  return {
    trajectory: { id, spans: [], context: { environment: 'x', stakes: 'low', emotional_state: 'neutral', previous_actions: [], previous_outcomes: [] }, outcome, outcome_type: 'completed', depth: 0, confidence: 0, ended_by: 'start' },
    matchedBy: 'exact',
    actionSimilarity: 1,
    similarity,
    factors: {},
    weight,
    score: similarity * weight,
  };
}

function vectorsOf(items: readonly MatchedTrajectory[]): Map<string, Float32Array> {
  return new Map(items.map((item) => [item.trajectory.id, embedder.embedOne(item.trajectory.outcome!)]));
}

describe('matching: outcome grouping and vote', () => {
  const paraphrases = [
    matched('a', 'The migration applies cleanly and the new column is filled.'),
    matched('b', 'Migration applied cleanly; the new column is populated.'),
    matched('c', 'The migration fails with a lock timeout on the orders table.'),
  ];

  it('puts two wordings of one outcome in the same group, and a different outcome apart', () => {
    const clusters = clusterOutcomes(paraphrases, vectorsOf(paraphrases), 0.5);
    assert.deepEqual(clusters.map((c) => c.members.map((m) => m.trajectory.id)), [['a', 'b'], ['c']]);
  });

  it('would split the paraphrases when only identical strings counted (threshold 1)', () => {
    const clusters = clusterOutcomes(paraphrases, vectorsOf(paraphrases), 1);
    assert.equal(clusters.length, 3);
  });

  it('groups identical outcomes even when they have no words to embed', () => {
    const symbols = [matched('x', '+++'), matched('y', '+++ '), matched('z', '---')];
    const clusters = clusterOutcomes(symbols, new Map(), 0.5);
    assert.deepEqual(clusters.map((c) => c.members.map((m) => m.trajectory.id)), [['x', 'y'], ['z']]);
    assert.equal(normalizeOutcome('Tests  pass.'), normalizeOutcome('tests pass'));
  });

  it('weighs each group by context similarity × weight, and names the most central outcome', () => {
    const items = [
      matched('a', 'The migration applies cleanly and the new column is filled.', 0.9),
      matched('b', 'Migration applied cleanly; the new column is populated.', 0.6),
      matched('c', 'The migration fails with a lock timeout on the orders table.', 0.5, 2),
    ];
    const analysis = analyzeOutcomes(items, vectorsOf(items), 0.5);
    assert.ok(Math.abs(analysis.agreement - 1.5 / 2.5) < 1e-12);
    assert.equal(analysis.mostLikelyOutcome, items[0].trajectory.outcome);
    assert.ok(Math.abs(analysis.clusters[1].probability - 1 / 2.5) < 1e-12);
    // Tripling c's weight makes its group the larger one.
    const heavier = [items[0], items[1], matched('c', items[2].trajectory.outcome!, 0.5, 4)];
    assert.equal(analyzeOutcomes(heavier, vectorsOf(heavier), 0.5).mostLikelyOutcome, items[2].trajectory.outcome);
  });

  it('returns an empty vote for no trajectories', () => {
    assert.deepEqual(analyzeOutcomes([], new Map(), 0.5), { clusters: [], agreement: 0, mostLikelyOutcome: null, trajectories: [] });
  });
});
