import type { MatchingConfig } from './matchingConfig';
import type { OutcomeAnalysis, OutcomeCluster } from './outcomeAnalysis';
import type { Prediction, PredictionAlternative, PredictionMethod, ProvenanceEntry } from './prediction';
import { cases, percent, quoteOutcome } from './quoteOutcome';

/** How many spans each stage let through, for the reasoning sentence. */
export interface MatchCounts {
  /** Spans found by the action search, by how they were found. */
  exact: number;
  fuzzy: number;
  semantic: number;
  /** Of those, with an outcome and a context similarity at or above the threshold. */
  passed: number;
}

function found(counts: MatchCounts): string {
  const total = counts.exact + counts.fuzzy + counts.semantic;
  return `${total} ${total === 1 ? 'span' : 'spans'} matched the action (${counts.exact} exact, ${counts.fuzzy} fuzzy, ${counts.semantic} semantic)`;
}

type SynthesisConfig = Pick<MatchingConfig, 'majorityThreshold' | 'synthesisThreshold' | 'evidencePrior' | 'fallbackConfidence' | 'maxAlternatives' | 'maxQuotedChars' | 'contextSimilarityThreshold'>;

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The band of outcome synthesis: above majority → majority vote, above synthesis → synthesis. */
export function chooseMethod(agreement: number, trajectories: number, config: Pick<MatchingConfig, 'majorityThreshold' | 'synthesisThreshold'>): PredictionMethod {
  if (trajectories === 0) return 'fallback';
  if (agreement > config.majorityThreshold) return 'majority_vote';
  if (agreement > config.synthesisThreshold) return 'synthesis';
  return 'uncertain';
}

/** 100 × agreement × n / (n + prior): the winning share, tempered when only a few trajectories voted. */
export function predictionConfidence(agreement: number, trajectories: number, evidencePrior: number): number {
  if (trajectories === 0) return 0;
  return round(100 * agreement * (trajectories / (trajectories + evidencePrior)), 1);
}

function alternative(cluster: OutcomeCluster): PredictionAlternative {
  return { outcome: cluster.representative, probability: round(cluster.probability, 4), examples: cluster.members.slice(0, 3).map((item) => item.trajectory.id) };
}

function provenance(analysis: OutcomeAnalysis): ProvenanceEntry[] {
  return analysis.trajectories.map((item) => ({ spanId: item.trajectory.id, similarity: round(item.similarity, 4), matchedBy: item.matchedBy, weight: item.weight }));
}

function share(cluster: OutcomeCluster, total: number): string {
  return `${cluster.members.length} of ${total}, ${percent(cluster.probability)}`;
}

function synthesisText(analysis: OutcomeAnalysis, maxChars: number): string {
  const total = analysis.trajectories.length;
  const [top, ...rest] = analysis.clusters;
  const parts = [`Most likely (${top.members.length} of ${total} similar cases, ${percent(top.probability)}): ${quoteOutcome(top.representative, maxChars)}`];
  for (const cluster of rest.slice(0, 2)) parts.push(`Otherwise (${share(cluster, total)}): ${quoteOutcome(cluster.representative, maxChars)}`);
  return parts.join(' ');
}

function uncertainText(analysis: OutcomeAnalysis, maxChars: number): string {
  const lines = analysis.clusters.slice(0, 5).map((cluster) => `- ${quoteOutcome(cluster.representative, maxChars)} (${percent(cluster.probability)}, ${cases(cluster.members.length)})`);
  const top = quoteOutcome(analysis.clusters[0].representative, maxChars);
  return `I'm not sure — the ${total(analysis)} similar cases I found disagree. Possibilities:\n${lines.join('\n')}\nMost likely: ${top}`;
}

function total(analysis: OutcomeAnalysis): number {
  return analysis.trajectories.length;
}

/** The answer when no trajectory voted. */
export function fallbackPrediction(action: string, counts: MatchCounts, config: SynthesisConfig): Prediction {
  return {
    output: `I don't have enough similar examples to confidently predict the outcome of "${action}" in this context. I'd recommend trying and observing the result.`,
    confidence: config.fallbackConfidence,
    reasoning: `No similar trajectories found in dataset: ${found(counts)}; ${counts.passed} had an outcome and a context similarity of at least ${config.contextSimilarityThreshold}${counts.passed > 0 ? ', but none of them had a weight above 0' : ''}.`,
    alternatives: [],
    method: 'fallback',
    trajectories_used: 0,
    provenance: [],
  };
}

function reasoning(method: PredictionMethod, analysis: OutcomeAnalysis, counts: MatchCounts): string {
  const n = total(analysis);
  const top = analysis.clusters[0];
  const trail = `${found(counts)}; ${counts.passed} had an outcome and a similar context; the best ${n} voted.`;
  if (method === 'majority_vote') return `Based on ${n} similar ${n === 1 ? 'case' : 'cases'}, ${percent(top.probability)} of the weighted vote (${top.members.length} of ${n}) led to this outcome. ${trail}`;
  if (method === 'synthesis') return `Synthesized from ${n} similar but varied outcomes in ${analysis.clusters.length} groups; the largest holds ${percent(top.probability)} of the weighted vote. ${trail}`;
  return `Low confidence: the largest of ${analysis.clusters.length} outcome groups holds only ${percent(top.probability)} of the weighted vote across ${cases(n)}. ${trail}`;
}

/** One of the four methods chosen by the agreement of the outcome vote. */
export function synthesizePrediction(action: string, analysis: OutcomeAnalysis, counts: MatchCounts, config: SynthesisConfig): Prediction {
  const n = total(analysis);
  const method = chooseMethod(analysis.agreement, n, config);
  if (method === 'fallback') return fallbackPrediction(action, counts, config);
  const output =
    method === 'majority_vote' ? analysis.clusters[0].representative : method === 'synthesis' ? synthesisText(analysis, config.maxQuotedChars) : uncertainText(analysis, config.maxQuotedChars);
  return {
    output,
    confidence: predictionConfidence(analysis.agreement, n, config.evidencePrior),
    reasoning: reasoning(method, analysis, counts),
    alternatives: analysis.clusters.slice(1, 1 + config.maxAlternatives).map(alternative),
    method,
    trajectories_used: n,
    provenance: provenance(analysis),
  };
}
