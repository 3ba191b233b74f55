import { strict as assert } from 'node:assert';
import { DimensionMismatchError } from './dimensionMismatchError';
import { cosineSimilarity } from './cosineSimilarity';
import { l2Normalized } from './l2Normalize';

describe('cosineSimilarity', () => {
  it('is 1 for parallel, 0 for orthogonal, -1 for opposite vectors, whatever their lengths', () => {
    assert.equal(cosineSimilarity([1, 2, 3], [2, 4, 6]), 1);
    assert.equal(cosineSimilarity([1, 0], [0, 5]), 0);
    assert.equal(cosineSimilarity([1, 1], [-3, -3]), -1);
    assert.ok(Math.abs(cosineSimilarity([1, 0], [1, 1]) - Math.SQRT1_2) < 1e-12);
  });

  it('is 0 against a zero vector and rejects different lengths', () => {
    assert.equal(cosineSimilarity([0, 0], [1, 2]), 0);
    assert.throws(() => cosineSimilarity([1], [1, 2]), DimensionMismatchError);
  });

  it('l2Normalized gives unit length and leaves zero vectors at zero', () => {
    const v = l2Normalized([3, 4]);
    assert.ok(Math.abs(v[0] - 0.6) < 1e-7 && Math.abs(v[1] - 0.8) < 1e-7);
    assert.deepEqual([...l2Normalized([0, 0])], [0, 0]);
  });
});
