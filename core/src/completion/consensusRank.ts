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
  // Similarity is symmetric: each pair is measured once (the hot part of a completion request), then summed in the
  // original order so scores, and so ties, stay exactly what they were.
  const similarity = top.map(() => new Float64Array(top.length));
  for (let i = 0; i < top.length; i++) {
    similarity[i][i] = 1;
    for (let j = i + 1; j < top.length; j++) similarity[i][j] = similarity[j][i] = levenshteinSimilarity(top[i].text, top[j].text);
  }
  const scores = top.map((_, i) => {
    let score = 0;
    for (let j = 0; j < top.length; j++) score += top[j].share * similarity[i][j];
    return score;
  });
  const scored = top.map((candidate, i) => ({ candidate, score: scores[i] }));
  scored.sort((a, b) => b.score - a.score || b.candidate.weight - a.candidate.weight);
  return [...scored.map((s) => s.candidate), ...candidates.slice(considered)];
}
