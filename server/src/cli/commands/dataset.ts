import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { importDataset, systemClock, verifyDatasetIntegrity } from '@arenalab/core';
import type { DatasetManifest, DiamondDataset } from '@arenalab/core';
import { buildStoreDataset, DatasetRepository, DatasetRepositoryError, MANIFEST_FILE, SPANS_FILE } from '../../datasets';
import { datasetRefText, parseDatasetRef } from '../datasetRef';
import { formatDatasetStats } from '../formatQuality';
import { InterruptToken } from '../interruptToken';
import { printResult, table } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { resolveStoreDir } from '../../store';
import { TerminalProgress } from '../terminalProgress';
import { MODEL_OPTION_HELP, withModelEmbedder } from '../modelEmbedder';

interface StoreOptions {
  store?: string;
  json?: boolean;
}

const repositoryOf = (options: StoreOptions) => new DatasetRepository(resolveStoreDir(options.store));

/** `name@version` as given, or the latest version of `name`; a clear error when there is none. */
function resolveRef(repository: DatasetRepository, text: string): { name: string; version: string } {
  const { name, version } = parseDatasetRef(text);
  const chosen = version ?? repository.latest(name);
  if (!chosen) throw new DatasetRepositoryError('DATASET_NOT_FOUND', `no dataset named ${name} in ${repository.root} (arenalab dataset list)`);
  return { name, version: chosen };
}

function summary(dataset: DiamondDataset) {
  return { ref: datasetRefText(dataset.name, dataset.version), frozen: dataset.frozen, merkle_root: dataset.merkle_root, stats: dataset.stats };
}

function humanSummary(s: ReturnType<typeof summary>): string {
  return formatDatasetStats(s.ref, s.stats, s.merkle_root) + (s.frozen ? '\n  frozen: yes' : '');
}

async function build(options: StoreOptions & { name: string; maxPerDomain: number; index: 'hnsw' | 'exact'; model?: string }): Promise<void> {
  const storeDir = resolveStoreDir(options.store);
  const token = new InterruptToken();
  const progress = new TerminalProgress();
  try {
    const { built } = await withModelEmbedder(options.model, (embedder) => buildStoreDataset(
      storeDir,
      { clock: systemClock, indexKind: options.index, embedder, dataset: { name: options.name, maxSpansPerDomain: options.maxPerDomain } },
      token,
      progress,
    ));
    progress.stop();
    printResult({ ...summary(built.dataset), dropped: built.report.counts }, Boolean(options.json), (r) =>
      formatDatasetStats(r.ref, r.stats, r.merkle_root, built.report),
    );
  } finally {
    progress.stop();
    token.dispose();
  }
}

/** Verifies either a stored dataset (`name[@version]`) or an exported folder, without storing anything. */
function verify(target: string, options: StoreOptions): void {
  let dataset: DiamondDataset;
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    const manifest = JSON.parse(fs.readFileSync(path.join(target, MANIFEST_FILE), 'utf8')) as DatasetManifest;
    const imported = importDataset(fs.readFileSync(path.join(target, SPANS_FILE), 'utf8'), manifest);
    if (!imported.ok) {
      printResult({ ok: false, target, reason: imported.reason }, Boolean(options.json), (r) => `${r.target}: REFUSED: ${r.reason}`);
      process.exitCode = 1;
      return;
    }
    dataset = imported.dataset;
  } else {
    const repository = repositoryOf(options);
    const { name, version } = resolveRef(repository, target);
    dataset = repository.load(name, version);
  }
  const integrity = verifyDatasetIntegrity(dataset);
  printResult({ ok: integrity.ok, ref: datasetRefText(dataset.name, dataset.version), merkle_root: dataset.merkle_root, problems: integrity.problems }, Boolean(options.json), (r) =>
    r.ok ? `${r.ref}: ok, merkle root ${r.merkle_root}` : `${r.ref}: BROKEN\n${r.problems.map((p) => `  ${p}`).join('\n')}`,
  );
  if (!integrity.ok) process.exitCode = 1;
}

export function registerDatasetCommand(program: Command): void {
  const dataset = program.command('dataset').description('Diamond datasets: build, list, stats, export, import, verify, freeze.');
  const withStore = (command: Command) => command.option('--store <dir>', 'store directory (default: ./.arenalab)').option('--json', 'print one JSON document');

  withStore(dataset.command('build').description('Score the store with the quality meter and build the next version of a diamond dataset.'))
    .option('--name <name>', 'dataset name', 'diamond_dataset_v1')
    .option('--max-per-domain <n>', 'most spans kept per domain (the best by quality)', parsePositiveInt, 1000)
    .option('--index <kind>', 'vector index: hnsw or exact', 'hnsw')
    .option('--model <dir>', MODEL_OPTION_HELP)
    .action(build);

  withStore(dataset.command('list').description('Every stored dataset version.')).action((options: StoreOptions) => {
    const listing = repositoryOf(options).list();
    printResult(listing, Boolean(options.json), (rows) =>
      rows.length === 0 ? 'no datasets yet (arenalab dataset build)' :
      table([['dataset', 'spans', 'frozen', 'created', 'merkle root'], ...rows.map((d) => [datasetRefText(d.name, d.version), d.span_count, d.frozen ? 'yes' : 'no', d.created_at, d.merkle_root.slice(0, 16)])]),
    );
  });

  withStore(dataset.command('stats').description('Stats of a dataset version (default: the latest).'))
    .argument('<dataset>', 'NAME or NAME@VERSION')
    .action((ref: string, options: StoreOptions) => {
      const repository = repositoryOf(options);
      const { name, version } = resolveRef(repository, ref);
      printResult(summary(repository.load(name, version)), Boolean(options.json), humanSummary);
    });

  withStore(dataset.command('export').description('Write a verified dataset version to a folder (spans.jsonl + manifest.json with its Merkle root).'))
    .argument('<dataset>', 'NAME or NAME@VERSION')
    .requiredOption('--out <dir>', 'destination folder')
    .action((ref: string, options: StoreOptions & { out: string }) => {
      const repository = repositoryOf(options);
      const { name, version } = resolveRef(repository, ref);
      repository.exportTo(name, version, options.out);
      printResult({ exported: datasetRefText(name, version), folder: path.resolve(options.out) }, Boolean(options.json), (r) => `exported ${r.exported} to ${r.folder}`);
    });

  withStore(dataset.command('import').description('Verify an exported folder (every span hash and the Merkle root) and store it; a tampered file is refused with the reason.'))
    .argument('<dir>', 'folder with spans.jsonl and manifest.json')
    .action((dir: string, options: StoreOptions) => {
      printResult(summary(repositoryOf(options).importFrom(dir)), Boolean(options.json), (s) => `imported ${s.ref}\n${humanSummary(s)}`);
    });

  withStore(dataset.command('verify').description('Check a stored dataset or an exported folder: span hashes, indices and Merkle root.'))
    .argument('<dataset-or-dir>', 'NAME, NAME@VERSION, or an exported folder')
    .action(verify);

  withStore(dataset.command('freeze').description('Make a dataset version an immutable snapshot; it can never be overwritten.'))
    .argument('<dataset>', 'NAME@VERSION')
    .action((ref: string, options: StoreOptions) => {
      const repository = repositoryOf(options);
      const { name, version } = resolveRef(repository, ref);
      const frozen = repository.freeze(name, version);
      printResult(summary(frozen), Boolean(options.json), (s) => `frozen ${s.ref} (merkle root ${s.merkle_root})`);
    });
}
