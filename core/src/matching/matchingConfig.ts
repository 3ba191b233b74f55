import { ConfigError } from '../util';

/** Weights of the five context factors ; only their ratios matter. */
export interface ContextWeights {
  domain: number;
  emotion: number;
  stakes: number;
  sequence: number;
  semantic: number;
}

/** Settings of the trajectory matcher. Pass a partial object; missing fields come from `DEFAULT_MATCHING_CONFIG`. */
export interface MatchingConfig {
  /**
   * Lowest Levenshtein similarity (1 − distance / max length, over lower-cased actions) for a fuzzy action match.
   * @default 0.7
   */
  fuzzyThreshold: number;
  /**
   * How many spans the semantic action search returns at most.
   * @default 50
   */
  semanticTopK: number;
  /**
   * Lowest cosine between the query action and a span's action text for a semantic match. The seed has no floor, so
   * its top 50 always includes unrelated actions, which then vote whenever their context looks alike. With the
   * hashing embedder unrelated short texts score below 0.1 and rephrasings 0.5–0.9.
   * @default 0.3
   */
  semanticMinSimilarity: number;
  /**
   * Most earlier spans followed through `previous_spans` when reconstructing a trajectory.
   * @default 10
   */
  maxDepth: number;
  /**
   * Depth at which a trajectory's confidence reaches 1 (confidence = min(1, depth / this)).
   * @default 5
   */
  fullConfidenceDepth: number;
  /** @default domain 0.3, emotion 0.1, stakes 0.15, sequence 0.25, semantic 0.2 */
  contextWeights: ContextWeights;
  /**
   * Lowest context similarity for a trajectory to take part. 0.5 keeps trajectories that agree on at least
   * half of the weighted evidence; a trajectory in an unrelated domain (0) with a different history rarely gets there.
   * @default 0.5
   */
  contextSimilarityThreshold: number;
  /**
   * Most trajectories that vote (the best by context similarity × weight).
   * @default 10
   */
  topK: number;
  /**
   * Lowest cosine between two outcome embeddings for them to count as the same outcome. Paraphrases score
   * 0.5–0.85 with the hashing embedder, different outcomes of the same task 0.1–0.3.
   * @default 0.5
   */
  outcomeClusterThreshold: number;
  /**
   * Agreement (share of the top outcome group) above which the answer is that group's outcome.
   * @default 0.7
   */
  majorityThreshold: number;
  /**
   * Agreement above which (up to `majorityThreshold`) the answer is a synthesis; at or below it, uncertain.
   * @default 0.4
   */
  synthesisThreshold: number;
  /**
   * Pseudo-count that tempers confidence on little evidence: confidence = 100 × agreement × n / (n + prior) for n
   * voting trajectories. 0 gives the plain agreement × 100 (one lone trajectory claims 100).
   * @default 1
   */
  evidencePrior: number;
  /**
   * Confidence of the no-data fallback (0..100).
   * @default 10
   */
  fallbackConfidence: number;
  /**
   * Most alternatives listed in a prediction.
   * @default 5
   */
  maxAlternatives: number;
  /**
   * Longest outcome quoted inside a synthesised or uncertain answer (characters; cut at a word boundary).
   * @default 240
   */
  maxQuotedChars: number;
}

export const DEFAULT_MATCHING_CONFIG: Readonly<MatchingConfig> = Object.freeze({
  fuzzyThreshold: 0.7,
  semanticTopK: 50,
  semanticMinSimilarity: 0.3,
  maxDepth: 10,
  fullConfidenceDepth: 5,
  contextWeights: Object.freeze({ domain: 0.3, emotion: 0.1, stakes: 0.15, sequence: 0.25, semantic: 0.2 }),
  contextSimilarityThreshold: 0.5,
  topK: 10,
  outcomeClusterThreshold: 0.5,
  majorityThreshold: 0.7,
  synthesisThreshold: 0.4,
  evidencePrior: 1,
  fallbackConfidence: 10,
  maxAlternatives: 5,
  maxQuotedChars: 240,
});

function checkRange(field: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) throw new ConfigError('BAD_MATCHING_CONFIG', 'matching config', field, value, `a number in ${min}..${max}`);
}

function checkCount(field: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new ConfigError('BAD_MATCHING_CONFIG', 'matching config', field, value, `an integer ≥ ${min}`);
}

/** The full config: defaults filled in, every field checked. Throws `ConfigError` ('BAD_MATCHING_CONFIG'). */
export function resolveMatchingConfig(partial: Partial<MatchingConfig> = {}): MatchingConfig {
  const config: MatchingConfig = {
    ...DEFAULT_MATCHING_CONFIG,
    ...partial,
    contextWeights: { ...DEFAULT_MATCHING_CONFIG.contextWeights, ...partial.contextWeights },
  };
  for (const field of ['fuzzyThreshold', 'semanticMinSimilarity', 'contextSimilarityThreshold', 'outcomeClusterThreshold'] as const) {
    checkRange(field, config[field], 0, 1);
  }
  checkRange('synthesisThreshold', config.synthesisThreshold, 0, 1);
  checkRange('majorityThreshold', config.majorityThreshold, config.synthesisThreshold, 1);
  checkRange('evidencePrior', config.evidencePrior, 0, 1e6);
  checkRange('fallbackConfidence', config.fallbackConfidence, 0, 100);
  for (const field of ['semanticTopK', 'maxDepth', 'topK', 'maxAlternatives'] as const) checkCount(field, config[field], 0);
  checkCount('fullConfidenceDepth', config.fullConfidenceDepth, 1);
  checkCount('maxQuotedChars', config.maxQuotedChars, 20);
  for (const [name, weight] of Object.entries(config.contextWeights)) checkRange(`contextWeights.${name}`, weight, 0, 1e6);
  return config;
}
