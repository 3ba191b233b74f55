import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import type { CompletionEngineConfig } from '@arenalab/core';
import { trainCreature } from '../../bench/trainCreature';
import type { TrainOptions, TrainReport } from '../../bench/trainCreature';
import { printResult, table } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { withCliWork } from '../withCliWork';
import { parseEngineConfig } from './benchCompletion';

function parseCuration(text: string): 'weak' | 'random' {
  if (text !== 'weak' && text !== 'random') throw new InvalidArgumentError('expected weak or random');
  return text;
}

function parseUnit(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new InvalidArgumentError('expected a number in [0, 1]');
  return value;
}

const f4 = (x: number) => x.toFixed(4);

/** The per-epoch report: one row per epoch, then each epoch's weak domains before → after. */
export function formatTrain(r: TrainReport): string {
  const rows = r.epochs.map((e) => [e.epoch, e.indexed_files, e.added_files.length, `${e.weight_updates.accepted}/${e.weight_updates.dismissed}`, f4(e.em), f4(e.es), e.targeted.length]);
  const weak = r.epochs.flatMap((e) =>
    e.targeted.filter((t) => t.added_files > 0).map((t) => [e.epoch, t.domain, t.cases, t.added_files, `${f4(t.em_before)} → ${f4(t.em_after)}`, `${f4(t.es_before)} → ${f4(t.es_after)}`, `${(t.failure_before * 100).toFixed(1)}% → ${(t.failure_after * 100).toFixed(1)}%`]),
  );
  return [
    `train ${r.repo} (curation: ${r.curation}): ${r.files.total} files (${r.files.validation} validation, never indexed; ${r.files.training} training, ${r.files.initially_indexed} indexed at start), ${r.validation_cases} validation cases`,
    table([['epoch', 'indexed', 'added', 'credited/blamed', 'EM', 'ES', 'weak domains'], ...rows]),
    '',
    weak.length === 0 ? 'no epoch curated anything' : table([['epoch', 'weak domain curated', 'cases', 'added', 'EM', 'ES', 'failures'], ...weak]),
    ...r.epochs.filter((e) => e.targeted.some((t) => t.added_files === 0)).map((e) => `epoch ${e.epoch}: ${e.targeted.filter((t) => t.added_files === 0).length} more weak domains had no training file left to add (all in --json)`),
    '',
    `stopped: ${r.stopped}; best epoch ${r.best_epoch} (EM ${f4(r.epochs[r.best_epoch].em)}, ES ${f4(r.epochs[r.best_epoch].es)})`,
  ].join('\n');
}

/** `arenalab train`: the training loop of a retrieval creature (validation split, weak domains, curation, re-index). */
export function registerTrainCommand(program: Command): void {
  program
    .command('train')
    .description('Train a completion creature on a repository: seeded validation split; per epoch evaluate, find domains with > 20 % failures, curate more of their training files (indexed, and trajectory weights learned from how the creature did on them), re-index; stop on target EM or plateau. Prints a per-epoch report.')
    .requiredOption('--repo <dir>', 'repository to train and validate on')
    .option('--target <em>', 'validation EM at which to stop', parseUnit, 0.5)
    .option('--max-epochs <n>', 'most epochs', parsePositiveInt, 10)
    .option('--patience <n>', 'epochs without gain that make a plateau', parsePositiveInt, 2)
    .option('--validation <share>', 'share of files held out for validation', parseUnit, 0.2)
    .option('--initial <share>', 'share of training files indexed before epoch 1', parseUnit, 0.25)
    .option('--batch <n>', 'training files curated per weak domain per epoch', parsePositiveInt, 10)
    .option('--per-file <n>', 'validation lines per file', parsePositiveInt, 10)
    .option('--depth <n>', 'folder segments of a domain', parsePositiveInt, 2)
    .option('--failure-es <x>', 'a case fails below this edit similarity', parseUnit, 0.5)
    .option('--max-failure-rate <x>', 'a domain is weak above this failure rate', parseUnit, 0.2)
    .option('--curation <how>', "weak (files of the weak domains) or random (the ablation: as many files from any domain)", parseCuration, 'weak')
    .option('--no-weights', 'curate files only; learn no trajectory weights')
    .option('--seed <n>', 'seed of the split and the samples', parsePositiveInt, 1)
    .option('--engine-config <json>', 'engine settings, e.g. \'{"learnedWeightGain":0}\'', parseEngineConfig)
    .option('--json', 'print one JSON document')
    .action(async (o: { repo: string; target: number; maxEpochs: number; patience: number; validation: number; initial: number; batch: number; perFile: number; depth: number; failureEs: number; maxFailureRate: number; weights: boolean; curation: 'weak' | 'random'; seed: number; engineConfig?: Partial<CompletionEngineConfig>; json?: boolean }) => {
      const settings: TrainOptions = {
        repo: o.repo,
        seed: o.seed,
        perFile: o.perFile,
        validationShare: o.validation,
        initialShare: o.initial,
        batch: o.batch,
        depth: o.depth,
        targetEm: o.target,
        maxEpochs: o.maxEpochs,
        patience: o.patience,
        weak: { failureEs: o.failureEs, maxFailureRate: o.maxFailureRate },
        learnWeights: o.weights,
        curation: o.curation,
        ...(o.engineConfig !== undefined ? { engineConfig: o.engineConfig } : {}),
      };
      const result = await withCliWork((token, progress) => trainCreature(settings, token, progress));
      printResult(result, Boolean(o.json), formatTrain);
    });
}
