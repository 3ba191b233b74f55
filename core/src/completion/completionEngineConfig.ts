/** Settings of the completion engine; every field has a default in DEFAULT_COMPLETION_ENGINE_CONFIG. */
export interface CompletionEngineConfig {
  /** Candidates below this confidence are not returned ("nothing rather than noise"). Range 0–1. @default 0.5 */
  showThreshold: number;
  /** Most candidates returned. Range 1–10. @default 3 */
  maxCandidates: number;
  /** Stop backing off to shorter contexts once this many matching places were found. @default 24 */
  minOccurrences: number;
  /** Most places examined per context level (an even sample when there are more). @default 256 */
  maxPerLevel: number;
  /** Longest shared context measured, in tokens. @default 64 */
  maxContext: number;
  /** Shortest shared context that counts as a match, in tokens (2 = the previous line's last token and the line break). @default 2 */
  minContext: number;
  /** Vote weight multiplier for matches in the request's own document, which predicts itself best. @default 4 */
  selfWeight: number;
  /** Vote weight multiplier for matches in other open documents. @default 1.5 */
  openFileWeight: number;
  /** A place's vote weight grows as (shared context length) ^ this: high, so the most specific evidence dominates and shorter matches only break ties. Range ≥ 0. @default 6 */
  matchWeightExponent: number;
  /**
   * How strongly a continuation is preferred when its identifiers already occur in the document (before or after the
   * cursor): its weight is multiplied by (0.05 + share of its identifiers found) ^ this. 0 turns it off. @default 2
   */
  documentWordsExponent: number;
  /**
   * Code repeats its own shape: a continuation resembling the lines around the cursor (the next assertion after an
   * assertion, the next `elif` after an `elif`) is preferred by (0.3 + its best edit similarity to one of them) ^ this.
   * 0 turns it off. @default 1
   */
  neighbourSimilarityExponent: number;
  /** Candidates re-ordered by consensus (minimum Bayes risk over edit similarity); 1 turns it off. @default 16 */
  consensusCandidates: number;
  /**
   * Continuations with fewer non-whitespace characters than this are never suggested: a lone `}` or comment closer saves a keystroke
   * or two and costs the reader a glance, so it is noise. Range ≥ 1. @default 4
   */
  minSuggestionChars: number;
  /**
   * How much of a context that matches only after renaming names counts, 0–1: a place with the same structure and
   * other names is evidence, but weaker than the same code. 0 turns renaming off. @default 0.3
   */
  renamedContextCredit: number;
  /**
   * How strongly learned trajectory weights move votes: a place votes × exp(this × (weight − 1)). The default makes
   * one acceptance (weight 1.05) triple a place; 0 ignores what was learned. Range ≥ 0. @default 22
   */
  learnedWeightGain: number;
  /**
   * A block's next line is kept only when its support is at least this: the share of the vote weight of the places
   * still agreeing on the block that wrote it there, or the line-level search's confidence in it. Range 0–1. @default 0.5
   */
  blockLineAgreement: number;
  /**
   * A block's confidence is its first line's times each later line's support ^ this: 1 treats the lines as
   * independent guesses, lower values credit that a line found after the right lines is more likely right. Range ≥ 0.
   * @default 1
   */
  blockStepExponent: number;
  /** Lines of the document before the cursor scanned for self-matches. @default 3000 */
  selfScanLines: number;
  /** Lines of the document after the cursor scanned for self-matches. @default 300 */
  suffixScanLines: number;
  /**
   * Indexed files the engine completes its own held-out lines in to calibrate its confidence (`selfCalibration`),
   * a seeded sample; 0 turns self-calibration off (the confidence is then the raw score). Range ≥ 0. @default 300
   */
  calibrationFiles: number;
  /**
   * Held-out lines in all, spread evenly over the sampled files (each gives a next-line and, where a token boundary
   * allows, a mid-line sample): a small workspace gives more lines per file, so its calibration is not starved.
   * Range ≥ 1. @default 2000
   */
  calibrationLines: number;
  /**
   * How many samples' worth a parent's calibration map counts as when a mode (or a language in a mode) is fitted:
   * groups with few samples stay near the parent's map. Range ≥ 0. @default 20
   */
  calibrationPriorStrength: number;
  /**
   * Fewer labelled samples than this (held-out lines and outcomes together) say too little: the confidence stays the
   * raw score. Range ≥ 0. @default 50
   */
  calibrationMinSamples: number;
  /**
   * Token-level synthesis: lines composed token by token from the next-token model enter the vote with their
   * confidence × this. 0 turns synthesis off (and the index keeps no token postings). Range ≥ 0. @default 1
   */
  synthesisCredit: number;
  /**
   * 1: Python streams carry INDENT/DEDENT tokens, so contexts see block structure. Off by default: measured, it
   * lowered EM on the held-out standard library in both modes and was mixed on pip (README). Range 0–1. @default 0
   */
  indentTokens: number;
  /** A next-token place weighs (shared context length) ^ this. Range ≥ 0. @default 4 */
  tokenMatchExponent: number;
  /** Most indexed places examined per token-context level. Range ≥ 1. @default 64 */
  tokenMaxPerLevel: number;
  /** Partial lines the beam keeps (and next tokens it tries from each). Range ≥ 1. @default 4 */
  synthesisBeamWidth: number;
  /** Most tokens composed on one line. Range ≥ 1. @default 40 */
  synthesisMaxTokens: number;
  /** Next tokens less probable than this are not tried. Range 0–1. @default 0.02 */
  synthesisMinTokenProbability: number;
  /**
   * A composed name that occurs nowhere in the document (nor open files) counts × this: names bound in the
   * document's scope are preferred over names seen elsewhere. 1 turns it off. Range 0–1. @default 0.5
   */
  foreignNameWeight: number;
  /** Milliseconds composing may take per request when the engine has a clock; then the lines completed so far count. @default 6 */
  synthesisBudgetMs: number;
}

export const DEFAULT_COMPLETION_ENGINE_CONFIG: CompletionEngineConfig = {
  showThreshold: 0.5,
  maxCandidates: 3,
  minOccurrences: 24,
  maxPerLevel: 256,
  maxContext: 64,
  minContext: 2,
  selfWeight: 4,
  openFileWeight: 1.5,
  matchWeightExponent: 6,
  documentWordsExponent: 2,
  neighbourSimilarityExponent: 1,
  consensusCandidates: 16,
  minSuggestionChars: 4,
  renamedContextCredit: 0.3,
  learnedWeightGain: 22,
  blockLineAgreement: 0.5,
  blockStepExponent: 1,
  selfScanLines: 3000,
  suffixScanLines: 300,
  calibrationFiles: 300,
  calibrationLines: 2000,
  calibrationPriorStrength: 20,
  calibrationMinSamples: 50,
  synthesisCredit: 1,
  indentTokens: 0,
  tokenMatchExponent: 4,
  tokenMaxPerLevel: 64,
  synthesisBeamWidth: 4,
  synthesisMaxTokens: 40,
  synthesisMinTokenProbability: 0.02,
  synthesisBudgetMs: 6,
  foreignNameWeight: 0.5,
};
