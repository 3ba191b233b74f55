import type { DatasetIndices, DatasetSpan, IdIndex } from './datasetTypes';
import { topLevelDomain } from './spanDomain';

/** Quality bucket of a total score, `floor(score / 10) * 10` (so a perfect 100 has its own bucket). */
export function qualityBucket(totalScore: number): string {
  return String(Math.min(100, Math.max(0, Math.floor(totalScore / 10) * 10)));
}

/** UTC month of an ISO time (`2024-03`), or `unknown`. */
export function timeBucket(when: string): string {
  const ms = Date.parse(when);
  return Number.isNaN(ms) ? 'unknown' : new Date(ms).toISOString().slice(0, 7);
}

function push(index: IdIndex, key: string, id: string): void {
  if (Object.prototype.hasOwnProperty.call(index, key)) index[key].push(id);
  // defineProperty, not assignment: a `did` of `__proto__` must become a key, not replace the prototype.
  else Object.defineProperty(index, key, { value: [id], enumerable: true, writable: true, configurable: true });
}

/** The lookup indices of a dataset, rebuilt from its spans (in their order). */
export function buildIndices(spans: readonly DatasetSpan[], vector: DatasetIndices['vector']): DatasetIndices {
  const indices: DatasetIndices = {
    by_action: {},
    by_domain: {},
    by_domain_group: {},
    by_quality: {},
    by_time: {},
    vector: { embedder_id: vector.embedder_id, dimension: vector.dimension, ids: [...vector.ids] },
  };
  for (const entry of spans) addToIndices(indices, entry);
  return indices;
}

/** Adds one span to the id indices (not to `vector`, which follows the embedding table). */
export function addToIndices(indices: DatasetIndices, entry: DatasetSpan): void {
  const id = entry.span.id;
  push(indices.by_action, entry.span.did, id);
  push(indices.by_domain, entry.domain, id);
  push(indices.by_domain_group, topLevelDomain(entry.domain), id);
  push(indices.by_quality, qualityBucket(entry.metrics.total_score), id);
  push(indices.by_time, timeBucket(entry.span.when), id);
}
