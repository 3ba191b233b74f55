import type { IdIndex } from '../dataset/datasetTypes';
import type { VectorIndex } from '../index/vectorIndex';
import { levenshteinSimilarity } from '../util/levenshtein';
import type { MatchedBy } from './trajectory';

/** A span whose action resembles the query action, and how it was found. */
export interface ActionCandidate {
  spanId: string;
  matchedBy: MatchedBy;
  /** 1 for exact, the Levenshtein similarity for fuzzy, the cosine for semantic. */
  actionSimilarity: number;
}

export interface ActionSearch {
  /** `did` → span ids (the dataset's `by_action`). */
  byAction: IdIndex;
  /** One vector per span of its action text (`did` and `this`), keyed by span id. */
  actionIndex: VectorIndex;
}

export interface ActionSearchLimits {
  fuzzyThreshold: number;
  semanticTopK: number;
  semanticMinSimilarity: number;
}

const RANK: Record<MatchedBy, number> = { exact: 0, fuzzy: 1, semantic: 2 };

function own(index: IdIndex, key: string): string[] {
  return Object.prototype.hasOwnProperty.call(index, key) ? index[key] : [];
}

/** Spans whose `did` is the action itself. */
export function exactActionMatches(byAction: IdIndex, action: string): ActionCandidate[] {
  return own(byAction, action).map((spanId) => ({ spanId, matchedBy: 'exact', actionSimilarity: 1 }));
}

/** Spans whose `did` differs from the action but is within `threshold` Levenshtein similarity (case ignored). */
export function fuzzyActionMatches(byAction: IdIndex, action: string, threshold: number): ActionCandidate[] {
  const wanted = action.trim().toLowerCase();
  const found: ActionCandidate[] = [];
  for (const did of Object.keys(byAction)) {
    if (did === action) continue;
    const similarity = levenshteinSimilarity(wanted, did.trim().toLowerCase());
    if (similarity >= threshold) for (const spanId of byAction[did]) found.push({ spanId, matchedBy: 'fuzzy', actionSimilarity: similarity });
  }
  return found;
}

/** The `topK` spans whose action text is nearest the query vector, keeping those at or above `minSimilarity`. */
export function semanticActionMatches(index: VectorIndex, query: Float32Array, topK: number, minSimilarity: number): ActionCandidate[] {
  if (index.size === 0 || topK === 0) return [];
  return index
    .search(query, topK)
    .filter((hit) => hit.similarity >= minSimilarity)
    .map((hit) => ({ spanId: hit.id, matchedBy: 'semantic', actionSimilarity: hit.similarity }));
}

/**
 * The union of exact, fuzzy and semantic matches, one entry per span. A span
 * found several ways keeps the strongest way (exact, then fuzzy, then semantic) and, within it, the highest
 * similarity. Sorted by that way, then similarity (descending), then id, so the order never depends on the index.
 */
export function findSimilarActions(search: ActionSearch, action: string, queryVector: Float32Array, limits: ActionSearchLimits): ActionCandidate[] {
  const all = [
    ...exactActionMatches(search.byAction, action),
    ...fuzzyActionMatches(search.byAction, action, limits.fuzzyThreshold),
    ...semanticActionMatches(search.actionIndex, queryVector, limits.semanticTopK, limits.semanticMinSimilarity),
  ];
  const best = new Map<string, ActionCandidate>();
  for (const candidate of all) {
    const known = best.get(candidate.spanId);
    if (!known || compareCandidates(candidate, known) < 0) best.set(candidate.spanId, candidate);
  }
  return [...best.values()].sort(compareCandidates);
}

function compareCandidates(a: ActionCandidate, b: ActionCandidate): number {
  return RANK[a.matchedBy] - RANK[b.matchedBy] || b.actionSimilarity - a.actionSimilarity || (a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0);
}
