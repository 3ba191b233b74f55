import type { Cancellation } from '../ports/cancellation';
import { throwIfCancelled } from '../ports/cancellation';
import type { QualityMetrics } from '../quality/qualityMetrics';
import type { Span } from '../spans/span';
import type { DropRecorder } from './dropReport';
import type { MinHashConfig } from './minHash';
import { MinHasher, NearDuplicateIndex } from './minHash';

/** A span on its way into a dataset. */
export interface Candidate {
  span: Span;
  hash: string;
  metrics: QualityMetrics;
  domain: string;
  embedding?: Float32Array;
}

/** The text two spans must share to be near-duplicates: action, subject and outcome, not actor or time. */
export function nearDuplicateText(span: Span): string {
  return `${span.did}\n${span.this}\n${span.if_ok ?? ''}\n${span.if_not ?? ''}`;
}

/**
 * Drops repeated ids, exact duplicates (same content hash) and near-duplicates (MinHash Jaccard ≥ threshold).
 * `candidates` must be sorted best first, so the span kept from each group is the higher-quality one.
 */
export function dedupeCandidates(
  candidates: readonly Candidate[],
  config: MinHashConfig,
  drops: DropRecorder,
  token?: Cancellation,
): Candidate[] {
  const hasher = new MinHasher(config);
  const near = new NearDuplicateIndex(config);
  const ids = new Set<string>();
  const hashes = new Map<string, string>();
  const kept: Candidate[] = [];
  candidates.forEach((candidate, i) => {
    if (i % 1024 === 0) throwIfCancelled(token, 'deduplication');
    const id = candidate.span.id;
    const sameContent = hashes.get(candidate.hash);
    if (sameContent !== undefined) return drops.drop(id, 'exact_duplicate', `same content as ${sameContent}`);
    // Every content seen counts, kept or not, so a copy is reported as an exact duplicate of its twin.
    hashes.set(candidate.hash, id);
    if (ids.has(id)) return drops.drop(id, 'duplicate_id', `id already used by a better span`);
    const signature = hasher.signature(nearDuplicateText(candidate.span));
    const duplicate = signature && near.findDuplicate(signature);
    if (duplicate) {
      return drops.drop(id, 'near_duplicate', `near-duplicate of ${duplicate.id} (Jaccard ≈ ${duplicate.jaccard.toFixed(2)})`);
    }
    if (signature) near.add(id, signature);
    ids.add(id);
    kept.push(candidate);
  });
  return kept;
}
