export * from './datasetRepository';
export * from './datasetRepositoryError';
export * from './curateAndBuild';
export * from './buildStoreDataset';
