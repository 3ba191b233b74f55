import type { VectorIndex } from '../index/vectorIndex';
import type { Cancellation } from '../ports/cancellation';
import { throwIfCancelled, yieldToHost } from '../ports/cancellation';
import type { Embedder } from '../ports/embedder';
import type { Progress } from '../ports/progress';
import type { Span } from '../spans/span';
import type { QualityConfig } from './qualityConfig';
import { DEFAULT_QUALITY_CONFIG } from './qualityConfig';
import type { QualityClass, QualityMetrics } from './qualityMetrics';
import { scoreSpan } from './scoreSpan';

/** A span with its quality metrics and the embedding used for uniqueness (so the dataset builder reuses it). */
export interface ScoredSpan {
  span: Span;
  metrics: QualityMetrics;
  embedding?: Float32Array;
}

export interface CurationDeps {
  embedder: Embedder;
  createIndex: (dimension: number) => VectorIndex;
}

export interface CurationConfig {
  quality: QualityConfig;
  /**
   * Texts per embedder call. Larger batches amortise per-call cost; smaller ones make cancellation and
   * progress finer. Range 1..100000.
   * @default 256
   */
  batchSize: number;
  /**
   * Classes whose spans join the "already in the dataset" index that later spans' uniqueness is measured
   * against. The seed measures against the dataset, which holds diamonds.
   * @default ['diamond']
   */
  indexedClasses: QualityClass[];
}

export const DEFAULT_CURATION_CONFIG: CurationConfig = {
  quality: DEFAULT_QUALITY_CONFIG,
  batchSize: 256,
  indexedClasses: ['diamond'],
};

export interface CurationResult {
  /** One entry per input span, in input order. */
  scored: ScoredSpan[];
  embedderId: string;
  dimension: number;
}

/** The text a span is embedded by (who did what, and what came of it): `${who} ${did} ${this} ${if_ok}` (an absent outcome adds nothing). */
export function spanEmbeddingText(span: Span): string {
  return `${span.who} ${span.did} ${span.this} ${span.if_ok ?? ''}`.trim();
}

/**
 * Scores spans in order. Each span's uniqueness is measured against the spans accepted before it (top-k
 * cosine neighbours in a vector index), so the first of two near-identical spans keeps its uniqueness and
 * the second loses it. Embeds in batches, checks cancellation between batches and reports progress.
 */
export async function curateSpans(
  spans: readonly Span[],
  deps: CurationDeps,
  config: CurationConfig = DEFAULT_CURATION_CONFIG,
  token?: Cancellation,
  progress?: Progress,
): Promise<CurationResult> {
  const index = deps.createIndex(deps.embedder.dimension);
  const indexed = new Set(config.indexedClasses);
  const k = config.quality.uniquenessNeighbours;
  const batchSize = Math.max(1, Math.floor(config.batchSize));
  const scored: ScoredSpan[] = [];
  progress?.report(0, spans.length, 'scoring spans');
  for (let start = 0; start < spans.length; start += batchSize) {
    await yieldToHost();
    throwIfCancelled(token, 'quality scoring');
    const batch = spans.slice(start, start + batchSize);
    const embeddings = await deps.embedder.embed(batch.map(spanEmbeddingText), token);
    batch.forEach((span, i) => {
      const embedding = embeddings[i];
      const neighbours = index.size === 0 ? [] : index.search(embedding, k).map((hit) => hit.similarity);
      const metrics = scoreSpan(span, { neighbourSimilarities: neighbours }, config.quality);
      if (indexed.has(metrics.class)) index.add(`${start + i}`, embedding);
      scored.push({ span, metrics, embedding });
    });
    progress?.report(scored.length, spans.length, 'scoring spans');
  }
  return { scored, embedderId: deps.embedder.id, dimension: deps.embedder.dimension };
}
