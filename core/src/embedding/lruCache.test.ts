import { strict as assert } from 'node:assert';
import { LruCache, LruCacheConfigError } from './lruCache';

describe('LruCache', () => {
  it('evicts the least recently used entry, where a get counts as a use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.has('b'), false);
    assert.deepEqual(cache.keys(), ['a', 'c']);
    assert.equal(cache.evictions, 1);
  });

  it('overwrites in place without growing, and has() does not refresh recency', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    assert.equal(cache.size, 2);
    assert.ok(cache.has('b'));
    cache.set('c', 3);
    assert.deepEqual(cache.keys(), ['a', 'c']);
    assert.equal(cache.get('a'), 10);
  });

  it('never holds more than its capacity', () => {
    const cache = new LruCache<number, number>(5);
    for (let i = 0; i < 100; i++) cache.set(i, i);
    assert.equal(cache.size, 5);
    assert.deepEqual(cache.keys(), [95, 96, 97, 98, 99]);
  });

  it('rejects a capacity that is not a positive integer', () => {
    assert.throws(() => new LruCache(0), LruCacheConfigError);
    assert.throws(() => new LruCache(1.5), LruCacheConfigError);
  });
});
