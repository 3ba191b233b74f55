import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { levenshtein, levenshteinSimilarity } from './levenshtein';

describe('levenshtein', () => {
  it('counts edits on known pairs', () => {
    assert.equal(levenshtein('kitten', 'sitting'), 3);
    assert.equal(levenshtein('', 'abc'), 3);
    assert.equal(levenshtein('flaw', 'lawn'), 2);
    assert.equal(levenshtein(['read', 'edit', 'test'], ['read', 'test']), 1);
  });

  it('is a metric: symmetric, zero only for equal inputs, triangle inequality', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
      assert.equal(levenshtein(a, b), levenshtein(b, a));
      assert.equal(levenshtein(a, b) === 0, a === b);
      assert.ok(levenshtein(a, c) <= levenshtein(a, b) + levenshtein(b, c));
    }));
  });

  it('gives strings the same distance as the same text compared as arrays of characters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 8 }), (a, b, shared) => {
      // Shared prefixes and suffixes exercise the string path's trimming.
      for (const [x, y] of [[a, b], [shared + a, shared + b], [a + shared, b + shared], [shared + a + shared, shared + b]]) {
        assert.equal(levenshtein(x, y), levenshtein([...x.split('')], [...y.split('')]));
      }
    }));
    // Around and across the 32-unit words of the bit-parallel path, with units outside ASCII.
    fc.assert(fc.property(fc.string({ minLength: 25, maxLength: 140, unit: 'binary' }), fc.string({ minLength: 25, maxLength: 140 }), (a, b) => {
      assert.equal(levenshtein(a, b), levenshtein([...a.split('')], [...b.split('')]));
    }));
    assert.equal(levenshtein('return respond(user, request.body);', 'return respond(user, request.query);'), 4);
    assert.equal(levenshtein('a'.repeat(32), 'b'.repeat(32)), 32);
    assert.equal(levenshtein('x'.repeat(31) + 'y', 'y' + 'x'.repeat(40)), 10);
    assert.equal(levenshtein('ab'.repeat(50), 'ba'.repeat(60)), levenshtein([...'ab'.repeat(50)], [...'ba'.repeat(60)]));
    for (const length of [31, 32, 33, 63, 64, 65, 97]) {
      const a = 'abcdefghij'.repeat(10).slice(0, length);
      const b = 'jihgfedcba'.repeat(10).slice(0, length + 3);
      assert.equal(levenshtein(a, b), levenshtein([...a], [...b]), `length ${length}`);
    }
  });

  it('turns distance into a 0–1 similarity, 1 for two empty sequences', () => {
    assert.equal(levenshteinSimilarity('', ''), 1);
    assert.equal(levenshteinSimilarity('abc', 'xyz'), 0);
    assert.equal(levenshteinSimilarity('abcd', 'abce'), 0.75);
  });
});
