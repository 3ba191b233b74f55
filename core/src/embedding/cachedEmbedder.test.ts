import { strict as assert } from 'node:assert';
import type { Embedder } from '../ports/embedder';
import { CachedEmbedder } from './cachedEmbedder';

/** Counts what reaches the inner embedder; its vector encodes the text length and its id. */
class CountingEmbedder implements Embedder {
  readonly dimension = 2;
  id = 'v1';
  calls: string[][] = [];

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls.push([...texts]);
    return texts.map((text) => Float32Array.from([text.length, this.id === 'v1' ? 1 : 2]));
  }
}

describe('CachedEmbedder', () => {
  it('embeds each distinct text once and counts hits and misses', async () => {
    const inner = new CountingEmbedder();
    const cached = new CachedEmbedder(inner);
    const first = await cached.embed(['a', 'bb', 'a']);
    assert.deepEqual(inner.calls, [['a', 'bb']]);
    assert.deepEqual(first.map((v) => [...v]), [[1, 1], [2, 1], [1, 1]]);
    await cached.embed(['bb', 'ccc']);
    assert.deepEqual(inner.calls[1], ['ccc']);
    assert.deepEqual(cached.stats, { hits: 2, misses: 3, size: 3, evictions: 0 });
  });

  it('misses again when the inner embedder id changes', async () => {
    const inner = new CountingEmbedder();
    const cached = new CachedEmbedder(inner);
    await cached.embed(['x']);
    inner.id = 'v2';
    const [vector] = await cached.embed(['x']);
    assert.equal(inner.calls.length, 2);
    assert.deepEqual([...vector], [1, 2]);
    assert.equal(cached.id, 'v2');
  });

  it('stays within maxEntries and returns copies that callers may mutate', async () => {
    const inner = new CountingEmbedder();
    const cached = new CachedEmbedder(inner, { maxEntries: 2 });
    const [vector] = await cached.embed(['a']);
    vector[0] = 99;
    assert.deepEqual([...(await cached.embed(['a']))[0]], [1, 1]);
    await cached.embed(['b', 'c', 'd']);
    assert.equal(cached.stats.size, 2);
    assert.equal(cached.stats.evictions, 2);
  });
});
