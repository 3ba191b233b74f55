import { RequestType } from 'vscode-languageserver-protocol';

export interface ExplainParams {
  /** Id of a suggestion the server returned (inline item `command.arguments[0]` or completion item `data`). */
  suggestionId: string;
}

/** One place a suggestion came from; lines are 0-based, as in LSP. */
export interface ExplainSource {
  /** Workspace-relative path, `/`-separated. */
  file?: string;
  line?: number;
  spanId?: string;
  /** Similarity of the matched context to the request's context, 0–1. */
  similarity: number;
  /** Times a suggestion from this source was accepted before. */
  acceptedBefore: number;
}

export interface ExplainResult {
  suggestionId: string;
  /** The suggested text. */
  text: string;
  /** The probability that the text is exactly right, as calibrated by the engine (its raw score until it has calibrated). */
  confidence: number;
  /** The engine's uncalibrated score, when it reported one. */
  rawConfidence?: number;
  /** Which calibration applied: `next-line`, `mid-line` or `block`. */
  mode?: string;
  method: string;
  /** Document the suggestion was made in. */
  uri: string;
  sources: ExplainSource[];
}

/**
 * `arenalab/explain`, client → server request: why a shown suggestion was made (its provenance, confidence and
 * method). Answers `null` when the id is unknown or has aged out of the server's memory of recent suggestions.
 */
export const ExplainRequest = new RequestType<ExplainParams, ExplainResult | null, void>('arenalab/explain');
