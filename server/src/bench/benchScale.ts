import * as os from 'node:os';
import { InvertedIndex, throwIfCancelled, yieldToHost } from '@arenalab/core';
import type { Bm25Trace, Cancellation, Progress } from '@arenalab/core';
import { SyntheticWindows } from './syntheticWindows';

export interface BenchScaleOptions {
  windows: number;
  queries: number;
  seed: number;
  k: number;
}

export interface BenchScaleResult {
  benchmark: 'scale';
  windows: number;
  queries: number;
  /** Untimed queries run first so the timed ones measure compiled code. */
  warmup_queries: number;
  k: number;
  seed: number;
  topics: number;
  tokens_per_window: number;
  build_s: number;
  windows_per_s: number;
  terms: number;
  postings: number;
  query_p50_ms: number;
  query_p95_ms: number;
  query_p99_ms: number;
  query_max_ms: number;
  /** Share of queries whose top k is exactly BM25's (the rest hit the postings budget). */
  exact_share: number;
  /** For the inexact queries: the share of BM25's exact top k they still returned (1 when all were exact). */
  inexact_recall: number;
  mean_postings_scanned: number;
  /** Share of top-k hits from the held-out query's own (planted) topic. */
  topic_precision: number;
  /** Re-indexing one file (replaceGroup of its windows). */
  update_ms_per_file: number;
  index_bytes: number;
  serialize_s: number;
  load_s: number;
  /** Whether the reloaded index returns the same top k as the built one. */
  reload_identical: boolean;
  rss_mb_after_build: number;
  rss_mb_peak: number;
  node: string;
  cpus: number;
}

const BATCH = 5000;
const WARMUP_QUERIES = 100;
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** The q-quantile (nearest rank) of ascending `sorted`. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function build(index: InvertedIndex, generator: SyntheticWindows, count: number, token: Cancellation, progress: Progress): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    if (i % BATCH === 0) {
      await yieldToHost();
      throwIfCancelled(token, 'index build');
      progress.report(i, count);
    }
    const w = generator.window(i);
    index.add(w.id, w.tokens, w.file);
  }
  progress.report(count, count);
  return seconds(start);
}

interface QueryRun {
  latenciesMs: number[];
  topIds: string[][];
  exact: number;
  scanned: number;
  onTopic: number;
  inexactFound: number;
  inexactExpected: number;
}

async function runQueries(index: InvertedIndex, generator: SyntheticWindows, indexed: number, first: number, count: number, k: number, token: Cancellation, progress: Progress): Promise<QueryRun> {
  const run: QueryRun = { latenciesMs: [], topIds: [], exact: 0, scanned: 0, onTopic: 0, inexactFound: 0, inexactExpected: 0 };
  const trace: Bm25Trace = { terms: 0, scannedTerms: 0, postingsScanned: 0, candidates: 0, exact: true };
  for (let q = 0; q < count; q++) {
    if (q % 100 === 0) {
      await yieldToHost();
      throwIfCancelled(token, 'queries');
      progress.report(q, count);
    }
    // Held-out windows: generated like the indexed ones (on the topics of indexed files) but never added.
    const query = generator.heldOut(first + q, indexed);
    const start = process.hrtime.bigint();
    const hits = index.search(query.tokens, k, { trace });
    run.latenciesMs.push(seconds(start) * 1000);
    if (!trace.exact) {
      const exact = new Set(index.search(query.tokens, k, { maxPostings: Infinity }).map((h) => h.id));
      run.inexactFound += hits.filter((h) => exact.has(h.id)).length;
      run.inexactExpected += exact.size;
    }
    run.topIds.push(hits.map((h) => h.id));
    run.exact += trace.exact ? 1 : 0;
    run.scanned += trace.postingsScanned;
    run.onTopic += hits.filter((h) => generator.topicOfId(h.id) === query.topic).length;
  }
  return run;
}

