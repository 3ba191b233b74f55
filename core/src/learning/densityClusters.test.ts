import { strict as assert } from 'node:assert';
import { coherence, densityClusters, tokenCosine } from './densityClusters';

describe('densityClusters', () => {
  // Points on a line; neighbours when at most 1 apart.
  const at = [0, 1, 2, 10, 11, 20, 30, 31, 32, 33];
  const similarity = (i: number, j: number) => (Math.abs(at[i] - at[j]) <= 1 ? 1 : 0);

  it('links dense points into clusters and leaves isolated points out as noise', () => {
    assert.deepEqual(densityClusters(at.length, similarity, 1, 2), [[0, 1, 2], [3, 4], [6, 7, 8, 9]]);
  });

  it('lets a border point join a cluster without extending it', () => {
    // With minPoints 3, 0 and 2 are border points of 1; 30 and 33 of 31/32; 10 and 11 are noise.
    assert.deepEqual(densityClusters(at.length, similarity, 1, 3), [[0, 1, 2], [6, 7, 8, 9]]);
  });

  it('measures coherence as the mean pairwise similarity', () => {
    assert.equal(coherence([0, 1, 2], similarity), 2 / 3);
    assert.equal(coherence([5], similarity), 1);
  });
});

describe('tokenCosine', () => {
  it('compares token counts, so renaming one name of many keeps texts similar', () => {
    assert.ok(Math.abs(tokenCosine('a(b, c);', 'a(b, c);') - 1) < 1e-12);
    assert.ok(tokenCosine('sum + item.price', 'sum + item.cost') > 0.7);
    assert.equal(tokenCosine('alpha', 'beta'), 0);
    assert.equal(tokenCosine('', ''), 1);
  });
});
