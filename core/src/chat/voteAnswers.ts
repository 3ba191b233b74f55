import type { Cancellation } from '../ports/cancellation';
import type { Embedder } from '../ports/embedder';
import { analyzeOutcomes } from '../matching/analyzeOutcomes';
import type { OutcomeAnalysis } from '../matching/outcomeAnalysis';
import type { MatchedTrajectory } from '../matching/trajectory';
import type { RetrievedPair } from './qaRetriever';

/**
 * A retrieved pair as a one-step trajectory, so the answers are grouped and voted by the matcher's own
 * `analyzeOutcomes` (leader clustering of outcome embeddings, mass = Σ score). A chat turn carries no stakes or
 * emotion, and its history already weighed in the similarity, so the context fields stay neutral.
 */
function asTrajectory(item: RetrievedPair): MatchedTrajectory {
  return {
    trajectory: {
      id: item.pair.spanId,
      spans: [],
      context: { environment: item.pair.domain ?? '', stakes: 'low', emotional_state: 'neutral', previous_actions: [], previous_outcomes: [] },
      outcome: item.pair.answer,
      outcome_type: 'completed',
      depth: item.pair.history.length,
      confidence: 1,
      ended_by: 'start',
    },
    matchedBy: 'semantic',
    actionSimilarity: item.semantic,
    similarity: item.similarity,
    factors: {},
    weight: 1,
    score: item.similarity,
  };
}

/** The vote over the voters' answers: groups of answers that say the same thing, weighed by similarity. */
export async function voteAnswers(voters: readonly RetrievedPair[], embedder: Embedder, clusterThreshold: number, token?: Cancellation): Promise<OutcomeAnalysis> {
  const vectors = await embedder.embed(voters.map((item) => item.pair.answer), token);
  const byId = new Map(voters.map((item, i) => [item.pair.spanId, vectors[i]]));
  return analyzeOutcomes(voters.map(asTrajectory), byId, clusterThreshold);
}
