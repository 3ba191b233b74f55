import type { VotedContinuation } from './voteContinuations';

/**
 * Confidence that a continuation is exactly what comes next, 0–1, from the shape of its vote: the share of the vote
 * it won (agreement), how much independent evidence backs it, and how specific its longest matching context is.
 * Each factor is ≤ 1, so confidence never exceeds the agreement.
 */
export function completionConfidence(candidate: Pick<VotedContinuation, 'share' | 'count' | 'longestMatch'>): number {
  const evidence = 1 - 1 / (1 + candidate.count);
  const specificity = Math.min(1, candidate.longestMatch / 12);
  return candidate.share * Math.sqrt(evidence * specificity);
}
