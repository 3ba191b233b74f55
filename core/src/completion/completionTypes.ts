import type { Cancellation } from '../ports/cancellation';
import type { CompletionMode } from './completionMode';

/** A position in a text document: 0-based line and UTF-16 character offset, as in LSP. */
export interface SourcePosition {
  line: number;
  character: number;
}

export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
}

/** What the editor (or the benchmark) knows at the cursor. */
export interface CompletionRequest {
  /** Workspace-relative path of the document, `/`-separated. */
  file: string;
  /** Language id (`typescript`, `python`, …), as in LSP. */
  language: string;
  /** The document's text before the cursor. */
  prefix: string;
  /** The document's text after the cursor. */
  suffix: string;
  /** Cursor position; derived from `prefix` when absent. */
  position?: SourcePosition;
  /** Other open documents, most recently used first; they may be searched like indexed files. */
  openFiles?: readonly { file: string; language: string; text: string }[];
}

/** Where a suggestion came from: the source line it was matched at, how similar the context was, how often accepted. */
export interface CompletionProvenance {
  file?: string;
  /** 0-based line of the matched continuation in `file`. */
  line?: number;
  spanId?: string;
  /** Similarity of the matched context to the request's context, 0–1. */
  similarity: number;
  /** Times a suggestion from this source was accepted before (online learning fills this in). */
  acceptedBefore: number;
  /** For a part of a composed line: the text taken from this place. */
  text?: string;
  /** For a part of a composed line: tokens of context matched before it (the shortest among its tokens). */
  matchedTokens?: number;
}

export interface CompletionCandidate {
  /** Text to insert. */
  text: string;
  /** Range the text replaces (empty at the cursor for a pure insertion). */
  range: SourceRange;
  /**
   * The probability that the text is exactly right, 0–1: the raw score through the engine's calibration for this
   * mode and language (the identity until the engine has calibrated).
   */
  confidence: number;
  /** The engine's uncalibrated score (share of the vote, evidence, specificity), kept for explain. */
  rawConfidence?: number;
  /** Next line, mid-line or block: which calibration applied. */
  mode?: CompletionMode;
  /** How the candidate was produced, e.g. `ngram-vote`, `prefix-copy`. */
  method: string;
  provenance: CompletionProvenance[];
}

export interface CompletionResult {
  /** Up to three candidates, best first, all at or above the show threshold. */
  candidates: CompletionCandidate[];
  /** Confidence of the best candidate found, shown or not; 0 when there was none. */
  bestConfidence: number;
  /** The uncalibrated score of that candidate; 0 when there was none. */
  bestRawConfidence?: number;
  /** Set when the budget ran out and search phases were skipped: the candidates rank what was found until then. */
  cutShort?: boolean;
}

export interface CompleteOptions {
  /** Overrides the engine's show threshold for this call (the benchmark scores every case at 0). */
  showThreshold?: number;
  /** Overrides how many candidates are returned. */
  maxCandidates?: number;
  /**
   * Most lines a candidate may span (`arenalab.maxLines`): above 1, after a block opener with an empty body the
   * engine proposes the body, as far as the places that voted for its first line agree on it. @default 1
   */
  maxLines?: number;
  /** The caller no longer wants an answer ($/cancelRequest, Ctrl-C): the search stops with CancelledError. */
  token?: Cancellation;
  /** The time allowed is over: the search stops and ranks what it found so far (an answer is never late). */
  budget?: Cancellation;
  /** false: copied lines only, no token-level synthesis for this call (the benchmark's copy-only baseline). */
  synthesis?: boolean;
}
