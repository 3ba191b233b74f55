import { domainSimilarity } from '../spans/domainSimilarity';
import { levenshteinSimilarity } from '../util/levenshtein';
import type { MatchContext } from './matchContext';
import type { ContextWeights } from './matchingConfig';
import type { ContextFactors } from './trajectory';

const STAKE_LEVEL: Record<string, number> = { low: 1, medium: 2, high: 3 };

function present(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Stakes similarity: 1 − |level difference| / 2 (low–high is 0); undefined for an unknown level. */
export function stakesSimilarity(a: string, b: string): number | undefined {
  const left = STAKE_LEVEL[a.trim().toLowerCase()];
  const right = STAKE_LEVEL[b.trim().toLowerCase()];
  return left === undefined || right === undefined ? undefined : 1 - Math.abs(left - right) / 2;
}

/** Emotion similarity: 1 when equal (case ignored), 0.5 otherwise. */
export function emotionSimilarity(a: string, b: string): number {
  return a.trim().toLowerCase() === b.trim().toLowerCase() ? 1 : 0.5;
}

/**
 * 1 − edit distance / longer length over two action lists. Two empty histories agree (1), where the seed divided
 * by zero; an empty and a non-empty one share nothing (0).
 */
export function sequenceSimilarity(a: readonly string[], b: readonly string[]): number {
  return levenshteinSimilarity(a, b);
}

/**
 * Scores each factor both contexts have. `semantic` is the cosine of their `contextText` embeddings (undefined
 * when either text is empty: an empty text has no direction and would read as "unrelated").
 */
export function contextFactors(query: MatchContext, candidate: MatchContext, semantic: number | undefined): ContextFactors {
  const factors: ContextFactors = {};
  if (present(query.environment) && present(candidate.environment)) factors.domain = domainSimilarity(query.environment, candidate.environment);
  if (present(query.emotional_state) && present(candidate.emotional_state)) factors.emotion = emotionSimilarity(query.emotional_state, candidate.emotional_state);
  if (present(query.stakes) && present(candidate.stakes)) {
    const stakes = stakesSimilarity(query.stakes, candidate.stakes);
    if (stakes !== undefined) factors.stakes = stakes;
  }
  if (query.previous_actions && candidate.previous_actions) factors.sequence = sequenceSimilarity(query.previous_actions, candidate.previous_actions);
  if (semantic !== undefined) factors.semantic = Math.max(0, Math.min(1, semantic));
  return factors;
}

/**
 * Context similarity: the mean of the factors present weighted by `weights`, normalised by the
 * weights actually applied. Undefined when no factor with a positive weight is present.
 */
export function weightedContextSimilarity(factors: ContextFactors, weights: ContextWeights): number | undefined {
  let sum = 0;
  let total = 0;
  for (const name of Object.keys(weights) as (keyof ContextWeights)[]) {
    const score = factors[name];
    if (score === undefined || weights[name] <= 0) continue;
    sum += score * weights[name];
    total += weights[name];
  }
  return total === 0 ? undefined : sum / total;
}
