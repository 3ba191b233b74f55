import { strict as assert } from 'node:assert';
import type { Span } from '../spans/span';
import { qualityReport } from './qualityReport';
import { scoreSpan } from './scoreSpan';

function span(id: string, ifOk: string | undefined): Span {
  return {
    schema_version: 1,
    id,
    source: 'chat_import',
    who: 'user',
    did: 'ask_question',
    this: 'How do I merge two maps in Go without losing keys?',
    when: '2024-01-01T00:00:00Z',
    status: 'completed',
    context: { environment: 'programming/go' },
    if_ok: ifOk,
  };
}

describe('quality: qualityReport', () => {
  it('reports zeros for no spans', () => {
    const report = qualityReport([]);
    assert.equal(report.count, 0);
    assert.equal(report.histogram.length, 10);
    assert.deepEqual(report.classes, { diamond: 0, needs_enrichment: 0, discarded: 0 });
    assert.equal(report.means.total_score, 0);
  });

  it('buckets totals by tens with 100 in the last bucket, counts classes and averages dimensions', () => {
    const good = scoreSpan(span('a', 'Loop over the second map and assign each key into the first map: for k, v := range b { a[k] = v }. Keys present in both maps take the value from the second map.'));
    const bad = scoreSpan(span('b', undefined));
    const perfect = { ...good, total_score: 100 };
    const report = qualityReport([good, bad, perfect]);
    assert.equal(report.count, 3);
    assert.equal(report.histogram[9].label, '90-100');
    assert.equal(report.histogram[9].count, 1 + (good.total_score >= 90 ? 1 : 0));
    assert.equal(report.histogram[Math.floor(bad.total_score / 10)].count, 1);
    assert.equal(report.histogram.reduce((sum, bucket) => sum + bucket.count, 0), 3);
    assert.equal(report.classes.diamond, 2);
    assert.equal(report.classes[bad.class], bad.class === 'diamond' ? 3 : 1);
    assert.equal(report.means.completeness, Math.round(((good.completeness * 2 + bad.completeness) / 3) * 100) / 100);
  });
});
