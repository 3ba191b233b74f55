import { strict as assert } from 'node:assert';
import { ConfigError } from '@arenalab/core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BruteForceIndex, DimensionMismatchError } from '@arenalab/core';
import { clusteredVectors as clusteredData } from '../bench/clusteredVectors';
import { availableVectorIndex, createVectorIndex } from './createVectorIndex';
import { DEFAULT_HNSW_CONFIG, HnswIndexFileError } from './hnswConfig';
import { HnswVectorIndex } from './hnswVectorIndex';

function unit(values: number[]): Float32Array {
  const v = Float32Array.from(values);
  const n = Math.hypot(...values);
  return v.map((x) => x / n);
}

describe('HnswVectorIndex', function () {
  this.timeout(120_000);

  it('reaches recall@10 ≥ 0.95 against the exact index on clustered data at default settings', () => {
    const dim = 64;
    // Queries come from the same centres as the points (held out, never added).
    const all = clusteredData(1, 6200, dim, 50, 0.35);
    const points = all.slice(0, 6000);
    const queries = all.slice(6000);
    const hnsw = HnswVectorIndex.create(dim);
    const exact = new BruteForceIndex(dim);
    points.forEach((p, i) => {
      hnsw.add(`p${i}`, p);
      exact.add(`p${i}`, p);
    });
    assert.equal(hnsw.size, 6000);
    assert.ok(hnsw.capacity >= 6000, 'capacity grew from the default 1024');
    let found = 0;
    for (const q of queries) {
      const truth = new Set(exact.search(q, 10).map((h) => h.id));
      found += hnsw.search(q, 10).filter((h) => truth.has(h.id)).length;
    }
    const recall = found / (queries.length * 10);
    assert.ok(recall >= 0.95, `recall@10 = ${recall}`);
  });

  it('reports cosine similarities that agree with the exact index', () => {
    const hnsw = HnswVectorIndex.create(3);
    hnsw.add('x', Float32Array.from([1, 0, 0]));
    hnsw.add('xy', Float32Array.from([1, 1, 0]));
    hnsw.add('z', Float32Array.from([0, 0, 2]));
    const hits = hnsw.search(Float32Array.from([2, 0, 0]), 3);
    assert.deepEqual(hits.map((h) => h.id), ['x', 'xy', 'z']);
    assert.ok(Math.abs(hits[0].similarity - 1) < 1e-6);
    assert.ok(Math.abs(hits[1].similarity - Math.SQRT1_2) < 1e-6);
    assert.ok(Math.abs(hits[2].similarity) < 1e-6);
  });

  it('never returns removed ids, replaces in place of the old vector, and reuses deleted slots', () => {
    const hnsw = HnswVectorIndex.create(2, { initialCapacity: 4 });
    hnsw.add('a', unit([1, 0]));
    hnsw.add('b', unit([0, 1]));
    hnsw.add('c', unit([1, 1]));
    assert.ok(hnsw.remove('a'));
    assert.equal(hnsw.remove('a'), false);
    assert.equal(hnsw.has('a'), false);
    assert.deepEqual(hnsw.search(unit([1, 0]), 10).map((h) => h.id), ['c', 'b']);
    hnsw.add('b', unit([1, -0.1]));
    assert.equal(hnsw.size, 2);
    assert.equal(hnsw.search(unit([1, 0]), 1)[0].id, 'b');
    for (let i = 0; i < 50; i++) hnsw.add('churn', unit([Math.cos(i), Math.sin(i)]));
    assert.equal(hnsw.capacity, 4, 'replacing the same id reuses the deleted slot instead of growing');
    assert.equal(hnsw.size, 3);
  });

  it('asks hnswlib for no more than the live count, so k above size is fine', () => {
    const hnsw = HnswVectorIndex.create(2, { initialCapacity: 2 });
    assert.deepEqual(hnsw.search(unit([1, 0]), 5), []);
    hnsw.add('a', unit([1, 0]));
    hnsw.add('b', unit([0, 1]));
    hnsw.remove('b');
    assert.deepEqual(hnsw.search(unit([1, 0]), 100).map((h) => h.id), ['a']);
    assert.deepEqual(hnsw.search(unit([1, 0]), 0), []);
  });

  it('survives a save/load round trip with the same answers, and keeps working after it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-hnsw-'));
    try {
      const points = clusteredData(3, 500, 16, 10, 0.3);
      const hnsw = HnswVectorIndex.create(16, { efSearch: 80 });
      points.forEach((p, i) => hnsw.add(`p${i}`, p));
      hnsw.remove('p7');
      hnsw.save(dir);
      const loaded = HnswVectorIndex.load(dir);
      assert.equal(loaded.size, 499);
      assert.equal(loaded.config.efSearch, 80);
      for (const q of points.slice(0, 20)) assert.deepEqual(loaded.search(q, 5), hnsw.search(q, 5));
      assert.equal(loaded.has('p7'), false);
      loaded.add('new', points[7]);
      assert.equal(loaded.search(points[7], 1)[0].id, 'new');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains why a saved index cannot be loaded', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-hnsw-'));
    try {
      assert.throws(() => HnswVectorIndex.load(dir), (e: unknown) => e instanceof HnswIndexFileError && /id map is missing/.test(e.message));
      fs.writeFileSync(path.join(dir, 'ids.json'), '{not json');
      assert.throws(() => HnswVectorIndex.load(dir), /not valid JSON/);
      const index = HnswVectorIndex.create(2);
      index.add('a', unit([1, 0]));
      index.save(dir);
      fs.rmSync(path.join(dir, 'index.hnsw'));
      assert.throws(() => HnswVectorIndex.load(dir), /index file is missing/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects wrong dimensions and out-of-bounds settings with typed errors', () => {
    const hnsw = HnswVectorIndex.create(4);
    assert.throws(() => hnsw.add('a', new Float32Array(3)), DimensionMismatchError);
    assert.throws(() => hnsw.search(new Float32Array(5), 1), DimensionMismatchError);
    assert.throws(() => HnswVectorIndex.create(4, { M: 1 }), (e: unknown) => e instanceof ConfigError && e.code === 'BAD_HNSW_CONFIG');
    assert.deepEqual({ ...hnsw.config }, { ...DEFAULT_HNSW_CONFIG });
    assert.equal(DEFAULT_HNSW_CONFIG.M, 16);
    assert.equal(DEFAULT_HNSW_CONFIG.efConstruction, 200);
    assert.equal(DEFAULT_HNSW_CONFIG.efSearch, 50);
  });
});

