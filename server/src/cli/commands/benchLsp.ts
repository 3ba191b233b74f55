import type { Command } from 'commander';
import { benchLsp } from '../../bench/benchLsp';
import type { BenchLspResult } from '../../bench/benchLsp';
import { printResult, table } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { withCliWork } from '../withCliWork';

function formatLspBench(r: BenchLspResult): string {
  const memory = r.server_rss_mb === null ? 'server RSS not available (no /proc)' : `server RSS ${r.server_rss_mb} MB, peak ${r.server_rss_mb_peak} MB`;
  return [
    `LSP benchmark: ${r.requests} textDocument/inlineCompletion requests over stdio on ${r.repo} (${r.files} files, ${r.windows} windows indexed in ${r.index_s} s)`,
    table([
      ['p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'mean ms', 'answered', 'empty'],
      [r.p50_ms, r.p95_ms, r.p99_ms, r.max_ms, r.mean_ms, r.answered, r.empty],
    ]),
    `${memory}, node ${r.node}, ${r.cpus} cpus; server: ${r.server}`,
  ].join('\n');
}

/** `arenalab bench lsp`: end-to-end completion latency through the real language server over stdio. */
export function registerBenchLspCommand(bench: Command): void {
  bench
    .command('lsp')
    .description('End-to-end inline completion latency through the language server over stdio (p50/p95/p99/max), answered/empty counts, index time and the server\'s RSS.')
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
