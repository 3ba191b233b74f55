export * from './bruteForceIndex';
export * from './dimensionMismatchError';
export * from './invalidSearchError';
export * from './vectorIndex';