describe('createVectorIndex', () => {
  it('builds an HNSW index when asked and hnswlib-node loads', () => {
    const created = createVectorIndex(8, { kind: 'hnsw' });
    assert.equal(created.kind, 'hnsw');
    assert.ok(created.index instanceof HnswVectorIndex);
    assert.equal(created.fallbackReason, undefined);
  });

  it('builds the exact index when asked', () => {
    const created = createVectorIndex(8, { kind: 'exact' });
    assert.ok(created.index instanceof BruteForceIndex);
    assert.equal(created.kind, 'exact');
  });

  it('falls back to the exact index, saying why, when hnswlib-node cannot load', () => {
    const created = createVectorIndex(8, {
      kind: 'hnsw',
      loadHnswlib: () => {
        throw new Error("Cannot find module 'hnswlib-node'\nRequire stack: ...");
      },
    });
    assert.ok(created.index instanceof BruteForceIndex);
    assert.equal(created.kind, 'exact');
    assert.match(created.fallbackReason ?? '', /hnswlib-node could not be loaded \(Cannot find module 'hnswlib-node'\)/);
    created.index.add('a', Float32Array.from([1, 0, 0, 0, 0, 0, 0, 0]));
    assert.equal(created.index.search(Float32Array.from([1, 0, 0, 0, 0, 0, 0, 0]), 1)[0].id, 'a');
  });
});

describe('availableVectorIndex', () => {
  it('says hnsw when the addon loads, and exact with the same reason createVectorIndex gives when it does not', () => {
    assert.deepEqual(availableVectorIndex(), { kind: 'hnsw' });
    const missing = () => {
      throw new Error("Cannot find module 'hnswlib-node'\nRequire stack: ...");
    };
    const available = availableVectorIndex(missing);
    assert.equal(available.kind, 'exact');
    assert.equal(available.reason, createVectorIndex(4, { kind: 'hnsw', loadHnswlib: missing }).fallbackReason);
    assert.match(available.reason ?? '', /hnswlib-node could not be loaded \(Cannot find module 'hnswlib-node'\)/);
  });
});
