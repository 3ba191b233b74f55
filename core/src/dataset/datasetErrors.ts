/** Thrown when something tries to change a frozen dataset. */
export class FrozenDatasetError extends Error {
  readonly code = 'DATASET_FROZEN' as const;
  constructor(readonly datasetId: string) {
    super(`dataset ${datasetId} is frozen and cannot be changed`);
    this.name = 'FrozenDatasetError';
  }
}

/** Thrown when a span id is added twice. */
export class DuplicateSpanIdError extends Error {
  readonly code = 'DATASET_DUPLICATE_ID' as const;
  constructor(readonly spanId: string) {
    super(`the dataset already holds a span with id ${spanId}`);
    this.name = 'DuplicateSpanIdError';
  }
}

/** Thrown for a version that is not `MAJOR.MINOR.PATCH`. */
export class InvalidVersionError extends Error {
  readonly code = 'DATASET_INVALID_VERSION' as const;
  constructor(readonly version: string) {
    super(`'${version}' is not a semantic version (MAJOR.MINOR.PATCH)`);
    this.name = 'InvalidVersionError';
  }
}

/** Thrown when an embedding does not have the dataset's dimension. */
export class EmbeddingDimensionError extends Error {
  readonly code = 'DATASET_EMBEDDING_DIMENSION' as const;
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`embedding has ${actual} dimensions, the dataset uses ${expected}`);
    this.name = 'EmbeddingDimensionError';
  }
}
