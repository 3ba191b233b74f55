import type { Command } from 'commander';
import { benchLsp } from '../../bench/benchLsp';
import type { BenchLspResult } from '../../bench/benchLsp';
import type { StartMeasurement } from '../../bench/benchLspStart';
import { printResult, table } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { withCliWork } from '../withCliWork';

function formatStart(label: string, s: StartMeasurement): (string | number)[] {
  const rss = s.server_rss_mb === null ? 'n/a' : `${s.server_rss_mb} MB (peak ${s.server_rss_mb_peak} MB)`;
  const d = s.during_indexing;
  return [label, String(s.index_source), s.first_response_s, s.ready_s, `${d.requests} (${s.answered_during_indexing} answered): p50 ${d.p50_ms} / p99 ${d.p99_ms} / max ${d.max_ms}`, rss];
}

function formatLspBench(r: BenchLspResult): string {
  const memory = r.server_rss_mb === null ? 'server RSS not available (no /proc)' : `server RSS ${r.server_rss_mb} MB, peak ${r.server_rss_mb_peak} MB`;
  return [
    `LSP benchmark: ${r.requests} textDocument/inlineCompletion requests over stdio on ${r.repo} (${r.files} files, ${r.windows} windows indexed in ${r.index_s} s)`,
    table([
      ['p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'mean ms', 'answered', 'empty'],
      [r.p50_ms, r.p95_ms, r.p99_ms, r.max_ms, r.mean_ms, r.answered, r.empty],
    ]),
    `${memory}, node ${r.node}, ${r.cpus} cpus; server: ${r.server}`,
    'Starts (seconds from spawning the server; completions in an open document while it indexes, one each 50 ms after the last answer, ms):',
    table([['start', 'index', 'first response s', 'ready s', 'completions while indexing', 'RSS at ready'], formatStart('cold', r.cold_start), formatStart('warm', r.warm_start)]),
  ].join('\n');
}

/** `arenalab bench lsp`: end-to-end completion latency through the real language server over stdio. */
export function registerBenchLspCommand(bench: Command): void {
  bench
    .command('lsp')
    .description('End-to-end inline completion latency through the language server over stdio (p50/p95/p99/max), answered/empty counts, the server\'s RSS, and a cold start (no saved index) and a warm start (the saved index loaded): time to the first answer and to ready, latency while indexing.')
    .requiredOption('--repo <dir>', 'repository the server indexes as its workspace folder (.gitignore and default excludes honoured)')
    .option('--requests <n>', 'completion requests to time (seeded sample of next-line positions)', parsePositiveInt, 300)
    .option('--seed <n>', 'sampling seed', parsePositiveInt, 1)
    .option('--json', 'print one JSON document')
    .action(async (options: { repo: string; requests: number; seed: number; json?: boolean }) => {
      // The server is this same CLI (bin/arenalab.js, or the bundled dist/arenalab.js) on the same Node.
      const serverCommand = [process.execPath, process.argv[1], 'lsp', '--stdio'];
      const result = await withCliWork((token, progress) => benchLsp({ ...options, serverCommand }, token, progress));
      printResult(result, Boolean(options.json), formatLspBench);
    });
}
