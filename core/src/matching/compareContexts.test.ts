import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { contextFactors, emotionSimilarity, sequenceSimilarity, stakesSimilarity, weightedContextSimilarity } from './compareContexts';
import { contextText } from './matchContext';
import { DEFAULT_MATCHING_CONFIG } from './matchingConfig';

const weights = DEFAULT_MATCHING_CONFIG.contextWeights;

describe('matching: context similarity', () => {
  it('compares domains hierarchically', () => {
    assert.equal(contextFactors({ environment: 'programming/typescript' }, { environment: 'Programming/TypeScript' }, undefined).domain, 1);
    assert.equal(contextFactors({ environment: 'programming/typescript' }, { environment: 'programming/python' }, undefined).domain, 0.5);
    assert.equal(contextFactors({ environment: 'programming/typescript' }, { environment: 'cooking' }, undefined).domain, 0);
  });

  it('grades stakes as 1 − |difference| / 2 and emotions as equal (1) or not (0.5)', () => {
    assert.deepEqual(['low', 'medium', 'high'].map((s) => stakesSimilarity('high', s)), [0, 0.5, 1]);
    assert.equal(stakesSimilarity('high', 'extreme'), undefined);
    assert.equal(emotionSimilarity('Negative', 'negative'), 1);
    assert.equal(emotionSimilarity('negative', 'positive'), 0.5);
  });

  it('compares action sequences by edit distance, with two empty histories equal', () => {
    assert.equal(sequenceSimilarity(['open_file', 'run_tests'], ['open_file', 'run_tests']), 1);
    assert.equal(sequenceSimilarity(['open_file', 'run_tests'], ['open_file']), 0.5);
    assert.equal(sequenceSimilarity(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd']), 0.75);
    assert.equal(sequenceSimilarity([], []), 1);
    assert.equal(sequenceSimilarity([], ['open_file']), 0);
  });

  it('counts only the factors both sides have', () => {
    assert.deepEqual(contextFactors({ stakes: 'high' }, { environment: 'math', stakes: 'medium', previous_actions: [] }, undefined), { stakes: 0.5 });
    assert.deepEqual(contextFactors({}, { environment: 'math' }, undefined), {});
    assert.equal(weightedContextSimilarity({}, weights), undefined);
  });

  it('takes the mean weighted by the seed’s weights over the factors present', () => {
    const all = { domain: 0.5, emotion: 1, stakes: 0.5, sequence: 0.5, semantic: 0.8 };
    assert.ok(Math.abs(weightedContextSimilarity(all, weights)! - (0.3 * 0.5 + 0.1 * 1 + 0.15 * 0.5 + 0.25 * 0.5 + 0.2 * 0.8)) < 1e-12);
    // Without emotion and semantic: (0.3·1 + 0.15·0 + 0.25·1) / (0.3 + 0.15 + 0.25).
    assert.ok(Math.abs(weightedContextSimilarity({ domain: 1, stakes: 0, sequence: 1 }, weights)! - 0.55 / 0.7) < 1e-12);
    assert.equal(weightedContextSimilarity({ domain: 0.2 }, { ...weights, domain: 0 }), undefined);
  });

  it('always lies between the smallest and largest factor present', () => {
    const score = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.record({ domain: score, emotion: score, stakes: score, sequence: score, semantic: score }, { requiredKeys: [] }), (factors) => {
        const values = Object.values(factors);
        const result = weightedContextSimilarity(factors, weights);
        if (values.length === 0) return result === undefined;
        return result! >= Math.min(...values) - 1e-12 && result! <= Math.max(...values) + 1e-12;
      }),
    );
  });

  it('describes a context as the seed’s text (environment, emotion, stakes, actions)', () => {
    assert.equal(contextText({ environment: 'devops', stakes: 'high', emotional_state: 'focused', previous_actions: ['build', 'deploy'] }), 'devops focused high build deploy');
    assert.equal(contextText({}), '');
  });
});
