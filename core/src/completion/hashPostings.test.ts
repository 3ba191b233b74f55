import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { HashPostings } from './hashPostings';

describe('HashPostings', () => {
  it('answers like a plain multimap through buffer flushes, run merges and dead references', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20_000 })), { maxLength: 12_000 }),
        fc.array(fc.integer({ min: 0, max: 20_000 }), { maxLength: 50 }),
        (entries, dead) => {
          const deadSet = new Set(dead);
          const postings = new HashPostings(24, (ref) => !deadSet.has(ref));
          const expected = new Map<number, number[]>();
          for (const [hash, ref] of entries) {
            postings.add(hash, ref);
            expected.set(hash, [...(expected.get(hash) ?? []), ref]);
          }
          for (let hash = 0; hash <= 20; hash++) {
            const want = (expected.get(hash) ?? []).filter((ref) => !deadSet.has(ref)).sort((a, b) => a - b);
            assert.deepEqual(postings.lookup(hash, 100_000).sort((a, b) => a - b), want);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('interleaves lookups with adds (the buffer sorted on demand) and merges without liveness checks while nothing is dead', () => {
    let dead = false;
    const postings = new HashPostings(24, (ref) => !(dead && ref % 2 === 0), () => dead);
    const want: number[] = [];
    for (let ref = 0; ref < 20_000; ref++) {
      postings.add(ref % 3, ref);
      if (ref % 3 === 1) want.push(ref);
      if (ref % 997 === 0) assert.deepEqual(postings.lookup(1, 100_000), want);
    }
    assert.equal(postings.size, 20_000, 'nothing dropped while nothing is dead');
    dead = true;
    for (let ref = 20_000; ref < 40_000; ref++) postings.add(5, ref);
    assert.ok(postings.size < 40_000, 'merges after a death drop the dead references');
    assert.deepEqual(postings.lookup(1, 100_000), want.filter((ref) => ref % 2 === 1));
  });

  it('samples an even stride when a hash has more references than the cap', () => {
    const postings = new HashPostings(24, () => true);
    for (let ref = 0; ref < 10_000; ref++) postings.add(7, ref);
    assert.deepEqual(postings.lookup(7, 10), [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
    assert.equal(postings.size, 10_000);
  });
});
