import {
  buildDiamondDataset,
  CachedEmbedder,
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
  PhasedProgress,
  QualityReport,
  Span,
} from '@arenalab/core';
import { createVectorIndex } from '../adapters';
import type { VectorIndexKind } from '../adapters';

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
 * corpus) and every span's uniqueness is measured against the spans accepted before it. Embeddings are cached by
 * content hash, so repeated texts are embedded once.
 */
export interface ScoreOptions {
  /** HNSW (default; approximate, fast at scale) or exact brute force. */
  indexKind: VectorIndexKind;
  /** An embedder the user supplied (an ONNX model folder); default: the hashing embedder fitted on the corpus. */
  embedder?: Embedder;
}

export async function scoreSpans(
  spans: readonly Span[],
  options: ScoreOptions,
  token: Cancellation,
  progress: PhasedProgress,
): Promise<ScoredCorpus> {
  const embedder = new CachedEmbedder(options.embedder ?? fittedHashingEmbedder(spans, token));
  let indexFallback: string | undefined;
  const createIndex = (dimension: number) => {
    const created = createVectorIndex(dimension, { kind: options.indexKind });
    indexFallback ??= created.fallbackReason;
    return created.index;
  };
  const curation = await curateSpans(spans, { embedder, createIndex }, DEFAULT_CURATION_CONFIG, token, progress.phase('quality'));
  return { curation, quality: qualityReport(curation.scored.map((s) => s.metrics)), embedder, indexFallback };
}

function fittedHashingEmbedder(spans: readonly Span[], token: Cancellation): HashingEmbedder {
  const embedder = new HashingEmbedder();
  embedder.fit(spans.map(spanEmbeddingText), token);
  return embedder;
}

/** The dataset builder over scored spans: dedup, cluster, balance, index, seal. */
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
