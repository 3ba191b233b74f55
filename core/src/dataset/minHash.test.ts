import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DEFAULT_MINHASH_CONFIG, estimateJaccard, MinHashConfigError, MinHasher, NearDuplicateIndex, shingles } from './minHash';

const TEXT = Array.from({ length: 60 }, (_, i) => `word${i % 37} token${(i * 7) % 23}`).join(' ');

function exactJaccard(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((item) => b.has(item)).length;
  return shared / (a.size + b.size - shared);
}

describe('dataset: MinHash', () => {
  const hasher = new MinHasher();

  it('builds word 3-shingles, ignoring case, punctuation and whitespace', () => {
    assert.deepEqual([...shingles('The  quick, brown\nFOX')], ['the quick brown', 'quick brown fox']);
    assert.deepEqual([...shingles('hi there')], ['hi there']);
    assert.equal(shingles(' ... ').size, 0);
    assert.equal(hasher.signature('!!!'), undefined);
  });

  it('gives whitespace- and case-edited texts identical signatures', () => {
    assert.deepEqual(hasher.signature(TEXT), hasher.signature(`  ${TEXT.toUpperCase().replace(/ /g, '\n\t ')}  `));
  });

  it('estimates Jaccard within 0.15 of the exact value', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { minLength: 5, maxLength: 60 }), fc.nat(), (words, cut) => {
        const a = words.join(' ');
        const b = words.slice(0, Math.max(3, cut % words.length)).join(' ') + ' z y x';
        const estimate = estimateJaccard(hasher.signature(a)!, hasher.signature(b)!);
        assert.ok(Math.abs(estimate - exactJaccard(shingles(a), shingles(b))) <= 0.15);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('finds a one-word edit of a long text as a near-duplicate but not an unrelated text', () => {
    const index = new NearDuplicateIndex();
    index.add('original', hasher.signature(TEXT)!);
    const edited = TEXT.replace('word5 ', 'changed ');
    assert.ok(exactJaccard(shingles(TEXT), shingles(edited)) >= 0.85);
    assert.equal(index.findDuplicate(hasher.signature(edited)!)?.id, 'original');
    const other = Array.from({ length: 60 }, (_, i) => `other${i}`).join(' ');
    assert.equal(index.findDuplicate(hasher.signature(other)!), undefined);
  });

  it('depends on the seed and refuses inconsistent banding', () => {
    const other = new MinHasher({ ...DEFAULT_MINHASH_CONFIG, seed: 2 });
    assert.notDeepEqual(other.signature(TEXT), hasher.signature(TEXT));
    assert.throws(() => new MinHasher({ ...DEFAULT_MINHASH_CONFIG, bands: 10 }), MinHashConfigError);
    assert.throws(() => new MinHasher({ ...DEFAULT_MINHASH_CONFIG, threshold: 2 }), MinHashConfigError);
  });
});
