import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { AttributeIndex } from './attributeIndex';
import { IndexFormatError } from './indexFormatError';
import { InvertedIndex } from './invertedIndex';

function corpus(): InvertedIndex {
  const index = new InvertedIndex();
  for (let i = 0; i < 200; i++) index.add(`w${i}`, [`t${i % 17}`, `u${i % 5}`, 'common', i % 3 === 0 ? 'é✓' : 'ascii'], `file${i % 9}`);
  index.add('ungrouped', ['t1', 't1', 't1']);
  index.removeGroup('file4');
  index.remove('w1');
  return index;
}

const queries = [['t3', 'u1'], ['common'], ['é✓', 't1'], ['missing']];

function assertCode(run: () => unknown, code: string): void {
  assert.throws(run, (error: unknown) => error instanceof IndexFormatError && error.code === code);
}

describe('index serialization', () => {
  it('an inverted index round-trips: same answers, same groups, same sizes', () => {
    const index = corpus();
    const loaded = InvertedIndex.deserialize(index.serialize());
    assert.equal(loaded.size, index.size);
    for (const q of queries) assert.deepEqual(loaded.search(q, 10), index.search(q, 10));
    assert.deepEqual(loaded.groupIds('file2'), index.groupIds('file2'));
    assert.equal(loaded.groupOf('ungrouped'), undefined);
    assert.deepEqual(loaded.serialize(), index.serialize(), 'serializing a loaded index gives the same bytes');
  });

  it('a loaded inverted index updates incrementally and still equals a fresh build', () => {
    const loaded = InvertedIndex.deserialize(corpus().serialize());
    loaded.replaceGroup('file2', [{ id: 'new', tokens: ['t3', 'fresh'] }]);
    loaded.add('w0', ['fresh', 'fresh']);
    loaded.remove('w3');
    const fresh = new InvertedIndex();
    const reference = corpus();
    reference.replaceGroup('file2', [{ id: 'new', tokens: ['t3', 'fresh'] }]);
    reference.add('w0', ['fresh', 'fresh']);
    reference.remove('w3');
    for (const q of [...queries, ['fresh', 't3']]) assert.deepEqual(loaded.search(q, 20), reference.search(q, 20));
    assert.equal(fresh.size, 0);
  });

  it('an attribute index round-trips', () => {
    const index = new AttributeIndex();
    index.add('a', { domain: 'programming/ts', action: 'write_code', quality: 91.5, time: Date.UTC(2024, 4, 1) });
    index.add('b', { action: 'ask' });
    index.add('c', { domain: 'x', time: -5 });
    const loaded = AttributeIndex.deserialize(index.serialize());
    assert.deepEqual(loaded.entries(), index.entries());
    assert.deepEqual([...loaded.ids({ field: 'quality', min: 90 })], ['a']);
    loaded.remove('a');
    assert.equal(loaded.count({ field: 'action', equals: 'write_code' }), 0);
  });

  it('detects truncation, bad magic, another kind, another version and any flipped byte', () => {
    const bytes = corpus().serialize();
    assertCode(() => InvertedIndex.deserialize(bytes.subarray(0, 10)), 'INDEX_TRUNCATED');
    assertCode(() => InvertedIndex.deserialize(bytes.subarray(0, bytes.length - 1)), 'INDEX_TRUNCATED');
    assertCode(() => InvertedIndex.deserialize(new TextEncoder().encode('{"not":"an index, but long enough for a header"}')), 'INDEX_BAD_MAGIC');
    assertCode(() => InvertedIndex.deserialize(new AttributeIndex().serialize()), 'INDEX_KIND');
    const future = bytes.slice();
    future[8] = 99;
    assertCode(() => InvertedIndex.deserialize(future), 'INDEX_VERSION');
    fc.assert(
      fc.property(fc.integer({ min: 20, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const damaged = bytes.slice();
        damaged[at] ^= xor;
        assertCode(() => InvertedIndex.deserialize(damaged), 'INDEX_CHECKSUM');
      }),
      { numRuns: 200 },
    );
  });
});
