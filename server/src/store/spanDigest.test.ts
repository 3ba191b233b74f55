import * as assert from 'node:assert/strict';
import { sha256Hex, spanContentHash, type Span } from '@arenalab/core';
import * as fc from 'fast-check';
import { nodeSha256Hex } from './nodeSha256';
import { sampleSpan } from './sampleSpan';
import { spanDigest } from './spanDigest';

describe('spanDigest', () => {
  it("equals core's spanContentHash, so store dedup and dataset dedup agree", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.dictionary(fc.string(), fc.jsonValue()), (id, text, metadata) => {
        const span: Span = { ...sampleSpan(id), this: text, metadata };
        assert.equal(spanDigest(span), spanContentHash(span));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('ignores the id and the key order, and changes with any content', () => {
    const span = sampleSpan('one');
    const reordered = Object.fromEntries(Object.entries({ ...span, id: 'two' }).reverse()) as unknown as Span;
    assert.equal(spanDigest(reordered), spanDigest(span));
    assert.notEqual(spanDigest({ ...span, who: 'someone else' }), spanDigest(span));
  });

  it("the store's node:crypto SHA-256 equals core's sha256Hex on any text", () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => assert.equal(nodeSha256Hex(text), sha256Hex(text))), { numRuns: 300, seed: 11 });
  });
});
