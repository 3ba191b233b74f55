import * as path from 'node:path';
import type { Command } from 'commander';
import { systemClock } from '@arenalab/core';
import type { DatasetStats, DropReport, QualityReport } from '@arenalab/core';
import { buildStoreDataset } from '../../datasets';
import { askStoreChat } from '../askStoreChat';
import type { StoreChatAnswer } from '../askStoreChat';
import { datasetRefText } from '../datasetRef';
import { formatCompletionShowcase, formatStoreChat, stageHeading } from '../formatMainJob';
import { formatDatasetStats, formatQualityReport } from '../formatQuality';
import { InterruptToken } from '../interruptToken';
import { printResult } from '../output';
import { resolveStoreDir } from '../../store';
import { DEFAULT_SHOWCASE_CONFIG, showCompletions } from '../showCompletions';
import type { CompletionShowcase } from '../showCompletions';
import { TerminalProgress } from '../terminalProgress';
import { MODEL_OPTION_HELP, withModelEmbedder } from '../modelEmbedder';
import { formatIngestReport, runIngest } from './ingest';
import type { IngestReport } from '../../ingest';

interface RunOptions {
  store?: string;
  name: string;
  index: 'hnsw' | 'exact';
  question?: string;
  json?: boolean;
  wait?: boolean;
  model?: string;
}

interface RunResult {
  ingest: IngestReport & { store: string };
  completions: CompletionShowcase;
  chat: StoreChatAnswer | undefined;
  quality: QualityReport;
  dataset: { ref: string; path: string; stats: DatasetStats; merkle_root: string; dropped: DropReport['counts'] };
  /** Seconds per stage, for people; nothing depends on them. */
  timings: { ingest_s: number; completions_s: number; chat_s: number; dataset_s: number };
}

function formatRun(result: RunResult, drops: DropReport): string {
  const t = result.timings;
  return [
    stageHeading(1, 'Ingest: chat logs, span files and git history into the store', t.ingest_s),
    formatIngestReport(result.ingest),
    '',
    stageHeading(2, 'Completions: the code indexed, each line completed with its own line hidden', t.completions_s),
    formatCompletionShowcase(result.completions),
    '',
    stageHeading(3, 'Chat: one question answered from the stored conversations', t.chat_s),
    formatStoreChat(result.chat),
    '',
    stageHeading(4, 'Dataset: quality meter and diamond dataset', t.dataset_s),
    formatQualityReport(result.quality),
    '',
    formatDatasetStats(result.dataset.ref, result.dataset.stats, result.dataset.merkle_root, drops),
    `  saved to ${result.dataset.path}`,
  ].join('\n');
}

const since = (start: bigint) => Math.round(Number(process.hrtime.bigint() - start) / 1e7) / 100;

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('The main job: ingest a folder (chat logs, span files, git history), index its source code and show a few completions with confidence and provenance (each line hidden from the index while it is completed), answer one chat question with its sources, then build a diamond dataset and print its stats and the quality breakdown.')
    .argument('[dir]', 'the workspace folder to ingest', path.join('test-fixtures', 'sample-workspace'))
    .option('--store <dir>', 'store directory (default: DIR/.arenalab)')
    .option('--name <name>', 'dataset name', 'diamond_dataset_v1')
    .option('--index <kind>', 'vector index: hnsw or exact', 'hnsw')
    .option('--question <text>', 'the chat question to answer (default: the newest answered question of the store, asked again)')
    .option('--wait', 'wait up to 10 minutes (instead of 30 s) for a busy or stuck writer\'s append lock')
    .option('--model <dir>', MODEL_OPTION_HELP)
    .option('--json', 'print one JSON document')
    .action(async (dir: string, options: RunOptions) => {
      const storeDir = resolveStoreDir(options.store, dir);
      let start = process.hrtime.bigint();
      const ingest = await runIngest(dir, storeDir, 'auto', 1000, Boolean(options.wait));
      const ingestS = since(start);
      if (ingest.cancelled || ingest.failure) {
        printResult(ingest, Boolean(options.json), formatIngestReport);
        process.exitCode = ingest.failure ? 1 : 130;
        return;
      }
      const token = new InterruptToken();
      const progress = new TerminalProgress();
      try {
        start = process.hrtime.bigint();
        const completions = await showCompletions(dir, { storeDir, clock: systemClock, log: () => undefined }, DEFAULT_SHOWCASE_CONFIG, token, progress.phase('index and complete'));
        const completionsS = since(start);
        start = process.hrtime.bigint();
        const chat = await askStoreChat(storeDir, options.question, systemClock, token, progress.phase('chat'));
        const chatS = since(start);
        start = process.hrtime.bigint();
        const { corpus, built, path: savedTo } = await withModelEmbedder(options.model, (embedder) => buildStoreDataset(
          storeDir,
          { clock: systemClock, indexKind: options.index, embedder, dataset: { name: options.name } },
          token,
          progress,
        ));
        const datasetS = since(start);
        progress.stop();
        const { dataset } = built;
        const result: RunResult = {
          ingest,
          completions,
          chat,
          quality: corpus.quality,
          dataset: {
            ref: datasetRefText(dataset.name, dataset.version),
            path: savedTo,
            stats: dataset.stats,
            merkle_root: dataset.merkle_root,
            dropped: built.report.counts,
          },
          timings: { ingest_s: ingestS, completions_s: completionsS, chat_s: chatS, dataset_s: datasetS },
        };
        printResult(result, Boolean(options.json), (r) => formatRun(r, built.report));
      } finally {
        progress.stop();
        token.dispose();
      }
    });
}
