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
  Embedder,
  Progress,
  QualityReport,
  Span,
} from '@arenalab/core';
import { createVectorIndex } from '../adapters';
import type { VectorIndexKind } from '../adapters';

/** A phase-labelled progress: the CLI shows one bar per phase. */
export interface PhasedProgress {
  phase(label: string): Progress;
}

export interface ScoredCorpus {
  curation: CurationResult;
  quality: QualityReport;
  /** The embedder the scores were computed with; the dataset reuses it so vectors agree. */
  embedder: Embedder;
  /** Why HNSW was not used, when it was asked for and could not load. */
  indexFallback?: string;
}

/**
 * The quality meter over a corpus. The default embedder is fitted on the spans' own texts (so IDF reflects this
 * corpus) and every span's uniqueness is measured against the spans accepted before it.
 */
export async function scoreSpans(
  spans: readonly Span[],
  indexKind: VectorIndexKind,
  token: Cancellation,
  progress: PhasedProgress,
): Promise<ScoredCorpus> {
  const embedder = new HashingEmbedder();
  embedder.fit(spans.map(spanEmbeddingText), token);
  let indexFallback: string | undefined;
  const createIndex = (dimension: number) => {
    const created = createVectorIndex(dimension, { kind: indexKind });
    indexFallback ??= created.fallbackReason;
    return created.index;
  };
  const curation = await curateSpans(spans, { embedder, createIndex }, DEFAULT_CURATION_CONFIG, token, progress.phase('quality'));
  return { curation, quality: qualityReport(curation.scored.map((s) => s.metrics)), embedder, indexFallback };
}

/** The seed's DatasetBuilder over scored spans: dedup, cluster, balance, index, seal. */
export function buildDataset(
  corpus: ScoredCorpus,
  clock: Clock,
  config: Partial<DatasetConfig>,
  token: Cancellation,
  progress: PhasedProgress,
): Promise<DatasetBuildResult> {
  return buildDiamondDataset(
    corpus.curation.scored,
    { clock, embedder: corpus.embedder },
    { ...DEFAULT_DATASET_CONFIG, ...config },
    token,
    progress.phase('dataset'),
  );
}
