import type { Cancellation, Progress, Span } from '@arenalab/core';
import { DatasetRepository, DatasetRepositoryError } from '../datasets';
import { loadStoreSpans } from '../store';
import { datasetRefText, parseDatasetRef } from './datasetRef';

/** Where the chat answers from: a dataset version of the store, or the store's spans themselves. */
export interface ChatSource {
  spans: Span[];
  /** `store <dir>` or `dataset name@version`, for the output. */
  label: string;
}

/** The spans of `--dataset NAME[@VERSION]` (latest when no version is given), else every span of the store. */
export async function loadChatSpans(storeDir: string, dataset: string | undefined, token: Cancellation, progress: Progress): Promise<ChatSource> {
  if (dataset === undefined) return { spans: await loadStoreSpans(storeDir, token, progress), label: `store ${storeDir}` };
  const repository = new DatasetRepository(storeDir);
  const { name, version } = parseDatasetRef(dataset);
  const chosen = version ?? repository.latest(name);
  if (!chosen) throw new DatasetRepositoryError('DATASET_NOT_FOUND', `no dataset named ${name} in ${repository.root} (arenalab dataset list)`);
  const loaded = repository.load(name, chosen);
  return { spans: loaded.spans.map((entry) => entry.span), label: `dataset ${datasetRefText(name, chosen)}` };
}
