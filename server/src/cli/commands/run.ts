import * as path from 'node:path';
import type { Command } from 'commander';
import { systemClock } from '@arenalab/core';
import type { DatasetStats, DropReport, QualityReport } from '@arenalab/core';
import { buildStoreDataset } from '../../datasets';
import { datasetRefText } from '../datasetRef';
import { formatDatasetStats, formatQualityReport } from '../formatQuality';
import { InterruptToken } from '../interruptToken';
import { printResult } from '../output';
import { resolveStoreDir } from '../../store';
import { TerminalProgress } from '../terminalProgress';
import { MODEL_OPTION_HELP, withModelEmbedder } from '../modelEmbedder';
import { formatIngestReport, runIngest } from './ingest';
import type { IngestReport } from '../../ingest';

interface RunOptions {
  store?: string;
  name: string;
  index: 'hnsw' | 'exact';
  json?: boolean;
  wait?: boolean;
  model?: string;
}

interface RunResult {
  ingest: IngestReport & { store: string };
  quality: QualityReport;
  dataset: { ref: string; path: string; stats: DatasetStats; merkle_root: string; dropped: DropReport['counts'] };
}

function formatRun(result: RunResult, drops: DropReport): string {
  return [
    formatIngestReport(result.ingest),
    '',
    formatQualityReport(result.quality),
    '',
    formatDatasetStats(result.dataset.ref, result.dataset.stats, result.dataset.merkle_root, drops),
    `  saved to ${result.dataset.path}`,
  ].join('\n');
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('The main job: ingest a folder (chat logs, span files, git history), build a diamond dataset, print its stats and the quality breakdown.')
    .argument('[dir]', 'the workspace folder to ingest', path.join('test-fixtures', 'sample-workspace'))
    .option('--store <dir>', 'store directory (default: DIR/.arenalab)')
    .option('--name <name>', 'dataset name', 'diamond_dataset_v1')
    .option('--index <kind>', 'vector index: hnsw or exact', 'hnsw')
    .option('--wait', 'wait up to 10 minutes (instead of 30 s) for a busy or stuck writer\'s append lock')
    .option('--model <dir>', MODEL_OPTION_HELP)
    .option('--json', 'print one JSON document')
    .action(async (dir: string, options: RunOptions) => {
      const storeDir = resolveStoreDir(options.store, dir);
      const ingest = await runIngest(dir, storeDir, 'auto', 1000, Boolean(options.wait));
      if (ingest.cancelled || ingest.failure) {
        printResult(ingest, Boolean(options.json), formatIngestReport);
        process.exitCode = ingest.failure ? 1 : 130;
        return;
      }
      const token = new InterruptToken();
      const progress = new TerminalProgress();
      try {
        const { corpus, built, path: savedTo } = await withModelEmbedder(options.model, (embedder) => buildStoreDataset(
          storeDir,
          { clock: systemClock, indexKind: options.index, embedder, dataset: { name: options.name } },
          token,
          progress,
        ));
        progress.stop();
        const { dataset } = built;
        const result: RunResult = {
          ingest,
          quality: corpus.quality,
          dataset: {
            ref: datasetRefText(dataset.name, dataset.version),
            path: savedTo,
            stats: dataset.stats,
            merkle_root: dataset.merkle_root,
            dropped: built.report.counts,
          },
        };
        printResult(result, Boolean(options.json), (r) => formatRun(r, built.report));
      } finally {
        progress.stop();
        token.dispose();
      }
    });
}
