export * from './datasetRepository';
export * from './datasetRepositoryError';
