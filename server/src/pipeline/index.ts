export * from './curateAndBuild';
export * from './loadStoreSpans';
