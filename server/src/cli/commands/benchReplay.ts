import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { benchReplay } from '../../bench/benchReplay';
import type { BenchReplayOptions } from '../../bench/benchReplay';
import { formatReplayBench } from '../formatReplayBench';
import { printResult } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { withCliWork } from '../withCliWork';
import { parseEngineConfig } from './benchCompletion';

function parseFraction(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value >= 1) throw new InvalidArgumentError('expected a number between 0 and 1 (exclusive)');
  return value;
}

/** `arenalab bench replay`: the learning curve of a creature that learns a repository's history as it happens. */
export function registerBenchReplayCommand(bench: Command): void {
  bench
    .command('replay')
    .description('Replay a git history in time order: at each commit a learning creature and a static one predict added lines (next-line protocol on the new code), then the learning one learns the change. Prints EM/ES per slice of history.')
    .requiredOption('--repo <dir>', 'git repository to replay (its first-parent line)')
    .option('--start <fraction>', 'share of the history the creatures start from', parseFraction, 0.3)
    .option('--slices <n>', 'slices of the replayed history in the learning curve', parsePositiveInt, 5)
    .option('--per-commit <n>', 'added lines predicted per commit, a seeded sample', parsePositiveInt, 20)
    .option('--max-commits <n>', 'only the most recent N commits', parsePositiveInt)
    .option('--seed <n>', 'sampling seed', parsePositiveInt, 1)
    .option('--engine-config <json>', 'engine settings for every creature, for an ablation, e.g. \'{"learnedWeightGain":0}\'', parseEngineConfig)
    .option('--json', 'print one JSON document')
    .action(async (options: BenchReplayOptions & { json?: boolean }) => {
      const result = await withCliWork((token, progress) => benchReplay(options, token, progress));
      printResult(result, Boolean(options.json), formatReplayBench);
    });
}
