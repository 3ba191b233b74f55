import * as os from 'node:os';
import { BruteForceIndex, throwIfCancelled, yieldToHost } from '@arenalab/core';
import type { Cancellation, Progress, VectorIndex } from '@arenalab/core';
import { DEFAULT_HNSW_CONFIG, HnswVectorIndex } from '../adapters';
import { clusteredVectors } from './clusteredVectors';

export interface BenchIndexOptions {
  vectors: number;
  queries: number;
  dimension: number;
  clusters: number;
  k: number;
  seed: number;
  efSearch: number;
}

export interface BenchIndexResult {
  benchmark: 'vector-index';
  vectors: number;
  queries: number;
  dimension: number;
  clusters: number;
  k: number;
  hnsw: { m: number; ef_construction: number; ef_search: number; build_s: number; queries_per_s: number; recall: number };
  exact: { build_s: number; queries_per_s: number };
  rss_mb_peak: number;
  node: string;
  cpus: number;
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

async function fill(index: VectorIndex, points: readonly Float32Array[], token: Cancellation, progress: Progress): Promise<number> {
  let elapsed = 0;
  for (let i = 0; i < points.length; i++) {
    if (i % 1000 === 0) {
      await yieldToHost();
      throwIfCancelled(token, 'index build');
      progress.report(i, points.length);
    }
    const start = process.hrtime.bigint();
    index.add(`p${i}`, points[i]);
    elapsed += seconds(start);
  }
  return elapsed;
}

function searchAll(index: VectorIndex, queries: readonly Float32Array[], k: number): { ids: string[][]; perSecond: number } {
  const start = process.hrtime.bigint();
  const ids = queries.map((q) => index.search(q, k).map((hit) => hit.id));
  return { ids, perSecond: queries.length / seconds(start) };
}

/**
 * HNSW against the exact index on seeded clustered vectors: build time, queries per second and recall@k (the share
 * of the exact top-k that HNSW returns). Queries are held-out points from the same clusters.
 */
export async function benchIndex(options: BenchIndexOptions, token: Cancellation, progress: { phase(label: string): Progress }): Promise<BenchIndexResult> {
  const all = clusteredVectors(options.seed, options.vectors + options.queries, options.dimension, options.clusters, 0.35);
  const points = all.slice(0, options.vectors);
  const queries = all.slice(options.vectors);
  const config = { ...DEFAULT_HNSW_CONFIG, efSearch: options.efSearch, initialCapacity: options.vectors };
  const hnsw = HnswVectorIndex.create(options.dimension, config);
  const exact = new BruteForceIndex(options.dimension);
  const hnswBuild = await fill(hnsw, points, token, progress.phase('hnsw build'));
  const exactBuild = await fill(exact, points, token, progress.phase('exact build'));
  const approximate = searchAll(hnsw, queries, options.k);
  const truth = searchAll(exact, queries, options.k);
  let found = 0;
  truth.ids.forEach((ids, i) => {
    const expected = new Set(ids);
    found += approximate.ids[i].filter((id) => expected.has(id)).length;
  });
  return {
    benchmark: 'vector-index',
    vectors: options.vectors,
    queries: options.queries,
    dimension: options.dimension,
    clusters: options.clusters,
    k: options.k,
    hnsw: {
      m: config.M,
      ef_construction: config.efConstruction,
      ef_search: config.efSearch,
      build_s: round(hnswBuild),
      queries_per_s: Math.round(approximate.perSecond),
      recall: round(found / (queries.length * options.k), 4),
    },
    exact: { build_s: round(exactBuild), queries_per_s: Math.round(truth.perSecond) },
    rss_mb_peak: Math.round(process.resourceUsage().maxRSS / 1024),
    node: process.version,
    cpus: os.cpus().length,
  };
}
