import type { MatchedBy } from './trajectory';

/** How the output was produced: the four bands of outcome synthesis, by how much the vote agrees. */
export type PredictionMethod = 'majority_vote' | 'synthesis' | 'uncertain' | 'fallback';

export interface PredictionAlternative {
  outcome: string;
  /** Share of the vote, 0..1. */
  probability: number;
  /** Ids of the first 3 spans (highest score first) whose outcome fell in this group. */
  examples: string[];
}

/** One span that shaped the answer. */
export interface ProvenanceEntry {
  spanId: string;
  /** Context similarity, 0..1. */
  similarity: number;
  matchedBy: MatchedBy;
  /** The per-trajectory weight that was applied. */
  weight: number;
}

export interface Prediction {
  output: string;
  /** 0..100. */
  confidence: number;
  /** One or two sentences with the counts behind the answer. */
  reasoning: string;
  /** The other outcome groups, most probable first (the chosen group is not repeated here). */
  alternatives: PredictionAlternative[];
  method: PredictionMethod;
  trajectories_used: number;
  /** The trajectories that voted, in rank order. */
  provenance: ProvenanceEntry[];
}
