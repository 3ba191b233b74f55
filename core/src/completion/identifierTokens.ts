/** Identifier and keyword tokens (letters, digits, `_`, `$`, not starting with a digit), the unit of jaccard-copy. */
const IDENTIFIER = /[\p{L}_$][\p{L}\p{N}_$]*/gu;

/** The distinct identifier/keyword tokens of a text, in order of first appearance. */
export function identifierTokens(text: string): string[] {
  return [...new Set(text.match(IDENTIFIER) ?? [])];
}
