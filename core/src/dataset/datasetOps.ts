import type { QualityMetrics } from '../quality/qualityMetrics';
import type { Span } from '../spans/span';
import { spanContentHash } from '../spans/spanContentHash';
import { assembleDataset } from './buildDiamondDataset';
import { DuplicateSpanIdError } from './datasetErrors';
import type { DatasetSpan, DiamondDataset } from './datasetTypes';
import { EmbeddingTable } from './embeddingTable';
import { assertNotFrozen } from './freezeDataset';
import { spanDomain } from './spanDomain';
import { compareByTime } from './spanOrder';

const byIdCache = new WeakMap<DiamondDataset, Map<string, DatasetSpan>>();

function byId(dataset: DiamondDataset): Map<string, DatasetSpan> {
  let map = byIdCache.get(dataset);
  if (!map) {
    map = new Map(dataset.spans.map((entry) => [entry.span.id, entry]));
    byIdCache.set(dataset, map);
  }
  return map;
}

export function hasSpan(dataset: DiamondDataset, id: string): boolean {
  return byId(dataset).has(id);
}

export function getSpan(dataset: DiamondDataset, id: string): DatasetSpan | undefined {
  return byId(dataset).get(id);
}

/**
 * How many spans share this span's domain and action: a measure of whether a contribution fills a
 * gap (fewer than 10 means the combination is under-represented).
 */
export function countSimilar(dataset: DiamondDataset, span: Span): number {
  const sameDomain = new Set(dataset.indices.by_domain[spanDomain(span)] ?? []);
  return (dataset.indices.by_action[span.did] ?? []).filter((id) => sameDomain.has(id)).length;
}

export interface SpanToAdd {
  span: Span;
  metrics: QualityMetrics;
  /** Stored when given; it must have the dataset's dimension. */
  embedding?: Float32Array;
}

/**
 * A new dataset with the span added in time order and every index, stat and the Merkle root brought up to
 * date (online learning). O(n) per call; build in bulk with `buildDiamondDataset`. Throws for a frozen dataset
 * or an id that is already present.
 */
export function addSpan(dataset: DiamondDataset, item: SpanToAdd): DiamondDataset {
  assertNotFrozen(dataset);
  if (hasSpan(dataset, item.span.id)) throw new DuplicateSpanIdError(item.span.id);
  const entry: DatasetSpan = { span: item.span, hash: spanContentHash(item.span), metrics: item.metrics, domain: spanDomain(item.span) };
  const spans = [...dataset.spans, entry].sort(compareByTime);
  const meta = { embedder_id: dataset.indices.vector.embedder_id, dimension: dataset.indices.vector.dimension };
  let vectors = dataset.vectors;
  if (item.embedding) {
    vectors = vectors ? vectors.with(item.span.id, item.embedding) : EmbeddingTable.from(meta.embedder_id, item.embedding.length, [[item.span.id, item.embedding]]);
  }
  const next = assembleDataset(spans, vectors, dataset.config, dataset.created_at, meta);
  return { ...next, id: dataset.id, name: dataset.name, version: dataset.version };
}
