import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { benchQa } from '../../bench/benchQa';
import type { BenchQaOptions } from '../../bench/benchQa';
import { formatQaBench } from '../formatQaBench';
import { printResult } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { withCliWork } from '../withCliWork';

function parseShare(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1) throw new InvalidArgumentError(`expected a number in 0..1, got "${value}"`);
  return parsed;
}

/** `arenalab bench qa`: MMLU and TruthfulQA answered by the chat engine's retrieval. */
export function registerBenchQaCommand(bench: Command): void {
  bench
    .command('qa')
    .description('MMLU and TruthfulQA multiple choice answered by the chat engine (memory from dev/val only): accuracy, chance, coverage and accuracy at the threshold, 10-bin ECE, the seed’s tier and baseline table.')
    .option('--mmlu <dir>', 'MMLU folder in the standard layout: dev/, val/, test/ of <subject>_<split>.csv (no header: question, A, B, C, D, answer)')
    .option('--truthfulqa <file>', 'TruthfulQA.csv (header: Type, Category, Question, Best Answer, Correct Answers, Incorrect Answers, Source)')
    .option('--threshold <x>', 'confidence (0..1) at which an answer is given instead of "I don\'t know"', parseShare, 0.5)
    .option('--memory-share <x>', 'share of TruthfulQA questions used as memory (it has no dev split); the rest are scored', parseShare, 0.5)
    .option('--seed <n>', 'seed of the TruthfulQA split and of tie-breaking between equal choices', parsePositiveInt, 1)
    .option('--json', 'print one JSON document')
    .action(async (options: BenchQaOptions & { json?: boolean }) => {
      const result = await withCliWork((token, progress) => benchQa(options, token, progress));
      printResult(result, Boolean(options.json), formatQaBench);
    });
}
