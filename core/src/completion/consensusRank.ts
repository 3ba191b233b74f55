import { levenshteinSimilarity } from '../util/levenshtein';
import type { VotedContinuation } from './voteContinuations';

/**
 * Minimum-Bayes-risk ordering: each of the top candidates is scored by the vote-weighted similarity of its text to
 * every other candidate (itself included), so a line that agrees with most of the evidence in most of its characters
 * beats a lone line that merely won a split vote. This maximises expected edit similarity, and where one line
 * clearly dominates the vote it changes nothing.
 */
export function consensusRank(candidates: readonly VotedContinuation[], considered: number): VotedContinuation[] {
  const top = candidates.slice(0, considered);
  const scored = top.map((candidate) => {
    let score = 0;
    for (const other of top) score += other.share * (other === candidate ? 1 : levenshteinSimilarity(candidate.text, other.text));
    return { candidate, score };
  });
  scored.sort((a, b) => b.score - a.score || b.candidate.weight - a.candidate.weight);
  return [...scored.map((s) => s.candidate), ...candidates.slice(considered)];
}
