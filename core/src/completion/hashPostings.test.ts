import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { HashPostings } from './hashPostings';

describe('HashPostings', () => {
  it('answers like a plain multimap through adds, merges and dead references', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5000 })), { maxLength: 400 }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 50 }),
        fc.boolean(),
        (entries, dead, mergeHalfway) => {
          const postings = new HashPostings(24);
          const deadSet = new Set(dead);
          const isLive = (ref: number) => !deadSet.has(ref);
          const expected = new Map<number, number[]>();
          entries.forEach(([hash, ref], i) => {
            postings.add(hash, ref);
            expected.set(hash, [...(expected.get(hash) ?? []), ref]);
            if (mergeHalfway && i === Math.floor(entries.length / 2)) postings.merge(() => true);
          });
          for (let hash = 0; hash <= 20; hash++) {
            const want = (expected.get(hash) ?? []).filter(isLive).sort((a, b) => a - b);
            assert.deepEqual(postings.lookup(hash, 10_000, isLive).sort((a, b) => a - b), want);
          }
        },
      ),
    );
  });

  it('samples an even stride when a hash has more references than the cap', () => {
    const postings = new HashPostings(24);
    for (let ref = 0; ref < 1000; ref++) postings.add(7, ref);
    postings.merge(() => true);
    const sample = postings.lookup(7, 10, () => true);
    assert.deepEqual(sample, [0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
  });
});
