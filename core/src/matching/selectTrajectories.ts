import type { ActionCandidate } from './findSimilarActions';
import type { ContextFactors, MatchedTrajectory, Trajectory } from './trajectory';

/** A candidate trajectory with its context comparison, before the threshold and weights apply. */
export interface ComparedTrajectory {
  candidate: ActionCandidate;
  trajectory: Trajectory;
  factors: ContextFactors;
  similarity: number;
}

/** A per-trajectory weight that is negative, NaN or infinite. */
export class InvalidTrajectoryWeightError extends Error {
  readonly code = 'INVALID_TRAJECTORY_WEIGHT' as const;

  constructor(
    readonly spanId: string,
    readonly weight: unknown,
  ) {
    super(`trajectory weight for ${spanId} must be a finite number ≥ 0, got ${String(weight)}`);
    this.name = 'InvalidTrajectoryWeightError';
  }
}

function weightFor(spanId: string, weights: ((spanId: string) => number) | undefined): number {
  if (!weights) return 1;
  const weight = weights(spanId);
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) throw new InvalidTrajectoryWeightError(spanId, weight);
  return weight;
}

/** Score first, then context similarity, then id: a total order, so equal scores never depend on input order. */
export function compareMatched(a: MatchedTrajectory, b: MatchedTrajectory): number {
  return b.score - a.score || b.similarity - a.similarity || (a.trajectory.id < b.trajectory.id ? -1 : a.trajectory.id > b.trajectory.id ? 1 : 0);
}

/**
 * Keeps the trajectories whose context similarity reaches `threshold`, applies the per-trajectory weight (weight 0
 * removes a trajectory), ranks by similarity × weight and keeps the best `topK`. The threshold is on the
 * unweighted similarity: a weight says how much to trust a past case, not how alike the situations are.
 */
export function selectTrajectories(
  compared: readonly ComparedTrajectory[],
  threshold: number,
  topK: number,
  weights?: (spanId: string) => number,
): MatchedTrajectory[] {
  const kept: MatchedTrajectory[] = [];
  for (const { candidate, trajectory, factors, similarity } of compared) {
    if (similarity < threshold) continue;
    const weight = weightFor(trajectory.id, weights);
    if (weight === 0) continue;
    kept.push({
      trajectory,
      matchedBy: candidate.matchedBy,
      actionSimilarity: candidate.actionSimilarity,
      similarity,
      factors,
      weight,
      score: similarity * weight,
    });
  }
  return kept.sort(compareMatched).slice(0, topK);
}
