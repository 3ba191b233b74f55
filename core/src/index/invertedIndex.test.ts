import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { InvertedIndex } from './invertedIndex';
import type { ScoredId } from './invertedIndex';
import type { Bm25Trace } from './maxScoreSearch';

/** Textbook BM25 (Lucene idf), written independently of the index as the oracle. */
function referenceBm25(docs: Map<string, readonly string[]>, query: readonly string[], k1 = 1.2, b = 0.75): ScoredId[] {
  const n = docs.size;
  const avgdl = [...docs.values()].reduce((s, d) => s + d.length, 0) / n;
  const out: ScoredId[] = [];
  for (const [id, tokens] of docs) {
    let score = 0;
    let matched = false;
    for (const q of query) {
      const tf = tokens.filter((t) => t === q).length;
      const df = [...docs.values()].filter((d) => d.includes(q)).length;
      if (tf === 0) continue;
      matched = true;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      score += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * tokens.length) / avgdl));
    }
    if (matched) out.push({ id, score });
  }
  return out.sort((a, c) => c.score - a.score || (a.id < c.id ? -1 : 1));
}

/**
 * Same scores in the same order, and each hit's score is the reference's score for that id. Ids of equal scores may
 * come in either order: sums of the same terms in another order can differ in the last bit.
 */
