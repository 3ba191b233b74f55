import type { Command } from 'commander';
import { benchIngest } from '../../bench/benchIngest';
import type { BenchIngestResult } from '../../bench/benchIngest';
import { InterruptToken } from '../interruptToken';
import { printResult, table } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { TerminalProgress } from '../terminalProgress';

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
      const token = new InterruptToken();
      const progress = new TerminalProgress();
      try {
        const result = await benchIngest(options, token, progress);
        progress.stop();
        printResult(result, Boolean(options.json), formatBench);
      } finally {
        progress.stop();
        token.dispose();
      }
    });
}