async function reindexFiles(index: InvertedIndex, generator: SyntheticWindows, windows: number, token: Cancellation): Promise<number> {
  const perFile = generator.config.windowsPerFile;
  const files = Math.min(100, Math.floor(windows / perFile));
  if (files === 0) return 0;
  await yieldToHost();
  throwIfCancelled(token, 'update');
  const start = process.hrtime.bigint();
  for (let f = 0; f < files; f++) {
    const docs = Array.from({ length: perFile }, (_, j) => generator.window(f * perFile + j));
    index.replaceGroup(`f${f}`, docs);
  }
  return (seconds(start) * 1000) / files;
}

/**
 * The inverted index at scale: builds it over `windows` synthetic clustered code windows, times `queries` held-out
 * BM25 top-k queries, re-indexes 100 files incrementally, serializes, reloads and checks the reloaded index answers
 * identically. Peak RSS covers all of it (build, queries and the reload with the old index released).
 */
export async function benchScale(options: BenchScaleOptions, token: Cancellation, progress: { phase(label: string): Progress }): Promise<BenchScaleResult> {
  const generator = new SyntheticWindows({ seed: options.seed });
  let index = new InvertedIndex();
  const buildS = await build(index, generator, options.windows, token, progress.phase('build'));
  const rssAfterBuild = process.memoryUsage().rss;
  const stats = index.stats();
  // Warm-up queries (held out too, never timed) let the JIT compile the search loops, as in a running server.
  await runQueries(index, generator, options.windows, options.queries, WARMUP_QUERIES, options.k, token, progress.phase('warm-up'));
  const run = await runQueries(index, generator, options.windows, 0, options.queries, options.k, token, progress.phase('queries'));
  const updateMs = await reindexFiles(index, generator, options.windows, token);
  let start = process.hrtime.bigint();
  const bytes = index.serialize();
  const serializeS = seconds(start);
  // Release the built index before loading, as a restarted server would: the assignment is never read, it drops the
  // last reference so the loaded copy is measured without the built one beside it.
  // eslint-disable-next-line no-useless-assignment
  index = new InvertedIndex();
  await yieldToHost();
  start = process.hrtime.bigint();
  index = InvertedIndex.deserialize(bytes);
  const loadS = seconds(start);
  const check = Math.min(100, options.queries);
  const again = await runQueries(index, generator, options.windows, 0, check, options.k, token, progress.phase('reload check'));
  const sorted = [...run.latenciesMs].sort((a, b) => a - b);
  const generated = generator.config;
  return {
    benchmark: 'scale',
    windows: options.windows,
    queries: options.queries,
    warmup_queries: WARMUP_QUERIES,
    k: options.k,
    seed: options.seed,
    topics: generated.topics,
    tokens_per_window: generated.tokensPerWindow,
    build_s: round(buildS),
    windows_per_s: Math.round(options.windows / buildS),
    terms: stats.terms,
    postings: stats.postings,
    query_p50_ms: round(percentile(sorted, 0.5)),
    query_p95_ms: round(percentile(sorted, 0.95)),
    query_p99_ms: round(percentile(sorted, 0.99)),
    query_max_ms: round(sorted[sorted.length - 1] ?? 0),
    exact_share: round(run.exact / Math.max(1, options.queries), 4),
    inexact_recall: run.inexactExpected === 0 ? 1 : round(run.inexactFound / run.inexactExpected, 4),
    mean_postings_scanned: Math.round(run.scanned / Math.max(1, options.queries)),
    topic_precision: round(run.onTopic / Math.max(1, run.topIds.reduce((sum, ids) => sum + ids.length, 0)), 4),
    update_ms_per_file: round(updateMs),
    index_bytes: bytes.length,
    serialize_s: round(serializeS),
    load_s: round(loadS),
    reload_identical: again.topIds.every((ids, q) => ids.join() === run.topIds[q].join()),
    rss_mb_after_build: mb(rssAfterBuild),
    rss_mb_peak: Math.round(process.resourceUsage().maxRSS / 1024),
    node: process.version,
    cpus: os.cpus().length,
  };
}
