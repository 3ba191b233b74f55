import type { MatchedTrajectory } from './trajectory';

/** Trajectories whose outcomes say the same thing (cosine of their embeddings at or above the cluster threshold). */
export interface OutcomeCluster {
  /** The most central outcome of the cluster (highest score-weighted mean similarity to the other members). */
  representative: string;
  /** Members in decreasing score order. */
  members: MatchedTrajectory[];
  /** Sum of the members' scores (context similarity × weight). */
  mass: number;
  /** mass / total mass of all clusters. */
  probability: number;
}

/** The vote over the outcomes of the matched trajectories. */
export interface OutcomeAnalysis {
  /** Clusters in decreasing probability (ties: larger cluster, then earlier representative id). */
  clusters: OutcomeCluster[];
  /** Probability of the top cluster, 0..1 (0 when nothing matched). */
  agreement: number;
  /** Representative of the top cluster; null when nothing matched. */
  mostLikelyOutcome: string | null;
  trajectories: MatchedTrajectory[];
}
