/** Why a HuggingFace `tokenizer.json` cannot be used. */
export type TokenizerErrorCode = 'UNSUPPORTED_TOKENIZER' | 'BAD_TOKENIZER';

/**
 * `UNSUPPORTED_TOKENIZER`: a valid file using a model, normalizer, pre-tokenizer or post-processor
 * this reader does not implement (only WordPiece and WordLevel models are). `BAD_TOKENIZER`: a
 * required field is missing or has the wrong type.
 */
export class TokenizerError extends Error {
  constructor(
    readonly code: TokenizerErrorCode,
    message: string,
  ) {
    super(`tokenizer.json: ${message}`);
    this.name = 'TokenizerError';
  }
}
