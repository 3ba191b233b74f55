/** Why a serialized index could not be loaded. */
export type IndexFormatProblem = 'INDEX_TRUNCATED' | 'INDEX_BAD_MAGIC' | 'INDEX_VERSION' | 'INDEX_KIND' | 'INDEX_CHECKSUM' | 'INDEX_MALFORMED';

/** A serialized index is corrupt, truncated, of another kind or of an unknown format version. */
export class IndexFormatError extends Error {
  constructor(
    readonly code: IndexFormatProblem,
    detail: string,
  ) {
    super(`index file: ${detail}`);
    this.name = 'IndexFormatError';
  }
}
