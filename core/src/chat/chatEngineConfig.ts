import { ConfigError } from '../util';

/** Settings of the chat engine. Pass a partial object; missing fields come from `DEFAULT_CHAT_ENGINE_CONFIG`. */
export interface ChatEngineConfig {
  /** Candidates taken from each retriever (BM25 and embedding) before rescoring. @default 50 */
  candidates: number;
  /**
   * Lowest combined similarity for a span to vote. With the hashing embedder, paraphrased questions score 0.45–0.9
   * and unrelated questions below 0.25.
   * @default 0.35
   */
  minSimilarity: number;
  /**
   * A span votes only if its similarity is at least this share of the best one, so a near-exact match is not
   * outvoted by loosely related questions.
   * @default 0.6
   */
  relativeFloor: number;
  /** Most spans that vote. @default 8 */
  topK: number;
  /** Weight of the embedding cosine in a question's similarity; the rest is idf-weighted word overlap. @default 0.6 */
  semanticWeight: number;
  /**
   * Weight of the conversation history when both the request and the span have one. A follow-up ("and can I make
   * it readonly too?") means what its history is about, so history weighs as much as the words.
   * @default 0.5
   */
  historyWeight: number;
  /** Earlier user messages taken as history. @default 3 */
  historyTurns: number;
  /** Lowest cosine between two answers for them to count as the same answer. @default 0.5 */
  answerClusterThreshold: number;
  /** Agreement above which the answer is the top group's. @default 0.7 */
  majorityThreshold: number;
  /** Agreement above which (up to majority) the answer is a synthesis. @default 0.4 */
  synthesisThreshold: number;
  /** Pseudo-count tempering confidence on little evidence: × n / (n + prior). @default 1 */
  evidencePrior: number;
  /** Longest answer quoted inside a synthesis or a list of possibilities (characters). @default 400 */
  maxQuotedChars: number;
  /** Length of the provenance snippet (characters). @default 160 */
  snippetChars: number;
}

export const DEFAULT_CHAT_ENGINE_CONFIG: Readonly<ChatEngineConfig> = Object.freeze({
  candidates: 50,
  minSimilarity: 0.35,
  relativeFloor: 0.6,
  topK: 8,
  semanticWeight: 0.6,
  historyWeight: 0.5,
  historyTurns: 3,
  answerClusterThreshold: 0.5,
  majorityThreshold: 0.7,
  synthesisThreshold: 0.4,
  evidencePrior: 1,
  maxQuotedChars: 400,
  snippetChars: 160,
});

const UNIT_FIELDS = ['minSimilarity', 'relativeFloor', 'semanticWeight', 'historyWeight', 'answerClusterThreshold', 'synthesisThreshold'] as const;
const COUNT_FIELDS = ['candidates', 'topK', 'historyTurns', 'maxQuotedChars', 'snippetChars'] as const;

/** Defaults filled in, every field checked. Throws `ConfigError` ('BAD_CHAT_ENGINE_CONFIG'). */
export function resolveChatEngineConfig(partial: Partial<ChatEngineConfig> = {}): ChatEngineConfig {
  const config: ChatEngineConfig = { ...DEFAULT_CHAT_ENGINE_CONFIG, ...partial };
  for (const field of UNIT_FIELDS) {
    if (!Number.isFinite(config[field]) || config[field] < 0 || config[field] > 1) throw new ConfigError('BAD_CHAT_ENGINE_CONFIG', 'chat engine config', field, config[field], 'a number in 0..1');
  }
  if (!(config.majorityThreshold >= config.synthesisThreshold && config.majorityThreshold <= 1)) {
    throw new ConfigError('BAD_CHAT_ENGINE_CONFIG', 'chat engine config', 'majorityThreshold', config.majorityThreshold, `a number in ${config.synthesisThreshold}..1`);
  }
  if (!Number.isFinite(config.evidencePrior) || config.evidencePrior < 0) throw new ConfigError('BAD_CHAT_ENGINE_CONFIG', 'chat engine config', 'evidencePrior', config.evidencePrior, 'a number ≥ 0');
  for (const field of COUNT_FIELDS) {
    if (!Number.isInteger(config[field]) || config[field] < 1) throw new ConfigError('BAD_CHAT_ENGINE_CONFIG', 'chat engine config', field, config[field], 'an integer ≥ 1');
  }
  return config;
}
