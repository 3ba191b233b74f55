import type { Command } from 'commander';
import { benchIndex } from '../../bench/benchIndex';
import type { BenchIndexResult } from '../../bench/benchIndex';
import { benchIngest } from '../../bench/benchIngest';
import { benchScale } from '../../bench/benchScale';
import type { BenchScaleResult } from '../../bench/benchScale';
import { registerBenchCompletionCommand } from './benchCompletion';
import { registerBenchLspCommand } from './benchLsp';
import { registerBenchReplayCommand } from './benchReplay';
import { registerBenchSelfPlayCommand } from './benchSelfPlay';
import type { BenchIngestResult } from '../../bench/benchIngest';
import { printResult, table } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { withCliWork } from '../withCliWork';
import { registerBenchQaCommand } from './benchQa';

function formatBench(r: BenchIngestResult): string {
  return [
    `ingest benchmark: ${r.generated_turns} generated chat turns (${r.log_mb} MB), ${r.stored_spans} stored, ${r.dataset_spans} in the dataset`,
    table([
      ['phase', 'seconds', 'spans/s'],
      ...(['ingest', 'quality', 'dataset'] as const).map((p) => [p, r.phases[p].seconds, r.phases[p].spans_per_s]),
      ['total', r.total.seconds, r.total.spans_per_s],
    ]),
    `peak RSS ${r.rss_mb_peak} MB, store ${r.store_mb} MB, index ${r.index}, node ${r.node}, ${r.cpus} cpus`,
  ].join('\n');
}

function formatIndexBench(r: BenchIndexResult): string {
  return [
    `vector index benchmark: ${r.vectors} clustered vectors × ${r.dimension} dims (${r.clusters} clusters), ${r.queries} held-out queries, k=${r.k}`,
    table([
      ['index', 'build s', 'queries/s', `recall@${r.k}`],
      [`hnsw M=${r.hnsw.m} efC=${r.hnsw.ef_construction} ef=${r.hnsw.ef_search}`, r.hnsw.build_s, r.hnsw.queries_per_s, r.hnsw.recall],
      ['exact (brute force)', r.exact.build_s, r.exact.queries_per_s, 1],
    ]),
    `peak RSS ${r.rss_mb_peak} MB, node ${r.node}, ${r.cpus} cpus`,
  ].join('\n');
}

function formatScaleBench(r: BenchScaleResult): string {
  return [
    `scale benchmark: ${r.windows} synthetic windows (${r.topics} topics, ${r.tokens_per_window} tokens), ${r.queries} held-out BM25 queries, k=${r.k}`,
    table([
      ['build s', 'windows/s', 'terms', 'postings', 'index MB'],
      [r.build_s, r.windows_per_s, r.terms, r.postings, Math.round(r.index_bytes / 2 ** 20)],
    ]),
    table([
      ['query p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'exact', 'inexact recall', 'topic precision'],
      [r.query_p50_ms, r.query_p95_ms, r.query_p99_ms, r.query_max_ms, r.exact_share, r.inexact_recall, r.topic_precision],
    ]),
    `re-index one file ${r.update_ms_per_file} ms, serialize ${r.serialize_s} s, load ${r.load_s} s, reload identical: ${r.reload_identical}`,
    `RSS after build ${r.rss_mb_after_build} MB, peak ${r.rss_mb_peak} MB, node ${r.node}, ${r.cpus} cpus`,
  ].join('\n');
}

export function registerBenchCommand(program: Command): void {
  const bench = program.command('bench').description('Benchmarks: commands that print measurements (never asserted in tests).');
  bench
    .command('ingest')
    .description('Spans per second for ingest + quality + dataset build on generated chat spans, and RSS.')
    .option('--spans <n>', 'chat turns (= spans) to generate', parsePositiveInt, 100_000)
    .option('--seed <n>', 'generator seed', parsePositiveInt, 1)
    .option('--index <kind>', 'vector index: hnsw or exact', 'hnsw')
    .option('--keep <dir>', 'keep the generated log and store in this folder')
    .option('--json', 'print one JSON document')
    .action(async (options: { spans: number; seed: number; index: 'hnsw' | 'exact'; keep?: string; json?: boolean }) => {
      const result = await withCliWork((token, progress) => benchIngest(options, token, progress));
      printResult(result, Boolean(options.json), formatBench);
    });
  bench
    .command('index')
    .description('HNSW against exact search on seeded clustered vectors: build time, queries per second, recall@k.')
    .option('--vectors <n>', 'vectors to index', parsePositiveInt, 20_000)
    .option('--queries <n>', 'held-out queries', parsePositiveInt, 500)
    .option('--dim <n>', 'dimension', parsePositiveInt, 512)
    .option('--clusters <n>', 'cluster centres', parsePositiveInt, 200)
    .option('--k <n>', 'neighbours per query', parsePositiveInt, 10)
    .option('--ef-search <n>', 'HNSW efSearch', parsePositiveInt, 50)
    .option('--seed <n>', 'generator seed', parsePositiveInt, 1)
    .option('--json', 'print one JSON document')
    .action(async (options: { vectors: number; queries: number; dim: number; clusters: number; k: number; efSearch: number; seed: number; json?: boolean }) => {
      const result = await withCliWork((token, progress) => benchIndex({ ...options, dimension: options.dim }, token, progress));
      printResult(result, Boolean(options.json), formatIndexBench);
    });
  registerBenchCompletionCommand(bench);
  registerBenchLspCommand(bench);
  registerBenchReplayCommand(bench);
  registerBenchSelfPlayCommand(bench);
  bench
    .command('scale')
    .description('The BM25 inverted index at scale on synthetic clustered code windows: build time, query p50/p99, RSS, index size.')
    .option('--windows <n>', 'windows to index', parsePositiveInt, 100_000)
    .option('--queries <n>', 'held-out queries', parsePositiveInt, 1000)
    .option('--k <n>', 'results per query', parsePositiveInt, 10)
    .option('--seed <n>', 'generator seed', parsePositiveInt, 1)
    .option('--json', 'print one JSON document')
    .action(async (options: { windows: number; queries: number; k: number; seed: number; json?: boolean }) => {
      const result = await withCliWork((token, progress) => benchScale(options, token, progress));
      printResult(result, Boolean(options.json), formatScaleBench);
    });
  registerBenchQaCommand(bench);
}
