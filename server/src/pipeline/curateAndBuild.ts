import {
  buildDiamondDataset,
  curateSpans,
  DEFAULT_CURATION_CONFIG,
  DEFAULT_DATASET_CONFIG,
  HashingEmbedder,
  qualityReport,
  spanEmbeddingText,
} from '@arenalab/core';
import type {
  Cancellation,
  Clock,
  CurationResult,
  DatasetBuildResult,
  DatasetConfig,
  Progress,
  QualityReport,
  Span,
} from '@arenalab/core';
import { createVectorIndex } from '../adapters';
import type { VectorIndexKind } from '../adapters';

export interface CurateAndBuildOptions {
  clock: Clock;
  /** HNSW (default, approximate, fast at scale) or exact brute force. */
  indexKind: VectorIndexKind;
  dataset: Partial<DatasetConfig>;
}

export interface CurateAndBuildResult {
  curation: CurationResult;
  quality: QualityReport;
  build: DatasetBuildResult;
  /** Why HNSW was not used, when it was asked for and could not load. */
  indexFallback?: string;
}

/** A phase-labelled progress: the CLI shows one bar per phase. */
export interface PhasedProgress {
  phase(label: string): Progress;
}

/**
 * Quality meter then dataset build, as the seed's pipeline: the default embedder is fitted on the spans' own texts
 * (so IDF reflects this corpus), every span is scored with uniqueness measured against what was accepted before it,
 * and the diamonds become a deduplicated, balanced, indexed dataset.
 */
export async function curateAndBuild(
  spans: readonly Span[],
  options: CurateAndBuildOptions,
  token: Cancellation,
  progress: PhasedProgress,
): Promise<CurateAndBuildResult> {
  const embedder = new HashingEmbedder();
  embedder.fit(spans.map(spanEmbeddingText), token);
  let indexFallback: string | undefined;
  const createIndex = (dimension: number) => {
    const created = createVectorIndex(dimension, { kind: options.indexKind });
    indexFallback ??= created.fallbackReason;
    return created.index;
  };
  const curation = await curateSpans(spans, { embedder, createIndex }, DEFAULT_CURATION_CONFIG, token, progress.phase('quality'));
  const build = await buildDiamondDataset(
    curation.scored,
    { clock: options.clock, embedder },
    { ...DEFAULT_DATASET_CONFIG, ...options.dataset },
    token,
    progress.phase('dataset'),
  );
  return { curation, quality: qualityReport(curation.scored.map((s) => s.metrics)), build, indexFallback };
}
