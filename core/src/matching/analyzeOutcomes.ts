import { clusterOutcomes } from './clusterOutcomes';
import type { OutcomeAnalysis, OutcomeCluster } from './outcomeAnalysis';
import type { MatchedTrajectory } from './trajectory';

/**
 * The vote: outcome groups (see `clusterOutcomes`) weighed by the sum of their trajectories' scores (context
 * similarity × per-trajectory weight), each group's probability its share of the total. The seed counted
 * identical strings, so two wordings of one outcome split the vote.
 */
export function analyzeOutcomes(ranked: readonly MatchedTrajectory[], outcomeVectors: ReadonlyMap<string, Float32Array>, clusterThreshold: number): OutcomeAnalysis {
  const voting = ranked.filter((item) => item.score > 0 && item.trajectory.outcome !== undefined);
  const raw = clusterOutcomes(voting, outcomeVectors, clusterThreshold);
  const total = voting.reduce((sum, item) => sum + item.score, 0);
  const clusters: OutcomeCluster[] = raw.map(({ members, representative }) => {
    const mass = members.reduce((sum, item) => sum + item.score, 0);
    return { representative: representative.trajectory.outcome!, members, mass, probability: total > 0 ? mass / total : 0 };
  });
  // Clusters were created in rank order, so a stable sort breaks mass ties in favour of the best-ranked trajectory.
  clusters.sort((a, b) => b.mass - a.mass || b.members.length - a.members.length);
  return {
    clusters,
    agreement: clusters[0]?.probability ?? 0,
    mostLikelyOutcome: clusters[0]?.representative ?? null,
    trajectories: voting,
  };
}
