/** Why the syntax service cannot parse: no grammar for the language, or a runtime or grammar that will not load. */
export type SyntaxServiceErrorCode = 'UNSUPPORTED_LANGUAGE' | 'RUNTIME_LOAD_FAILED' | 'GRAMMAR_LOAD_FAILED';

/** A failure of the syntax service, naming the language involved when there is one. */
export class SyntaxServiceError extends Error {
  constructor(
    readonly code: SyntaxServiceErrorCode,
    message: string,
    readonly languageId?: string,
  ) {
    super(message);
    this.name = 'SyntaxServiceError';
  }
}
