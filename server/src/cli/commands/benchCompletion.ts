import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { CompletionEngine, DEFAULT_COMPLETION_ENGINE_CONFIG, systemClock } from '@arenalab/core';
import type { CompletionEngineConfig } from '@arenalab/core';
import { benchCompletion } from '../../bench/benchCompletion';
import { BENCH_MODES } from '../../evaluation';
import type { BenchMode } from '../../evaluation';
import type { BenchCompletionOptions } from '../../bench/benchCompletion';
import { benchBlockCompletion } from '../../bench/benchBlockCompletion';
import { formatBlockBench } from '../formatBlockBench';
import { formatCompletionBench } from '../formatCompletionBench';
import { printResult } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { withCliWork } from '../withCliWork';

/** A JSON object of known engine settings with numeric values; anything else is a clear error. */
export function parseEngineConfig(text: string): Partial<CompletionEngineConfig> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError(`not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidArgumentError('expected a JSON object');
  for (const [key, setting] of Object.entries(value)) {
    if (!(key in DEFAULT_COMPLETION_ENGINE_CONFIG)) throw new InvalidArgumentError(`unknown engine setting "${key}" (known: ${Object.keys(DEFAULT_COMPLETION_ENGINE_CONFIG).join(', ')})`);
    if (typeof setting !== 'number' || !Number.isFinite(setting) || setting < 0) throw new InvalidArgumentError(`${key} must be a non-negative number`);
  }
  return value as Partial<CompletionEngineConfig>;
}

/** A benchmark mode named on the command line: next-line and mid-line run the line protocol, block the block one. */
export function parseBenchMode(text: string): BenchMode | 'block' {
  const modes: readonly string[] = [...BENCH_MODES, 'block'];
  if (!modes.includes(text)) throw new InvalidArgumentError(`expected one of ${modes.join(', ')}`);
  return text as BenchMode | 'block';
}

/**
 * `arenalab bench completion`: the line benchmark (`runNextLineBenchmark`, next line or rest of a line) or, with
 * `--mode block`, the block one (`runBlockBenchmark`), printed or as JSON.
 */
export function registerBenchCompletionCommand(bench: Command): void {
  bench
    .command('completion')
    .description('Completion on a repository (next line, rest of a line typed in part, or a block body): engine EM/ES, coverage, shown EM, ECE, latency, index build and RSS, with the jaccard-copy and copy-only baselines on the same cases; --mode block: whole bodies after block openers (block_em, lines_right, first_line_em).')
    .requiredOption('--repo <dir>', 'repository to benchmark (.gitignore and default excludes honoured)')
    .option('--per-file <n>', 'target lines sampled per file', parsePositiveInt, 10)
    .option('--max-files <n>', 'benchmark at most this many files, a seeded sample (every file is still indexed)', parsePositiveInt)
    .option('--seed <n>', 'sampling seed', parsePositiveInt, 1)
    .option('--lang <id>', 'only files of this language id or extension (python, py, typescript, ts, …) are targets')
    .option('--syntax', 'parse-check candidates with tree-sitter and drop those that add parse errors')
    .option('--engine-config <json>', 'override engine settings for an ablation, e.g. \'{"consensusCandidates":1}\'', parseEngineConfig)
    .option('--mode <mode>', `what is predicted: ${[...BENCH_MODES, 'block'].join(' | ')} (mid-line: the rest of the line after a seeded token boundary in its first 60 %; block: the body after a block opener)`, parseBenchMode, 'next-line')
    .option('--json', 'print one JSON document')
    .action(async (options: Omit<BenchCompletionOptions, 'mode'> & { json?: boolean; mode: BenchMode | 'block'; engineConfig?: Partial<CompletionEngineConfig> }) => {
      const engine = new CompletionEngine(options.engineConfig ?? {}, undefined, systemClock);
      if (options.mode === 'block') {
        const blocks = await withCliWork((token, progress) => benchBlockCompletion({ ...options, mode: undefined }, token, progress, engine));
        printResult(blocks, Boolean(options.json), formatBlockBench);
        return;
      }
      const lineOptions: BenchCompletionOptions = { ...options, mode: options.mode };
      const result = await withCliWork((token, progress) => benchCompletion(lineOptions, token, progress, engine));
      printResult(result, Boolean(options.json), formatCompletionBench);
    });
}
