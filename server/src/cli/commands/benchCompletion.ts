import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { CompletionEngine, DEFAULT_COMPLETION_ENGINE_CONFIG } from '@arenalab/core';
import type { CompletionEngineConfig } from '@arenalab/core';
import { benchCompletion } from '../../bench/benchCompletion';
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

/** `arenalab bench completion`: the next-line benchmark (`runNextLineBenchmark`) or, `--mode block`, the block one (`runBlockBenchmark`), printed or as JSON. */
export function registerBenchCompletionCommand(bench: Command): void {
  bench
    .command('completion')
    .description('Completion on a repository: next-line EM/ES, coverage, shown EM, latency, index build and RSS, with the jaccard-copy baseline on the same cases; --mode block: whole bodies after block openers (block_em, lines_right, first_line_em).')
    .requiredOption('--repo <dir>', 'repository to benchmark (.gitignore and default excludes honoured)')
    .option('--per-file <n>', 'target lines sampled per file', parsePositiveInt, 10)
    .option('--max-files <n>', 'benchmark at most this many files, a seeded sample (every file is still indexed)', parsePositiveInt)
    .option('--seed <n>', 'sampling seed', parsePositiveInt, 1)
    .option('--lang <id>', 'only files of this language id or extension (python, py, typescript, ts, …) are targets')
    .option('--syntax', 'parse-check candidates with tree-sitter and drop those that add parse errors')
    .option('--engine-config <json>', 'override engine settings for an ablation, e.g. \'{"consensusCandidates":1}\'', parseEngineConfig)
    .addOption(new Option('--mode <mode>', 'where the cursor is: the start of a line, inside one, or the start of a block body').choices(['next-line', 'mid-line', 'block']).default('next-line'))
    .option('--json', 'print one JSON document')
    .action(async (options: BenchCompletionOptions & { json?: boolean; mode: string; engineConfig?: Partial<CompletionEngineConfig> }) => {
      const engine = new CompletionEngine(options.engineConfig ?? {});
      if (options.mode === 'mid-line') throw Object.assign(new Error('--mode mid-line is not implemented in this build (next-line and block are)'), { code: 'MODE_NOT_IMPLEMENTED' });
      if (options.mode === 'block') {
        const blocks = await withCliWork((token, progress) => benchBlockCompletion(options, token, progress, engine));
        printResult(blocks, Boolean(options.json), formatBlockBench);
        return;
      }
      const result = await withCliWork((token, progress) => benchCompletion(options, token, progress, engine));
      printResult(result, Boolean(options.json), formatCompletionBench);
    });
}
