import type { OutcomeAnalysis } from '../matching/outcomeAnalysis';
import { percent, quoteOutcome } from '../matching/quoteOutcome';
import type { ChatMethod } from './chatTypes';

const answersWord = (n: number) => `${n} ${n === 1 ? 'answer' : 'answers'}`;

/** The band of outcome synthesis, on the vote's agreement. */
export function chatMethod(agreement: number, voters: number, thresholds: { majorityThreshold: number; synthesisThreshold: number }): ChatMethod {
  if (voters === 0) return 'no_match';
  if (agreement > thresholds.majorityThreshold) return 'majority';
  if (agreement > thresholds.synthesisThreshold) return 'synthesis';
  return 'uncertain';
}

/**
 * Local synthesis for medium agreement: the leading answer in full, then the other groups' answers with their
 * share, so the person sees both what most similar questions were answered with and where they disagree. It says
 * "most likely" because a split vote is uncertain by nature.
 */
export function localSynthesis(analysis: OutcomeAnalysis, maxChars: number): string {
  const [top, ...rest] = analysis.clusters;
  const lines = [`The answers to similar questions differ. Most likely (${percent(top.probability)}, ${answersWord(top.members.length)}):`, top.representative.trim()];
  for (const cluster of rest.slice(0, 2)) lines.push(`Other answers (${percent(cluster.probability)}, ${answersWord(cluster.members.length)}) say: ${quoteOutcome(cluster.representative, maxChars)}`);
  return lines.join('\n');
}

/** The honest answer when the answers disagree: every possibility with its share. */
export function uncertainText(analysis: OutcomeAnalysis, maxChars: number): string {
  const lines = analysis.clusters.slice(0, 5).map((cluster) => `- ${quoteOutcome(cluster.representative, maxChars)} (${percent(cluster.probability)}, ${answersWord(cluster.members.length)})`);
  return `I'm not sure — the similar questions I know were answered differently. Here are the possibilities:\n${lines.join('\n')}`;
}

/** The honest answer when nothing is close enough. */
export function noMatchText(pairs: number, best: number | undefined, minSimilarity: number): string {
  if (pairs === 0) return "I don't know: I have no question/answer examples yet (import chat logs with `arenalab ingest --format chat`).";
  const closest = best === undefined ? 'none shares a word or a close meaning' : `the closest has similarity ${best.toFixed(2)}, below ${minSimilarity.toFixed(2)}`;
  return `I don't know: none of the ${pairs} questions I have answers for is close enough to this one (${closest}).`;
}

/** Why this answer: counts, agreement and method, in one or two sentences. */
export function chatReasoning(method: ChatMethod, analysis: OutcomeAnalysis, candidates: number): string {
  const n = analysis.trajectories.length;
  if (method === 'no_match') return `${candidates} candidate questions were retrieved; none reached the similarity threshold.`;
  const top = analysis.clusters[0];
  const trail = `${n} of ${candidates} retrieved questions voted, in ${analysis.clusters.length} answer ${analysis.clusters.length === 1 ? 'group' : 'groups'}`;
  if (method === 'majority') return `${trail}; the largest group holds ${percent(top.probability)} of the weighted vote (above 70%), so its answer is given.`;
  if (method === 'uncertain') return `${trail}; the largest group holds only ${percent(top.probability)} of the weighted vote (40% or less), so every possibility is listed.`;
  return `${trail}; the largest group holds ${percent(top.probability)} of the weighted vote (between 40% and 70%), so the answers were synthesised.`;
}
