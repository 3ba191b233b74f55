import { strict as assert } from 'node:assert';
import { scoreSpan } from '../quality/scoreSpan';
import type { Span } from '../spans/span';
import { enrichSpan, EnrichmentError, rescoreEnriched } from './enrichSpan';

const bare: Span = {
  schema_version: 1, id: 'sp_bare', source: 'editor', who: 'developer', did: 'edit_file', this: 'src/parse.ts:12', when: '2024-02-01T10:00:00Z', status: 'completed',
  if_ok: 'Parser now accepts trailing commas in argument lists, tests updated accordingly.',
};

describe('curation: enrichment and rescoring', () => {
  it('merges context, metadata and confirmed_by, trimming values and ignoring empty ones', () => {
    const e = enrichSpan({ ...bare, metadata: { model: 'x' } }, { context: { environment: ' programming/typescript ', stakes: 'high', note: '' }, metadata: { reviewer: 'ana' }, confirmed_by: ' npm test passed ' });
    assert.deepEqual(e.context, { environment: 'programming/typescript', stakes: 'high' });
    assert.deepEqual(e.metadata, { model: 'x', reviewer: 'ana' });
    assert.equal(e.confirmed_by, 'npm test passed');
    assert.equal(bare.context, undefined, 'the original is untouched');
  });

  it('refuses bad input with the field named', () => {
    const refused = (enrichment: Parameters<typeof enrichSpan>[1], field: string) =>
      assert.throws(() => enrichSpan(bare, enrichment), (e: unknown) => e instanceof EnrichmentError && e.field === field);
    refused({ context: { stakes: 'enormous' } }, 'context.stakes');
    refused({ context: { previous_spans: 'sp_x' } }, 'context.previous_spans');
    refused({ metadata: { 'bad key': 'v' } }, 'metadata.bad key');
    refused({ metadata: { n: 3 as unknown as string } }, 'metadata.n');
    refused({ context: ['x'] as unknown as Record<string, string> }, 'context');
    refused({ confirmed_by: 'x'.repeat(2001) }, 'confirmed_by');
  });

  it('rescoring an enriched span raises completeness and provenance and keeps the measured uniqueness', () => {
    const before = scoreSpan(bare, { neighbourSimilarities: [0.9, 0.8] });
    const r = rescoreEnriched(bare, before, { context: { environment: 'programming/typescript', stakes: 'medium' }, confirmed_by: 'npm test passed', metadata: { reviewer: 'ana' } });
    assert.ok(r.after.total_score > before.total_score, `${before.total_score} → ${r.after.total_score}`);
    assert.equal(r.after.uniqueness, before.uniqueness);
    assert.equal(r.delta.uniqueness, 0);
    assert.ok(r.delta.provenance > 0 || r.delta.completeness > 0);
    assert.equal(r.delta.total_score, Math.round((r.after.total_score - before.total_score) * 100) / 100);
    assert.equal(r.span.confirmed_by, 'npm test passed');
  });
});
