/** A search asked for a `k` that is not a non-negative integer. */
export class InvalidSearchError extends Error {
  readonly code = 'INVALID_K' as const;

  constructor(readonly k: number) {
    super(`vector search: k must be a non-negative integer, got ${k}`);
    this.name = 'InvalidSearchError';
  }
}

/** Throws {@link InvalidSearchError} unless `k` is a non-negative integer. */
export function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 0) throw new InvalidSearchError(k);
}
