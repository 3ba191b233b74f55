import type { Command } from 'commander';
import { benchCompletion } from '../../bench/benchCompletion';
import type { BenchCompletionOptions } from '../../bench/benchCompletion';
import { formatCompletionBench } from '../formatCompletionBench';
import { InterruptToken } from '../interruptToken';
import { printResult } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { TerminalProgress } from '../terminalProgress';

/** `arenalab bench completion`: the next-line benchmark of BRIEF §4. */
export function registerBenchCompletionCommand(bench: Command): void {
  bench
    .command('completion')
    .description('Next-line completion on a repository (BRIEF §4): engine EM/ES, coverage, shown EM, latency, index build and RSS, with the jaccard-copy baseline on the same cases.')
    .requiredOption('--repo <dir>', 'repository to benchmark (.gitignore and default excludes honoured)')
    .option('--per-file <n>', 'target lines sampled per file', parsePositiveInt, 10)
    .option('--max-files <n>', 'benchmark at most this many files, a seeded sample (every file is still indexed)', parsePositiveInt)
    .option('--seed <n>', 'sampling seed', parsePositiveInt, 1)
    .option('--lang <id>', 'only files of this language id or extension (python, py, typescript, ts, …) are targets')
    .option('--syntax', 'parse-check candidates with tree-sitter and drop those that add parse errors')
    .option('--json', 'print one JSON document')
    .action(async (options: BenchCompletionOptions & { json?: boolean }) => {
      const token = new InterruptToken();
      const progress = new TerminalProgress();
      try {
        const result = await benchCompletion(options, token, progress);
        progress.stop();
        printResult(result, Boolean(options.json), formatCompletionBench);
      } finally {
        progress.stop();
        token.dispose();
      }
    });
}
