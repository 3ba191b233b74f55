import { strict as assert } from 'node:assert';
import { CancelledError, silentProgress } from '@arenalab/core';
import { benchScale, percentile } from './benchScale';
import { SyntheticWindows } from './syntheticWindows';

const phases = { phase: () => silentProgress };

describe('bench scale', () => {
  it('synthetic windows are deterministic, lazily regenerated and topical per file', () => {
    const a = new SyntheticWindows({ seed: 7 });
    const b = new SyntheticWindows({ seed: 7 });
    assert.deepEqual(a.window(12345), b.window(12345));
    assert.notDeepEqual(a.window(1).tokens, new SyntheticWindows({ seed: 8 }).window(1).tokens);
    const w = a.window(120);
    assert.equal(w.tokens.length, 40);
    assert.equal(w.file, `f${Math.floor(120 / 50)}`);
    assert.equal(a.topicOfId(w.id), w.topic);
    assert.equal(a.window(100).topic, a.window(149).topic, 'a file has one topic');
  });

  it('reports the scale JSON for a small run, with the planted topic retrieved and a faithful reload', async () => {
    const result = await benchScale({ windows: 2000, queries: 50, seed: 3, k: 10 }, { isCancelled: false }, phases);
    assert.equal(result.benchmark, 'scale');
    assert.equal(result.windows, 2000);
    assert.equal(result.queries, 50);
    for (const field of ['build_s', 'query_p50_ms', 'query_p99_ms', 'rss_mb_peak', 'index_bytes', 'serialize_s', 'load_s'] as const) {
      assert.ok(Number.isFinite(result[field]) && result[field] >= 0, `${field} = ${result[field]}`);
    }
    assert.ok(result.query_p50_ms <= result.query_p99_ms);
    assert.ok(result.index_bytes > 0 && result.postings > 0 && result.terms > 0);
    // 40 topics' worth of files at 2000 windows: a held-out window must mostly retrieve its own topic.
    assert.ok(result.topic_precision > 0.8, `topic precision ${result.topic_precision}`);
    assert.equal(result.reload_identical, true);
    assert.ok(result.exact_share > 0 && result.exact_share <= 1);
  });

  it('stops with CancelledError when the token is cancelled', async () => {
    await assert.rejects(benchScale({ windows: 20_000, queries: 10, seed: 1, k: 10 }, { isCancelled: true }, phases), CancelledError);
  });

  it('percentile is nearest-rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(sorted, 0.5), 50);
    assert.equal(percentile(sorted, 0.99), 99);
    assert.equal(percentile([], 0.5), 0);
  });
});
