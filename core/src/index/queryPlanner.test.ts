import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { attributesMatch } from './attributeFilter';
import type { AttributeFilter, Attributes } from './attributeFilter';
import { AttributeIndex } from './attributeIndex';
import { BruteForceIndex } from './bruteForceIndex';
import { InvertedIndex } from './invertedIndex';
import type { PlanFilter, PlannedQuery } from './planFilter';
import { QueryPlanner } from './queryPlanner';

// Golden plans and results over a 12-document corpus. After a deliberate planner change, rerun with
// UPDATE_GOLDEN=1 and review the diff of test-fixtures/index/planner-golden.json.
const fixtures = path.resolve(__dirname, '../../../test-fixtures/index');

interface CorpusDoc {
  id: string;
  domain: string;
  action: string;
  quality: number;
  time: string;
  tokens: string;
  vector: number[];
}

function loadPlanner(): QueryPlanner {
  const corpus = JSON.parse(fs.readFileSync(path.join(fixtures, 'planner-corpus.json'), 'utf8')) as CorpusDoc[];
  const attributes = new AttributeIndex();
  const text = new InvertedIndex();
  const vectors = new BruteForceIndex(3);
  for (const doc of corpus) {
    attributes.add(doc.id, { domain: doc.domain, action: doc.action, quality: doc.quality, time: Date.parse(doc.time) });
    text.add(doc.id, doc.tokens.split(' '));
    vectors.add(doc.id, Float32Array.from(doc.vector));
  }
  // A small vector pool and direct-scoring limit, so twelve documents exercise widening and direct scoring.
  return new QueryPlanner({ attributes, text, vectors, vectorOf: (id) => vectors.get(id) }, { vectorPool: 2, maxVectorPool: 8, directScoreLimit: 2 });
}

function parseFilter(raw: Record<string, unknown>): PlanFilter {
  if (raw.field === 'vector') return { field: 'vector', vector: Float32Array.from(raw.vector as number[]) };
  if (raw.field === 'time') return { field: 'time', from: raw.from === undefined ? undefined : Date.parse(raw.from as string), to: raw.to === undefined ? undefined : Date.parse(raw.to as string) };
  return raw as unknown as PlanFilter;
}

const round = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 1e6) / 1e6);

describe('QueryPlanner', () => {
  it('matches the golden plans and results', () => {
    const planner = loadPlanner();
    const queries = JSON.parse(fs.readFileSync(path.join(fixtures, 'planner-queries.json'), 'utf8')) as Array<{ name: string; k: number; filters: Array<Record<string, unknown>> }>;
    const actual = queries.map(({ name, k, filters }) => {
      const { results, plan, attempts } = planner.execute({ k, filters: filters.map(parseFilter) });
      return { name, attempts, plan, results: results.map((r) => ({ id: r.id, score: round(r.score), text: round(r.text), vector: round(r.vector) })) };
    });
    const goldenFile = path.join(fixtures, 'planner-golden.json');
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(goldenFile, JSON.stringify(actual, null, 2) + '\n');
    assert.deepEqual(JSON.parse(JSON.stringify(actual)), JSON.parse(fs.readFileSync(goldenFile, 'utf8')));
  });

  it('a filter without its index is a TypeError', () => {
    assert.throws(() => new QueryPlanner({}).execute({ k: 1, filters: [{ field: 'action', equals: 'x' }] }), TypeError);
  });

  it('returns what filtering every document by hand returns, running steps in estimate order (property)', () => {
    const domains = ['a', 'a/b', 'a/c', 'b', 'ab'];
    const doc = fc.record({
      domain: fc.constantFrom(...domains),
      action: fc.constantFrom('x', 'y', 'z'),
      quality: fc.integer({ min: 0, max: 100 }),
      time: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 11, 31) }),
      tokens: fc.array(fc.constantFrom('p', 'q', 'r', 's', 't'), { minLength: 1, maxLength: 5 }),
    });
    const attributeFilter: fc.Arbitrary<AttributeFilter> = fc.oneof(
      fc.constantFrom(...domains, '').map((prefix) => ({ field: 'domain' as const, prefix })),
      fc.constantFrom('x', 'y', 'z').map((equals) => ({ field: 'action' as const, equals })),
      fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b]) => ({ field: 'quality' as const, min: Math.min(a, b), max: Math.max(a, b) })),
      fc.tuple(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 11, 31) }), fc.integer({ min: 0, max: 200 * 86_400_000 })).map(([from, span]) => ({ field: 'time' as const, from, to: from + span })),
    );
    const textFilter = fc.array(fc.constantFrom('p', 'q', 'r', 's', 'u'), { minLength: 1, maxLength: 3 }).map((tokens) => ({ field: 'text' as const, tokens }));
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 25 }), fc.array(attributeFilter, { maxLength: 3 }), fc.option(textFilter, { nil: undefined }), fc.integer({ min: 1, max: 6 }), (docs, attributeFilters, text, k) => {
        const attributes = new AttributeIndex();
        const inverted = new InvertedIndex();
        docs.forEach((d, i) => {
          attributes.add(`d${i}`, { domain: d.domain, action: d.action, quality: d.quality, time: d.time });
          inverted.add(`d${i}`, d.tokens);
        });
        const filters: PlanFilter[] = text ? [...attributeFilters, text] : attributeFilters;
        const query: PlannedQuery = { k, filters };
        const { results, plan } = new QueryPlanner({ attributes, text: inverted }).execute(query);
        const bm25 = new Map(text ? inverted.search(text.tokens, docs.length).map((h) => [h.id, h.score]) : []);
        const eligible = docs
          .map((d, i): [string, Attributes] => [`d${i}`, d])
          .filter(([id, a]) => attributeFilters.every((f) => attributesMatch(a, f)) && (!text || bm25.has(id)))
          .map(([id]) => id);
        const expected = eligible
          .map((id) => ({ id, text: bm25.get(id) ?? 0 }))
          .sort((a, b) => b.text - a.text || (a.id < b.id ? -1 : 1))
          .slice(0, filters.length === 0 ? 0 : k);
        // Two documents whose BM25 scores differ only by floating-point rounding are a tie: the planner may sum a
        // document's terms in another order than search does, so what must agree is the ranked scores, and that every
        // result passes the filters.
        const rounded = (score: number) => Math.round(score * 1e9) / 1e9;
        assert.equal(results.length, expected.length);
        assert.deepEqual(results.map((r) => rounded(bm25.get(r.id) ?? 0)), expected.map((e) => rounded(e.text)));
        for (const r of results) assert.ok(eligible.includes(r.id), `${r.id} does not pass the filters`);
        const ran = plan.filter((s) => s.actual !== null);
        for (let i = 1; i < ran.length; i++) assert.ok(ran[i - 1].estimated <= ran[i].estimated, JSON.stringify(plan));
        for (let i = 1; i < ran.length; i++) assert.ok((ran[i].actual ?? 0) <= (ran[i - 1].actual ?? 0) || ran[i].mode === 'score', JSON.stringify(plan));
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});
