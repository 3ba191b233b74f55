import * as path from 'node:path';
import type { Cancellation, Clock, DatasetBuildResult, DatasetConfig, Embedder, PhasedProgress } from '@arenalab/core';
import type { VectorIndexKind } from '../adapters';
import { DatasetRepository } from './datasetRepository';
import { buildDataset, scoreSpans } from './curateAndBuild';
import type { ScoredCorpus } from './curateAndBuild';
import { loadStoreSpans } from '../store';

export interface StoreDatasetOptions {
  clock: Clock;
  indexKind: VectorIndexKind;
  /** A user-supplied embedder (ONNX model folder); default: the hashing embedder. */
  embedder?: Embedder;
  /** Name and builder settings; the version is always the repository's next one for that name. */
  dataset: Partial<Omit<DatasetConfig, 'version'>> & { name: string };
}

export interface StoreDatasetResult {
  corpus: ScoredCorpus;
  built: DatasetBuildResult;
  /** Folder the new version was written to. */
  path: string;
}

/** The curation half of the main job: read the store, score every span, build the next dataset version, save it. */
export async function buildStoreDataset(
  storeDir: string,
  options: StoreDatasetOptions,
  token: Cancellation,
  progress: PhasedProgress,
): Promise<StoreDatasetResult> {
  const spans = await loadStoreSpans(storeDir, token, progress.phase('read store'));
  const corpus = await scoreSpans(spans, { indexKind: options.indexKind, embedder: options.embedder }, token, progress);
  const repository = new DatasetRepository(storeDir);
  const version = repository.nextVersion(options.dataset.name);
  const built = await buildDataset(corpus, options.clock, { ...options.dataset, version }, token, progress);
  repository.save(built.dataset);
  return { corpus, built, path: path.join(repository.root, built.dataset.name, version) };
}
