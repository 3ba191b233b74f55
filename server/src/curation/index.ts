export * from './curationSession';
export * from './curationViews';
export * from './datasetOverview';
export * from './runDatasetAction';
