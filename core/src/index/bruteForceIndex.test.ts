import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { cosineSimilarity } from '../util/cosineSimilarity';
import { seededRandom } from '../ports/random';
import { BruteForceIndex } from './bruteForceIndex';
import { DimensionMismatchError, InvalidDimensionError } from '../util/dimensionMismatchError';
import { InvalidSearchError } from './invalidSearchError';

function randomVector(next: () => number, dim: number): Float32Array {
  return Float32Array.from({ length: dim }, () => next() * 2 - 1);
}

/** The oracle's oracle: cosine against every live vector, fully sorted. */
function naiveSearch(live: Map<string, Float32Array>, query: Float32Array, k: number): string[] {
  return [...live.entries()]
    .map(([id, v]) => ({ id, s: cosineSimilarity(v, query) }))
    .sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1))
    .slice(0, k)
    .map((hit) => hit.id);
}

describe('BruteForceIndex', () => {
  it('returns the same top k as a naive full sort, after adds, replaces and removes', () => {
    const random = seededRandom(7);
    const next = () => random.next();
    const dim = 16;
    const index = new BruteForceIndex(dim, 2);
    const live = new Map<string, Float32Array>();
    for (let i = 0; i < 300; i++) {
      const id = `v${Math.floor(next() * 200)}`;
      if (next() < 0.25) {
        assert.equal(index.remove(id), live.delete(id));
      } else {
        const vector = randomVector(next, dim);
        index.add(id, vector);
        live.set(id, vector);
      }
    }
    assert.equal(index.size, live.size);
    for (let q = 0; q < 30; q++) {
      const query = randomVector(next, dim);
      const hits = index.search(query, 10);
      assert.deepEqual(hits.map((h) => h.id), naiveSearch(live, query, 10));
      for (const hit of hits) assert.ok(Math.abs(hit.similarity - cosineSimilarity(live.get(hit.id)!, query)) < 1e-5);
    }
  });

  it('matches the naive search for arbitrary operation sequences (property)', () => {
    const op = fc.record({ remove: fc.boolean(), id: fc.integer({ min: 0, max: 9 }), v: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 3, maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 12 }), (ops, q, k) => {
        const index = new BruteForceIndex(3, 1);
        const live = new Map<string, Float32Array>();
        for (const { remove, id, v } of ops) {
          if (remove) assert.equal(index.remove(`i${id}`), live.delete(`i${id}`));
          else {
            index.add(`i${id}`, Float32Array.from(v));
            live.set(`i${id}`, Float32Array.from(v));
          }
        }
        const query = Float32Array.from(q);
        const got = index.search(query, k);
        const expected = naiveSearch(live, query, k);
        assert.equal(got.length, expected.length);
        // Ties may legitimately order differently; the similarities must agree position by position.
        got.forEach((hit, i) => assert.ok(Math.abs(hit.similarity - cosineSimilarity(live.get(expected[i])!, query)) < 1e-5));
        assert.deepEqual(index.keys().sort(), [...live.keys()].sort());
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('replaces the vector of an existing id without growing', () => {
    const index = new BruteForceIndex(2);
    index.add('a', Float32Array.from([1, 0]));
    index.add('a', Float32Array.from([0, 1]));
    assert.equal(index.size, 1);
    assert.deepEqual(index.search(Float32Array.from([0, 1]), 5), [{ id: 'a', similarity: 1 }]);
  });

  it('keeps the moved vector findable after a swap-with-last removal', () => {
    const index = new BruteForceIndex(2);
    index.add('a', Float32Array.from([1, 0]));
    index.add('b', Float32Array.from([0, 1]));
    index.add('c', Float32Array.from([-1, 0]));
    assert.ok(index.remove('a'));
    assert.equal(index.remove('a'), false);
    assert.deepEqual([...index.get('c')!], [-1, 0]);
    assert.equal(index.search(Float32Array.from([-1, 0]), 1)[0].id, 'c');
    assert.equal(index.has('a'), false);
  });

  it('returns nothing for k = 0 or an empty index, and at most size hits', () => {
    const index = new BruteForceIndex(2);
    assert.deepEqual(index.search(Float32Array.from([1, 0]), 3), []);
    index.add('a', Float32Array.from([1, 0]));
    assert.deepEqual(index.search(Float32Array.from([1, 0]), 0), []);
    assert.equal(index.search(Float32Array.from([1, 0]), 3).length, 1);
  });

  it('throws typed errors for wrong dimensions and invalid k', () => {
    const index = new BruteForceIndex(3);
    assert.throws(() => index.add('a', new Float32Array(2)), (e: unknown) => e instanceof DimensionMismatchError && e.code === 'DIMENSION_MISMATCH' && e.expected === 3 && e.actual === 2);
    assert.throws(() => index.search(new Float32Array(4), 1), DimensionMismatchError);
    assert.throws(() => index.search(new Float32Array(3), -1), InvalidSearchError);
    assert.throws(() => index.search(new Float32Array(3), 1.5), InvalidSearchError);
    assert.throws(() => new BruteForceIndex(0), InvalidDimensionError);
  });
});