function assertSameHits(actual: ScoredId[], expected: ScoredId[], reference: ScoredId[] = expected): void {
  assert.equal(actual.length, expected.length, `${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
  const byId = new Map(reference.map((h) => [h.id, h.score]));
  actual.forEach((h, i) => {
    assert.ok(Math.abs(h.score - expected[i].score) < 1e-9, `rank ${i}: ${h.id} ${h.score} vs ${expected[i].id} ${expected[i].score}`);
    assert.ok(Math.abs(h.score - (byId.get(h.id) ?? NaN)) < 1e-9, `${h.id} should score ${byId.get(h.id)}, got ${h.score}`);
  });
}

describe('InvertedIndex', () => {
  it('scores BM25 exactly as computed by hand on a three-document corpus', () => {
    const index = new InvertedIndex();
    index.add('a', ['foo', 'bar', 'foo']);
    index.add('b', ['bar', 'baz']);
    index.add('c', ['qux', 'qux', 'qux', 'baz']);
    // N = 3, avgdl = 3. foo: df 1, idf = ln(1 + 2.5/1.5) = ln(8/3).
    // a: tf 2, dl 3 → 2·2.2 / (2 + 1.2) = 1.375 ⇒ ln(8/3)·1.375 = 1.348634…
    // bar: df 2, idf = ln(1 + 1.5/2.5) = ln(1.6). a: tf 1, dl 3 → 2.2/2.2 = 1; b: dl 2 → 2.2/(1 + 1.2·(0.25 + 0.5)) = 1.1578947
    const hits = index.search(['foo', 'bar'], 10);
    assert.deepEqual(hits.map((h) => h.id), ['a', 'b']);
    assert.ok(Math.abs(hits[0].score - (Math.log(8 / 3) * 1.375 + Math.log(1.6))) < 1e-12);
    assert.ok(Math.abs(hits[1].score - Math.log(1.6) * (2.2 / 1.9)) < 1e-12);
    assert.deepEqual(index.search(['nothing'], 10), []);
  });

  it('honours k1 and b', () => {
    const index = new InvertedIndex({ k1: 2, b: 0 });
    index.add('a', ['x', 'x', 'y']);
    index.add('b', ['y']);
    // b = 0 ignores length: x in a: tf 2 → 2·3/(2 + 2) = 1.5; idf(x) = ln(1 + 1.5/1.5) = ln 2.
    assert.ok(Math.abs(index.search(['x'], 1)[0].score - Math.log(2) * 1.5) < 1e-12);
  });

  it('filters by predicate and by id set (direct scoring) with the same scores as unfiltered', () => {
    const index = new InvertedIndex({ directScoreLimit: 2 });
    ['a', 'b', 'c', 'd'].forEach((id, i) => index.add(id, ['t', `u${i % 2}`, 't'.repeat(i + 1)]));
    const all = index.search(['t', 'u1'], 10);
    const allowed = new Set(['b', 'd']);
    const expected = all.filter((h) => allowed.has(h.id));
    assertSameHits(index.search(['t', 'u1'], 10, allowed), expected); // 2 ≤ directScoreLimit: scored directly
    assertSameHits(index.search(['t', 'u1'], 10, (id) => allowed.has(id)), expected);
    assertSameHits(index.search(['t', 'u1'], 10, new Set(['b', 'c', 'd'])).filter((h) => allowed.has(h.id)), expected);
  });

  it('replaceGroup and removeGroup touch only their group', () => {
    const index = new InvertedIndex();
    index.replaceGroup('f1', [{ id: 'f1#0', tokens: ['a'] }, { id: 'f1#1', tokens: ['b'] }]);
    index.replaceGroup('f2', [{ id: 'f2#0', tokens: ['a'] }]);
    index.replaceGroup('f1', [{ id: 'f1#9', tokens: ['c'] }]);
    assert.deepEqual(index.groupIds('f1'), ['f1#9']);
    assert.equal(index.groupOf('f2#0'), 'f2');
    assert.equal(index.size, 2);
    assert.equal(index.removeGroup('f2'), 1);
    assert.deepEqual(index.search(['a', 'b', 'c'], 5).map((h) => h.id), ['f1#9']);
  });

  it('MaxScore skips frequent terms yet returns the exact top k; a spent budget is reported as inexact', () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 2000; i++) index.add(`d${i}`, ['common', 'the', i % 100 === 0 ? 'rare' : 'filler', `x${i % 7}`]);
    const docs = new Map<string, string[]>();
    for (let i = 0; i < 2000; i++) docs.set(`d${i}`, ['common', 'the', i % 100 === 0 ? 'rare' : 'filler', `x${i % 7}`]);
    const query = ['rare', 'common', 'the', 'x3'];
    const trace: Bm25Trace = { terms: 0, scannedTerms: 0, postingsScanned: 0, candidates: 0, exact: true };
    assertSameHits(index.search(query, 5, { trace }), referenceBm25(docs, query).slice(0, 5));
    assert.ok(trace.exact);
    assert.ok(trace.postingsScanned < 2000, `scanned ${trace.postingsScanned} postings, expected pruning`);
    // Here the frequent terms could still lift an unseen document into the top 5, so only the budget stops them.
    const capped = new InvertedIndex({ maxPostingsPerQuery: 1 });
    for (let i = 0; i < 2000; i++) capped.add(`d${i}`, [`x${i % 7}`, i % 2 === 0 ? 'h' : 'i', i % 3 === 0 ? 'g' : 'j', i % 5 === 0 ? 'm' : 'n']);
    capped.search(['x3', 'h', 'g', 'm'], 5, { trace });
    assert.equal(trace.exact, false);
    assert.equal(trace.scannedTerms, 1);
  });

  it('after any sequence of add/remove/replaceGroup, equals a fresh build and the reference (property)', () => {
    const vocabulary = ['a', 'b', 'c', 'd', 'e', 'f'];
    const tokens = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 6 });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), id: fc.integer({ min: 0, max: 12 }), group: fc.integer({ min: 0, max: 3 }), tokens }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ kind: fc.constant('replace' as const), group: fc.integer({ min: 0, max: 3 }), docs: fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), tokens), { maxLength: 3 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 8 }), (ops, query, k) => {
        const index = new InvertedIndex({ compactDeadFraction: 0.1, directScoreLimit: 3 });
        const live = new Map<string, { group: string; tokens: string[] }>();
        for (const o of ops) {
          if (o.kind === 'add') {
            index.add(`d${o.id}`, o.tokens, `g${o.group}`);
            live.set(`d${o.id}`, { group: `g${o.group}`, tokens: o.tokens });
          } else if (o.kind === 'remove') {
            assert.equal(index.remove(`d${o.id}`), live.delete(`d${o.id}`));
          } else {
            const docs = o.docs.map(([id, t]) => ({ id: `d${id}`, tokens: t }));
            index.replaceGroup(`g${o.group}`, docs);
            for (const [id, doc] of [...live]) if (doc.group === `g${o.group}`) live.delete(id);
            for (const d of docs) live.set(d.id, { group: `g${o.group}`, tokens: [...d.tokens] });
          }
        }
        const fresh = new InvertedIndex();
        for (const [id, doc] of live) fresh.add(id, doc.tokens, doc.group);
        const reference = live.size === 0 ? [] : referenceBm25(new Map([...live].map(([id, d]) => [id, d.tokens])), query);
        const expected = reference.slice(0, k);
        assert.equal(index.size, live.size);
        assertSameHits(index.search(query, k), expected, reference);
        assert.deepEqual(index.search(query, k), fresh.search(query, k));
        const allowed = new Set([...live.keys()].filter((_, i) => i % 2 === 0));
        assertSameHits(index.search(query, k, allowed), reference.filter((h) => allowed.has(h.id)).slice(0, k), reference);
      }),
      { numRuns: 300 },
    );
  });
});
