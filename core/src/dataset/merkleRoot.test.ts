import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { datasetMerkleRoot, merkleRoot } from './merkleRoot';

const h = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('dataset: merkleRoot', () => {
  // Known answers computed independently with Python's hashlib (see the rule in merkleRoot.ts).
  it('matches known answers for 0, 1, 3 and 5 leaves (odd leaf promoted)', () => {
    assert.equal(merkleRoot([]), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(merkleRoot([h('a')]), 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb');
    assert.equal(merkleRoot(['a', 'b', 'c'].map(h)), 'd71dc32fa2cd95be60b32dbb3e63009fa8064407ee19f457c92a09a5ff841a8a');
    assert.equal(merkleRoot(['a', 'b', 'c', 'd', 'e'].map(h)), 'dea979f026a014fcb2300d6300e73ae1ccfb0dd238835d33895286d610eb7c4f');
  });

  it('pairs left + right as hex text', () => {
    const [a, b] = [h('x'), h('y')];
    assert.equal(merkleRoot([a, b]), h(a + b));
    assert.notEqual(merkleRoot([a, b]), merkleRoot([b, a]));
  });

  it('does not collide with the duplicated-last-leaf list (no CVE-2012-2459 style ambiguity)', () => {
    const leaves = ['a', 'b', 'c'].map(h);
    assert.notEqual(merkleRoot(leaves), merkleRoot([...leaves, leaves[2]]));
  });

  it('datasetMerkleRoot ignores span order but binds each id to its content hash', () => {
    const entries = ['p', 'q', 'r', 's'].map((id) => ({ span: { id }, hash: h(id) }));
    assert.equal(datasetMerkleRoot(entries), datasetMerkleRoot([...entries].reverse()));
    assert.equal(datasetMerkleRoot(entries.slice(0, 1)), h(`p:${h('p')}`));
    const renamed = entries.map((e, i) => (i === 0 ? { ...e, span: { id: 'p2' } } : e));
    assert.notEqual(datasetMerkleRoot(renamed), datasetMerkleRoot(entries));
  });
});
