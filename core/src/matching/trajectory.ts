import type { Span, SpanStatus } from '../spans/span';
import type { MatchContext } from './matchContext';

/** Why the walk back through `previous_spans` stopped. */
export type TrajectoryEnd = 'start' | 'max_depth' | 'cycle' | 'missing';

/** How a candidate span was found from the query action. */
export type MatchedBy = 'exact' | 'fuzzy' | 'semantic';

/**
 * The chain of spans that led to an outcome: the target span last, the spans reached by following the last id
 * of each `previous_spans` before it (oldest first).
 */
export interface Trajectory {
  /** Id of the target span (the one whose outcome the trajectory votes for). */
  id: string;
  /** Oldest first; the target span is last. */
  spans: Span[];
  /** Context extracted from the chain (explicit fields first, keyword inference otherwise). */
  context: Required<Pick<MatchContext, 'environment' | 'stakes' | 'emotional_state' | 'previous_actions' | 'previous_outcomes'>>;
  /** The target's outcome text (`if_not` first for a failed span, `if_ok` first otherwise); absent when it has none. */
  outcome?: string;
  outcome_type: SpanStatus;
  /** Number of earlier spans followed (0 for a span without history). */
  depth: number;
  /** How complete the chain is: min(1, depth / fullConfidenceDepth). */
  confidence: number;
  ended_by: TrajectoryEnd;
}

/** Per-factor scores of one context comparison; a factor is absent when one side lacks it. */
export interface ContextFactors {
  domain?: number;
  emotion?: number;
  stakes?: number;
  sequence?: number;
  semantic?: number;
}

/** A trajectory that passed the context threshold, with everything needed to rank, vote and explain it. */
export interface MatchedTrajectory {
  trajectory: Trajectory;
  matchedBy: MatchedBy;
  /** 1 for exact, Levenshtein similarity for fuzzy, cosine for semantic. */
  actionSimilarity: number;
  /** Weighted mean of the context factors present (the action similarity when none is). */
  similarity: number;
  factors: ContextFactors;
  /** Per-trajectory weight from `PredictOptions.weights` (1 by default). */
  weight: number;
  /** similarity × weight: what ranking and voting use. */
  score: number;
}
