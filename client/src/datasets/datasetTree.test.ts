import { strict as assert } from 'node:assert';
import type { DatasetVersionInfo } from '@arenalab/protocol';
import { bucketLabel, datasetTree, histogramBar } from './datasetTree';

const version = (v: string, over: Partial<DatasetVersionInfo> = {}): DatasetVersionInfo => ({
  version: v, frozen: false, created_at: '2026-11-25T10:00:00.000Z', merkle_root: 'ab'.repeat(32), span_count: 6, avg_quality: 86.5,
  domains: { 'programming/typescript': 2, 'programming/python': 4 }, classes: { diamond: 6 },
  quality_histogram: [{ bucket: '80', count: 4 }, { bucket: '90', count: 2 }], date_range: { start: '2026-10-20T09:00:00Z', end: '2026-10-22T15:00:00Z' }, ...over,
});

describe('datasetTree', () => {
  it('says why the view is empty', () => {
    assert.match(datasetTree({ datasets: [] })[0].label, /open a folder/);
    assert.match(datasetTree({ storeDir: '/w/.arenalab', datasets: [] })[0].label, /No datasets yet/);
  });

  it('lists dataset → versions newest first → stats, domains (largest first), quality histogram (best first)', () => {
    const [ds] = datasetTree({ storeDir: '/s', datasets: [{ name: 'session', versions: [version('1.0.0', { frozen: true }), version('1.1.0')] }] });
    assert.equal(ds.contextValue, 'dataset');
    assert.equal(ds.description, '2 versions · latest 1.1.0');
    assert.deepEqual(ds.children.map((v) => [v.label, v.contextValue]), [['1.1.0', 'version'], ['1.0.0', 'version.frozen']]);
    assert.deepEqual(ds.children[0].ref, { name: 'session', version: '1.1.0' });
    const [stats, domains, histogram] = ds.children[0].children;
    assert.deepEqual(stats.children.find((r) => r.label === 'spans')?.description, '6');
    assert.deepEqual(domains.children.map((r) => [r.label, r.description]), [['programming/python', '4'], ['programming/typescript', '2']]);
    assert.deepEqual(histogram.children.map((r) => [r.label, r.description]), [['90–99', `${'█'.repeat(10)} 2`], ['80–89', `${'█'.repeat(20)} 4`]]);
    assert.match(ds.children[1].description ?? '', /frozen/);
  });

  it('shows a broken version with its problem', () => {
    const [ds] = datasetTree({ storeDir: '/s', datasets: [{ name: 'd', versions: [version('1.0.0', { problem: 'd@1.0.0: spans.jsonl: merkle root mismatch' })] }] });
    assert.equal(ds.children[0].contextValue, 'version.broken');
    assert.equal(ds.children[0].children[0].label, 'd@1.0.0: spans.jsonl: merkle root mismatch');
  });

  it('draws bars and bucket labels', () => {
    assert.equal(histogramBar(0, 5), '');
    assert.equal(histogramBar(1, 1000), '█', 'a non-empty bucket always shows');
    assert.equal(histogramBar(5, 5, 4), '████');
    assert.deepEqual(['80', '100', 'x'].map(bucketLabel), ['80–89', '100', 'x']);
  });
});
