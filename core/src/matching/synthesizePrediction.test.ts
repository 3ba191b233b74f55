import { strict as assert } from 'node:assert';
import { ConfigError } from '../util';
import { DEFAULT_MATCHING_CONFIG, resolveMatchingConfig } from './matchingConfig';
import { quoteOutcome } from './quoteOutcome';
import { chooseMethod, fallbackPrediction, predictionConfidence } from './synthesizePrediction';

const bands = DEFAULT_MATCHING_CONFIG;

describe('matching: prediction bands and wording', () => {
  it('answers by majority above 0.7, synthesis above 0.4, uncertain at or below 0.4, fallback with no trajectories', () => {
    assert.equal(chooseMethod(0.71, 3, bands), 'majority_vote');
    assert.equal(chooseMethod(0.7, 3, bands), 'synthesis');
    assert.equal(chooseMethod(0.41, 3, bands), 'synthesis');
    assert.equal(chooseMethod(0.4, 3, bands), 'uncertain');
    assert.equal(chooseMethod(1, 0, bands), 'fallback');
  });

  it('tempers confidence on little evidence; prior 0 gives the seed’s share × 100', () => {
    assert.equal(predictionConfidence(1, 1, 1), 50);
    assert.equal(predictionConfidence(0.75, 4, 1), 60);
    assert.equal(predictionConfidence(0.75, 4, 0), 75);
    assert.equal(predictionConfidence(0.5, 0, 1), 0);
  });

  it('keeps the seed’s fallback wording and confidence 10', () => {
    const prediction = fallbackPrediction('deploy', { exact: 0, fuzzy: 0, semantic: 0, passed: 0 }, bands);
    assert.equal(prediction.output, 'I don\'t have enough similar examples to confidently predict the outcome of "deploy" in this context. I\'d recommend trying and observing the result.');
    assert.equal(prediction.confidence, 10);
    assert.equal(prediction.method, 'fallback');
    assert.match(prediction.reasoning, /^No similar trajectories found in dataset: 0 spans matched/);
  });

  it('quotes outcomes as whole sentences, cut at a word boundary', () => {
    assert.equal(quoteOutcome('tests pass', 100), 'tests pass.');
    assert.equal(quoteOutcome('Done!', 100), 'Done!');
    assert.equal(quoteOutcome('one two three four five six seven', 20), 'one two three four…');
  });

  it('rejects a config outside its bounds with a typed error', () => {
    assert.throws(() => resolveMatchingConfig({ majorityThreshold: 0.3 }), (error: unknown) => error instanceof ConfigError && error.code === 'BAD_MATCHING_CONFIG');
    assert.throws(() => resolveMatchingConfig({ topK: 1.5 }), (e: unknown) => e instanceof ConfigError && e.code === 'BAD_MATCHING_CONFIG');
    assert.equal(resolveMatchingConfig({ contextWeights: { domain: 1 } as never }).contextWeights.sequence, 0.25);
  });
});
