export type DatasetRepositoryErrorCode =
  | 'DATASET_NOT_FOUND'
  | 'DATASET_VERSION_FROZEN'
  | 'DATASET_INVALID_NAME'
  | 'DATASET_CORRUPT'
  | 'DATASET_HAS_SECRETS';

/** Every failure of the dataset repository, with a code scripts can match and a message people can read. */
export class DatasetRepositoryError extends Error {
  constructor(
    readonly code: DatasetRepositoryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DatasetRepositoryError';
  }
}
