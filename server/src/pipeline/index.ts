export * from './curateAndBuild';
export * from './loadStoreSpans';
export * from './buildStoreDataset';
