/** A vector's length differs from the dimension the index or embedder was built for. */
export class DimensionMismatchError extends Error {
  readonly code = 'DIMENSION_MISMATCH' as const;

  constructor(
    readonly expected: number,
    readonly actual: number,
    readonly where: string,
  ) {
    super(`${where}: expected a vector of dimension ${expected}, got ${actual}`);
    this.name = 'DimensionMismatchError';
  }
}

/** A dimension that is not a positive integer. */
export class InvalidDimensionError extends Error {
  readonly code = 'INVALID_DIMENSION' as const;

  constructor(
    readonly dimension: number,
    readonly where: string,
  ) {
    super(`${where}: dimension must be a positive integer, got ${dimension}`);
    this.name = 'InvalidDimensionError';
  }
}

/** Throws {@link InvalidDimensionError} unless `dimension` is a positive integer. */
export function checkDimensionValue(dimension: number, where: string): void {
  if (!Number.isInteger(dimension) || dimension < 1) throw new InvalidDimensionError(dimension, where);
}
