import type { AssignedValueContext, EntropyRule } from './assignedValue';
import type { SecretKind } from './secretKind';

/** What a validator is told about one candidate match. */
export interface DetectorInput {
  /** The exact text that would be replaced. */
  value: string;
  /** Set for assignment detectors (the value came from `NAME = VALUE`). */
  assignment?: AssignedValueContext;
  entropy: EntropyRule;
}

/** One row of the detector table. */
export interface SecretDetector {
  /** Stable name of the rule, used by the test corpus (`test-fixtures/secrets/rule-corpus.jsonl`). */
  id: string;
  kind: SecretKind;
  /**
   * Global regex with indices (`gd`). Assignment detectors capture the value in one of
   * `VALUE_GROUPS` and only that part is replaced; otherwise the whole match is the secret.
   */
  pattern: RegExp;
  /** Cheap pre-check: the pattern cannot match unless the text contains one of these. */
  hints: readonly string[];
  /** Compare `hints` with the lower-cased text (for case-insensitive patterns). */
  hintsIgnoreCase?: boolean;
  /** Rejects candidates that have the shape but are not secrets. */
  validate?: (input: DetectorInput) => boolean;
}

// Boundaries instead of \b: `_` and `-` are part of tokens, so `\b` would cut them short.
export const START = '(?<![A-Za-z0-9_])';
export const END = '(?![A-Za-z0-9_])';
